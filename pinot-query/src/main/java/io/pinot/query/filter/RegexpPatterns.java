// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.filter;

import io.pinot.query.context.Predicate;
import io.pinot.segment.spi.ColumnMetadata;
import io.pinot.segment.spi.Dictionary;
import io.pinot.spi.data.DataType;
import io.pinot.spi.exception.QueryErrorCode;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/// `REGEXP_LIKE` without an index: the compiled pattern (`find()` semantics, `CASE_INSENSITIVE | UNICODE_CASE` with
/// the `i` match parameter, as Pinot compiles it) and a pass over a dictionary's values. Only STRING columns
/// (including JSON) qualify, as in Pinot. Thread-safe (no state).
public final class RegexpPatterns {
  private RegexpPatterns() {
  }

  /// The compiled pattern of a predicate.
  public static Pattern compile(Predicate.RegexpLike predicate) {
    return Pattern.compile(predicate.pattern(),
        predicate.caseInsensitive() ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
  }

  /// Fails with QUERY_VALIDATION (700) unless the column stores strings.
  static void checkStringColumn(ColumnMetadata metadata, String column) {
    if (metadata.dataType().storedType() != DataType.STRING) {
      throw QueryErrorCode.QUERY_VALIDATION.asException("REGEXP_LIKE is not supported on column[" + column
          + "] of type " + metadata.dataType() + " (STRING columns only)");
    }
  }

  /// The ids of the dictionary values in which the pattern finds a match.
  static DictIdMatch scanDictionary(Predicate.RegexpLike predicate, Dictionary dictionary) {
    Matcher matcher = compile(predicate).matcher("");
    int cardinality = dictionary.length();
    int[] ids = new int[Math.min(cardinality, 1024)];
    int count = 0;
    for (int dictId = 0; dictId < cardinality; dictId++) {
      if (matcher.reset(dictionary.getStringValue(dictId)).find()) {
        if (count == ids.length) {
          ids = Arrays.copyOf(ids, ids.length * 2);
        }
        ids[count++] = dictId;
      }
    }
    return count == 0 ? DictIdMatch.range(0, 0) : DictIdMatch.of(ids, count, cardinality);
  }
}
