// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.spi;

import io.pinot.spi.data.DataType;

/// Per-document values of a column, read block by block into caller-owned primitive arrays.
///
/// Dictionary-encoded columns answer [#readDictIds] (single-value) and [#getDictIdsMV] (multi-value);
/// raw columns answer the typed `read*Values` methods (numeric reads convert between numeric types)
/// and, for multi-value raw columns, nothing yet. Calling a method the encoding does not support throws
/// [UnsupportedOperationException]. `docIds` hold `length` increasing doc ids; readers are fastest when
/// they are contiguous. Thread-safe: no per-reader mutable state.
public interface ForwardIndexReader {
  boolean dictionaryEncoded();

  boolean singleValue();

  /// The stored type of the values.
  DataType storedType();

  /// Dictionary ids of `length` documents into `dictIds[0..length)`.
  void readDictIds(int[] docIds, int length, int[] dictIds);

  /// Dictionary ids of one multi-value document into `dictIds`; returns how many were written. The buffer
  /// must hold `maxNumberOfMultiValues` entries.
  int getDictIdsMV(int docId, int[] dictIds);

  /// Number of values in one multi-value document.
  int numValuesMV(int docId);

  void readIntValues(int[] docIds, int length, int[] out);

  void readLongValues(int[] docIds, int length, long[] out);

  void readFloatValues(int[] docIds, int length, float[] out);

  void readDoubleValues(int[] docIds, int length, double[] out);

  void readStringValues(int[] docIds, int length, String[] out);

  void readBytesValues(int[] docIds, int length, byte[][] out);
}
