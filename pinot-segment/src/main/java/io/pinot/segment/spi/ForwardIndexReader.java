// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.spi;

import io.pinot.spi.data.DataType;

/// Per-document values of a column, read block by block into caller-owned primitive arrays.
///
/// Dictionary-encoded columns answer [#readDictIds] (single-value) and [#getDictIdsMV] (multi-value);
/// raw single-value columns answer the typed `read*Values` methods (numeric reads convert between numeric types)
/// and raw multi-value columns the typed `get*ValuesMV` methods and [#numValuesMV]. Calling a method the
/// encoding does not support throws [UnsupportedOperationException] (the defaults of the `get*ValuesMV`
/// methods). `docIds` hold `length` increasing doc ids; readers are fastest when they are contiguous.
/// Thread-safe: readers keep at most per-thread decode caches.
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

  /// Values of one raw multi-value document into `out` (which must hold `maxNumberOfMultiValues` entries);
  /// returns how many were written. Numeric reads convert between numeric types.
  default int getIntValuesMV(int docId, int[] out) {
    throw new UnsupportedOperationException("getIntValuesMV is not supported by " + getClass().getSimpleName());
  }

  default int getLongValuesMV(int docId, long[] out) {
    throw new UnsupportedOperationException("getLongValuesMV is not supported by " + getClass().getSimpleName());
  }

  default int getFloatValuesMV(int docId, float[] out) {
    throw new UnsupportedOperationException("getFloatValuesMV is not supported by " + getClass().getSimpleName());
  }

  default int getDoubleValuesMV(int docId, double[] out) {
    throw new UnsupportedOperationException("getDoubleValuesMV is not supported by " + getClass().getSimpleName());
  }

  /// Text forms of one raw multi-value document's values (BYTES as lower-case hex).
  default int getStringValuesMV(int docId, String[] out) {
    throw new UnsupportedOperationException("getStringValuesMV is not supported by " + getClass().getSimpleName());
  }

  default int getBytesValuesMV(int docId, byte[][] out) {
    throw new UnsupportedOperationException("getBytesValuesMV is not supported by " + getClass().getSimpleName());
  }
}
