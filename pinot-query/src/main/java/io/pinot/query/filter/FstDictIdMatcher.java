// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.filter;

import io.pinot.query.context.Predicate;
import io.pinot.segment.spi.DataSource;
import io.pinot.segment.spi.Dictionary;
import io.pinot.segment.spi.FstIndexReader;
import org.jspecify.annotations.Nullable;

/// Finds the dictionary ids matching `LIKE` and case-sensitive `REGEXP_LIKE` through the column's FST index, so
/// that a pattern with a literal prefix reads a few FST arcs instead of every dictionary value. The ids then take
/// the same path as any dictionary match (sorted index, inverted index or dictionary-id scan). Case-insensitive
/// patterns and regular expressions the index cannot evaluate are left to [DictionaryMatcher], as in Pinot.
/// Thread-safe (no state).
final class FstDictIdMatcher {
  private FstDictIdMatcher() {
  }

  /// The matching ids, or null when the column has no FST index or the predicate cannot use it.
  static @Nullable DictIdMatch match(Predicate predicate, DataSource dataSource) {
    FstIndexReader fst = dataSource.fstIndex();
    Dictionary dictionary = dataSource.dictionary();
    if (fst == null || dictionary == null) {
      return null;
    }
    int[] ids = switch (predicate) {
      case Predicate.Like like -> fst.likeDictIds(like.pattern());
      case Predicate.RegexpLike regexpLike when !regexpLike.caseInsensitive() ->
          fst.regexpLikeDictIds(regexpLike.pattern());
      default -> null;
    };
    if (ids == null) {
      return null;
    }
    return ids.length == 0 ? DictIdMatch.range(0, 0) : DictIdMatch.of(ids, ids.length, dictionary.length());
  }
}
