// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.filter;

import io.pinot.query.context.Predicate;
import io.pinot.segment.spi.Dictionary;
import io.pinot.spi.data.DataType;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;

/// Evaluates a predicate's positive form (EQ for NOT_EQ, IN for NOT_IN) on a dictionary once, giving the
/// matching dictionary ids: lookups for EQ and IN, a binary-searched id range for ranges (a value-by-value pass
/// when the dictionary is not sorted), and a regular-expression pass over the values for LIKE. Thread-safe (no
/// state).
final class DictionaryMatcher {
  private DictionaryMatcher() {
  }

  static DictIdMatch match(Predicate predicate, Dictionary dictionary, DataType logicalType, String column) {
    int cardinality = dictionary.length();
    return switch (predicate) {
      case Predicate.Eq eq -> values(List.of(eq.value()), dictionary, logicalType, column);
      case Predicate.NotEq notEq -> values(List.of(notEq.value()), dictionary, logicalType, column);
      case Predicate.In in -> values(in.values(), dictionary, logicalType, column);
      case Predicate.NotIn notIn -> values(notIn.values(), dictionary, logicalType, column);
      case Predicate.Range range -> range(range, dictionary, logicalType, column);
      case Predicate.Like like -> {
        Matcher matcher = LikePatterns.compile(like.pattern()).matcher("");
        int[] ids = new int[Math.min(cardinality, 1024)];
        int count = 0;
        for (int dictId = 0; dictId < cardinality; dictId++) {
          if (matcher.reset(dictionary.getStringValue(dictId)).matches()) {
            if (count == ids.length) {
              ids = Arrays.copyOf(ids, ids.length * 2);
            }
            ids[count++] = dictId;
          }
        }
        yield DictIdMatch.of(ids, count, cardinality);
      }
      case Predicate.JsonMatch json -> throw new IllegalStateException("JSON_MATCH is answered by a JSON index");
      case Predicate.RegexpLike regexpLike -> RegexpPatterns.scanDictionary(regexpLike, dictionary);
      case Predicate.TextMatch textMatch -> throw new IllegalStateException("TEXT_MATCH is answered by a text index");
    };
  }

  private static DictIdMatch values(List<Object> literals, Dictionary dictionary, DataType logicalType,
      String column) {
    int[] ids = new int[literals.size()];
    int count = 0;
    for (Object literal : literals) {
      Object value = FilterValues.exactStored(literal, logicalType, column);
      int dictId = value == null ? -1 : dictionary.indexOf(value);
      if (dictId >= 0) {
        ids[count++] = dictId;
      }
    }
    return count == 0 ? DictIdMatch.range(0, 0) : DictIdMatch.of(ids, count, dictionary.length());
  }

  private static DictIdMatch range(Predicate.Range range, Dictionary dictionary, DataType logicalType,
      String column) {
    FilterValues.Bound lower = FilterValues.bound(range.lower(), range.lowerInclusive(), true, logicalType, column);
    FilterValues.Bound upper = FilterValues.bound(range.upper(), range.upperInclusive(), false, logicalType, column);
    if (lower.empty() || upper.empty()) {
      return DictIdMatch.range(0, 0);
    }
    if (!dictionary.sorted()) {
      return unsortedRange(dictionary, lower, upper);
    }
    int start = 0;
    int end = dictionary.length();
    if (lower.value() != null) {
      int index = dictionary.insertionIndexOf(lower.value());
      start = index >= 0 ? (lower.inclusive() ? index : index + 1) : -index - 1;
    }
    if (upper.value() != null) {
      int index = dictionary.insertionIndexOf(upper.value());
      end = index >= 0 ? (upper.inclusive() ? index + 1 : index) : -index - 1;
    }
    return DictIdMatch.range(start, end);
  }

  /// A range over a dictionary whose ids are not in value order (a consuming segment's): every value is compared
  /// with the bounds.
  private static DictIdMatch unsortedRange(Dictionary dictionary, FilterValues.Bound lower,
      FilterValues.Bound upper) {
    int cardinality = dictionary.length();
    int[] ids = new int[Math.min(cardinality, 1024)];
    int count = 0;
    for (int dictId = 0; dictId < cardinality; dictId++) {
      if (within(dictionary, dictId, lower, true) && within(dictionary, dictId, upper, false)) {
        if (count == ids.length) {
          ids = Arrays.copyOf(ids, ids.length * 2);
        }
        ids[count++] = dictId;
      }
    }
    return count == 0 ? DictIdMatch.range(0, 0) : DictIdMatch.of(ids, count, cardinality);
  }

  private static boolean within(Dictionary dictionary, int dictId, FilterValues.Bound bound, boolean lower) {
    Object value = bound.value();
    if (value == null) {
      return true;
    }
    int cmp = switch (value) {
      case Integer i -> Integer.compare(dictionary.getIntValue(dictId), i);
      case Long l -> Long.compare(dictionary.getLongValue(dictId), l);
      case Float f -> Float.compare(dictionary.getFloatValue(dictId), f);
      case Double d -> Double.compare(dictionary.getDoubleValue(dictId), d);
      case BigDecimal decimal -> new BigDecimal(dictionary.getStringValue(dictId)).compareTo(decimal);
      case byte[] bytes -> Arrays.compareUnsigned(dictionary.getBytesValue(dictId), bytes);
      default -> dictionary.getStringValue(dictId).compareTo(value.toString());
    };
    return lower ? (cmp > 0 || (cmp == 0 && bound.inclusive())) : (cmp < 0 || (cmp == 0 && bound.inclusive()));
  }
}
