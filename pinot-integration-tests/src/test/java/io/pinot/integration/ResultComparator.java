// SPDX-License-Identifier: Apache-2.0
package io.pinot.integration;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/// Compares the rows of a broker response with the rows an independent engine returned. Numbers compare
/// by value with a relative tolerance of 1e-9 (sums of doubles are added in different orders), or 1e-6
/// when both sides are floating point and large; everything else compares as text. Without ORDER BY the
/// rows compare as multisets.
final class ResultComparator {
  private static final double TOLERANCE = 1e-9;

  private ResultComparator() {
  }

  /// Null when equal, else a description of the first difference.
  static String difference(JsonNode pinotRows, List<List<Object>> expected, boolean ordered) {
    List<List<Object>> actual = new ArrayList<>();
    for (JsonNode row : pinotRows) {
      List<Object> values = new ArrayList<>();
      for (JsonNode value : row) {
        values.add(value.isNumber() ? value.decimalValue() : value.isNull() ? null : value.asText());
      }
      actual.add(values);
    }
    List<List<Object>> expectedRows = new ArrayList<>(expected);
    if (!ordered) {
      Comparator<List<Object>> byText = Comparator.comparing(ResultComparator::text);
      actual.sort(byText);
      expectedRows.sort(byText);
    }
    if (actual.size() != expectedRows.size()) {
      return "row count " + actual.size() + " != expected " + expectedRows.size() + "; got " + actual + " expected "
          + expectedRows;
    }
    for (int i = 0; i < actual.size(); i++) {
      List<Object> got = actual.get(i);
      List<Object> want = expectedRows.get(i);
      if (got.size() != want.size()) {
        return "row " + i + " has " + got.size() + " columns, expected " + want.size();
      }
      for (int j = 0; j < got.size(); j++) {
        if (!same(got.get(j), want.get(j))) {
          return "row " + i + " column " + j + ": got " + got.get(j) + ", expected " + want.get(j) + " (rows "
              + got + " vs " + want + ")";
        }
      }
    }
    return null;
  }

  private static boolean same(Object actual, Object expected) {
    if (actual == null || expected == null) {
      return actual == expected;
    }
    if (actual instanceof BigDecimal number && expected instanceof Number want) {
      double a = number.doubleValue();
      double b = want.doubleValue();
      return a == b || Math.abs(a - b) <= TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
    }
    return actual.toString().equals(expected.toString());
  }

  private static String text(List<Object> row) {
    StringBuilder text = new StringBuilder();
    for (Object value : row) {
      text.append(value instanceof Number n ? Double.toString(n.doubleValue()) : String.valueOf(value)).append('|');
    }
    return text.toString();
  }
}
