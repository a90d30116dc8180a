// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.operator;

import io.pinot.segment.spi.Dictionary;
import io.pinot.spi.data.DataType;
import org.jspecify.annotations.Nullable;

/// The source of one slot of a [ProjectionBlock]: a column of the segment ([ColumnReader]) or a transform
/// expression computed from other slots (`io.pinot.query.transform`). Each method fills a reused array for the
/// block identified by `stamp` (at most once per block and kind) and returns it; `docIds` and `length` describe the
/// block. Not thread-safe: one per segment execution.
public interface BlockValues {
  boolean singleValue();

  /// The logical type of the values (BOOLEAN and TIMESTAMP besides the stored types).
  DataType logicalType();

  /// The stored type (INT, LONG, FLOAT, DOUBLE, BIG_DECIMAL, STRING or BYTES).
  default DataType storedType() {
    return logicalType().storedType();
  }

  /// The dictionary of dictionary-encoded values, or null.
  default @Nullable Dictionary dictionary() {
    return null;
  }

  int[] dictIds(int[] docIds, int length, int stamp);

  int[] intValues(int[] docIds, int length, int stamp);

  long[] longValues(int[] docIds, int length, int stamp);

  float[] floatValues(int[] docIds, int length, int stamp);

  double[] doubleValues(int[] docIds, int length, int stamp);

  String[] stringValues(int[] docIds, int length, int stamp);

  byte[][] bytesValues(int[] docIds, int length, int stamp);

  int[] mvOffsets(int[] docIds, int length, int stamp);

  int[] mvDictIds(int[] docIds, int length, int stamp);

  /// Multi-value values without a dictionary (an array-valued transform's): one Java array per document (`int[]`,
  /// `long[]`, `float[]`, `double[]`, `String[]` or `byte[][]` by the stored type).
  default Object[] arrayValues(int[] docIds, int length, int stamp) {
    throw new UnsupportedOperationException("Not an array-valued transform");
  }
}
