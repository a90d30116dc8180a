// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.spi;

import io.pinot.spi.data.DataType;

/// A dictionary of a column's distinct values. In a [#sorted()] dictionary (every immutable segment's) id `i` is
/// the i-th smallest value; strings sort by [String#compareTo], BYTES by unsigned lexicographic order.
///
/// Lookups ([#indexOf] and [#insertionIndexOf]) accept the stored Java value of the column's stored type
/// or, for numeric columns, any `Number` (compared by numeric value) and, for every type, its text form.
/// Bulk reads convert between numeric types (an INT dictionary can fill a `double[]`). Thread-safe.
public interface Dictionary {
  /// The stored type of the values (INT, LONG, FLOAT, DOUBLE, BIG_DECIMAL, STRING or BYTES).
  DataType valueType();

  /// Number of distinct values.
  int length();

  /// The dictionary id of the value, or -1 when absent.
  int indexOf(Object value);

  /// Binary-search result: the id when present, else `-(insertionPoint) - 1`, as [java.util.Arrays#binarySearch].
  /// Only meaningful for [#sorted()] dictionaries; unsorted ones throw [UnsupportedOperationException].
  int insertionIndexOf(Object value);

  /// Whether dictionary ids follow value order (true for every immutable segment). The growable dictionaries of
  /// mutable (consuming) segments number values in insertion order: for them id ranges are not value ranges, id
  /// order is not value order, and the first and last ids are not the minimum and maximum.
  default boolean sorted() {
    return true;
  }

  /// The value of a dictionary id as its stored Java value (boxed; not for hot loops).
  Object get(int dictId);

  int getIntValue(int dictId);

  long getLongValue(int dictId);

  float getFloatValue(int dictId);

  double getDoubleValue(int dictId);

  /// The value's text form (numbers as Java prints them; BYTES as lower-case hex).
  String getStringValue(int dictId);

  byte[] getBytesValue(int dictId);

  void readIntValues(int[] dictIds, int length, int[] out);

  void readLongValues(int[] dictIds, int length, long[] out);

  void readFloatValues(int[] dictIds, int length, float[] out);

  void readDoubleValues(int[] dictIds, int length, double[] out);

  void readStringValues(int[] dictIds, int length, String[] out);
}
