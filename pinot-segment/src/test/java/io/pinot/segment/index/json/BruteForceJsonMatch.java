// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.json;

import io.pinot.segment.spi.JsonFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/// A test oracle for `JSON_MATCH`: evaluates a filter record by record over each document's flattened records,
/// without any index (a document matches when one of its records matches; `IS NULL` when none has the path).
final class BruteForceJsonMatch {
  private static final Pattern ARRAY_INDEX = Pattern.compile("\\[([^\\]]+)\\]");

  private BruteForceJsonMatch() {
  }

  static int[] matchingDocs(List<List<Map<String, String>>> documents, JsonFilter filter) {
    List<Integer> docs = new ArrayList<>();
    for (int doc = 0; doc < documents.size(); doc++) {
      boolean match;
      if (filter instanceof JsonFilter.IsNull isNull) {
        match = true;
        for (Map<String, String> record : documents.get(doc)) {
          match &= !matches(new JsonFilter.IsNotNull(isNull.path()), record);
        }
      } else {
        match = false;
        for (Map<String, String> record : documents.get(doc)) {
          match |= matches(filter, record);
        }
      }
      if (match) {
        docs.add(doc);
      }
    }
    return docs.stream().mapToInt(Integer::intValue).toArray();
  }

  private static boolean matches(JsonFilter filter, Map<String, String> record) {
    return switch (filter) {
      case JsonFilter.And and -> and.children().stream().allMatch(child -> matches(child, record));
      case JsonFilter.Or or -> or.children().stream().anyMatch(child -> matches(child, record));
      case JsonFilter.Leaf leaf -> leaf(leaf, record);
    };
  }

  /// The key of a path in a record and its array index conditions, by string rewriting.
  private static boolean leaf(JsonFilter.Leaf leaf, Map<String, String> record) {
    String path = leaf.path().startsWith("$") ? leaf.path().substring(1) : "." + leaf.path();
    Matcher matcher = ARRAY_INDEX.matcher(path);
    StringBuilder key = new StringBuilder();
    int last = 0;
    while (matcher.find()) {
      key.append(path, last, matcher.start());
      if (!matcher.group(1).equals("*") && !matcher.group(1).equals(record.get(key + ".$index"))) {
        return false;
      }
      key.append('.');
      last = matcher.end();
    }
    key.append(path.substring(last));
    String value = record.get(key.toString());
    if (value == null) {
      return false;
    }
    return switch (leaf) {
      case JsonFilter.Eq eq -> value.equals(eq.value());
      case JsonFilter.NotEq notEq -> !value.equals(notEq.value());
      case JsonFilter.In in -> in.values().contains(value);
      case JsonFilter.NotIn notIn -> !notIn.values().contains(value);
      case JsonFilter.IsNotNull notNull -> true;
      case JsonFilter.IsNull isNull -> throw new AssertionError("nested IS NULL");
      case JsonFilter.Range range -> inRange(range, value);
      case JsonFilter.RegexpLike regexp -> value.matches(regexp.pattern());
    };
  }

  private static boolean inRange(JsonFilter.Range range, String value) {
    int lower;
    int upper;
    if (range.numeric()) {
      double number;
      try {
        number = Double.parseDouble(value);
      } catch (NumberFormatException e) {
        return false;
      }
      lower = range.lower() == null ? 1 : Double.compare(number, Double.parseDouble(range.lower()));
      upper = range.upper() == null ? -1 : Double.compare(number, Double.parseDouble(range.upper()));
    } else {
      lower = range.lower() == null ? 1 : value.compareTo(range.lower());
      upper = range.upper() == null ? -1 : value.compareTo(range.upper());
    }
    return (range.lowerInclusive() ? lower >= 0 : lower > 0) && (range.upperInclusive() ? upper <= 0 : upper < 0);
  }
}
