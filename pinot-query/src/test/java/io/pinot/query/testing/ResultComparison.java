// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.testing;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/// Compares result rows of the engine with the oracle's. Numbers compare numerically: integral values
/// exactly, others with a relative tolerance of 1e-9 (double sums depend on the order of additions, which
/// differs between engines). Unordered results are compared after sorting both sides.
public final class ResultComparison {
  private static final double TOLERANCE = 1e-9;

  private ResultComparison() {
  }

  /// A description of the first difference, or null when the rows match.
  public static String difference(List<Object[]> actual, List<Object[]> expected, boolean ordered) {
    List<Object[]> a = new ArrayList<>(actual);
    List<Object[]> e = new ArrayList<>(expected);
    if (!ordered) {
      Comparator<Object[]> byText = Comparator.comparing(ResultComparison::sortKey);
      a.sort(byText);
      e.sort(byText);
    }
    if (a.size() != e.size()) {
      return "row count " + a.size() + " != expected " + e.size() + "; first rows " + preview(a) + " vs "
          + preview(e);
    }
    for (int r = 0; r < a.size(); r++) {
      Object[] x = a.get(r);
      Object[] y = e.get(r);
      if (x.length != y.length) {
        return "row " + r + " has " + x.length + " columns, expected " + y.length;
      }
      for (int c = 0; c < x.length; c++) {
        if (!same(x[c], y[c])) {
          return "row " + r + " column " + c + ": " + Arrays.toString(x) + " != expected " + Arrays.toString(y);
        }
      }
    }
    return null;
  }

  private static String preview(List<Object[]> rows) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < Math.min(3, rows.size()); i++) {
      text.append(Arrays.toString(rows.get(i)));
    }
    return text.toString();
  }

  static boolean same(Object actual, Object expected) {
    if (actual instanceof Number x && expected instanceof Number y) {
      if (isIntegral(x) && isIntegral(y)) {
        return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
      }
      double a = x.doubleValue();
      double b = y.doubleValue();
      return a == b || Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }
    if (actual instanceof Number x && expected instanceof Boolean b) {
      return (x.intValue() != 0) == b;
    }
    return String.valueOf(actual).equals(String.valueOf(expected));
  }

  private static boolean isIntegral(Number number) {
    return number instanceof Integer || number instanceof Long || number instanceof Short
        || number instanceof BigInteger || number instanceof BigDecimal d && d.stripTrailingZeros().scale() <= 0;
  }

  private static String sortKey(Object[] row) {
    StringBuilder key = new StringBuilder();
    for (Object value : row) {
      if (value instanceof Number number) {
        key.append(String.format("%+030.6f", number.doubleValue()));
      } else {
        key.append(value);
      }
      key.append('|');
    }
    return key.toString();
  }
}
