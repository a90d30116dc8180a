// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.spi;

import org.jspecify.annotations.Nullable;

/// A dictionary-encoded STRING column's FST index: a finite state transducer over the dictionary values that finds
/// the values matching a pattern without testing each one. Thread-safe.
public interface FstIndexReader {
  /// The ids, increasing, of the dictionary values in which the Java regular expression finds a match (the
  /// semantics of case-sensitive `REGEXP_LIKE`), or null when the expression uses constructs the index cannot
  /// evaluate (back-references, look-arounds, flags, word boundaries...): the caller then tests the values itself.
  /// The expression must be valid (compile it with [java.util.regex.Pattern] first).
  int @Nullable [] regexpLikeDictIds(String regex);

  /// The ids, increasing, of the dictionary values a SQL LIKE pattern matches as a whole (`%` any sequence, `_` any
  /// one character, `\` makes the next character literal; case-sensitive), or null when the pattern's automaton is
  /// too large to build (the caller then tests the values itself).
  int @Nullable [] likeDictIds(String likePattern);
}
