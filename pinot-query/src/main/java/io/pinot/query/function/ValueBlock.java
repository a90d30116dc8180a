// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.function;

import io.pinot.segment.spi.Dictionary;
import io.pinot.segment.spi.Utf8Hash;
import io.pinot.spi.data.DataType;
import org.jspecify.annotations.Nullable;

/// The values of the current block of documents, one *slot* per column the query reads. Arrays are
/// filled lazily on first access for the current block, reused across blocks (valid until the next block)
/// and hold at least the block's length of values; callers must not modify them. Not thread-safe: one per
/// segment execution.
public interface ValueBlock {
  boolean isDictionaryEncoded(int slot);

  boolean isSingleValue(int slot);

  /// The stored type of the column's values (INT, LONG, FLOAT, DOUBLE, BIG_DECIMAL, STRING or BYTES).
  DataType storedType(int slot);

  /// The column's dictionary, or null for a raw column.
  @Nullable Dictionary dictionary(int slot);

  /// Dictionary ids of a single-value dictionary-encoded column.
  int[] dictIds(int slot);

  int[] intValues(int slot);

  long[] longValues(int slot);

  float[] floatValues(int slot);

  double[] doubleValues(int slot);

  String[] stringValues(int slot);

  byte[][] bytesValues(int slot);

  /// The [Utf8Hash] of each value of a single-value STRING column without a dictionary (its UTF-8 bytes'), read
  /// without decoding the values where the storage allows.
  default long[] utf8Hashes(int slot, int length) {
    byte[][] values = bytesValues(slot);
    long[] hashes = new long[length];
    for (int i = 0; i < length; i++) {
      hashes[i] = Utf8Hash.hash(values[i], 0, values[i].length);
    }
    return hashes;
  }

  /// Start offsets (length + 1 entries) into [#mvDictIds(int)] of each document of a multi-value column.
  int[] mvOffsets(int slot);

  /// Dictionary ids of all values of all documents of a multi-value column, document after document.
  int[] mvDictIds(int slot);
}
