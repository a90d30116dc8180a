// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.spi;

import io.pinot.spi.data.DataType;

/// Per-document values of a column, read block by block into caller-owned primitive arrays.
///
/// Dictionary-encoded columns answer [#readDictIds] (single-value) and [#getDictIdsMV] (multi-value);
/// raw single-value columns answer the typed `read*Values` methods (numeric reads convert between numeric types)
/// and raw multi-value columns the typed `get*ValuesMV` methods and [#numValuesMV]. Calling a method the
/// encoding does not support throws [UnsupportedOperationException] (the default of every read method, so
/// readers implement only what their encoding answers). `docIds` hold `length` increasing doc ids; readers are
/// fastest when they are contiguous.
/// Thread-safe: readers keep at most per-thread decode caches.
public interface ForwardIndexReader {
  boolean dictionaryEncoded();

  boolean singleValue();

  /// The stored type of the values.
  DataType storedType();

  /// Dictionary ids of `length` documents into `dictIds[0..length)`.
  default void readDictIds(int[] docIds, int length, int[] dictIds) {
    throw unsupported("readDictIds");
  }

  /// Dictionary ids of one multi-value document into `dictIds`; returns how many were written. The buffer
  /// must hold `maxNumberOfMultiValues` entries.
  default int getDictIdsMV(int docId, int[] dictIds) {
    throw unsupported("getDictIdsMV");
  }

  /// Number of values in one multi-value document.
  default int numValuesMV(int docId) {
    throw unsupported("numValuesMV");
  }

  default void readIntValues(int[] docIds, int length, int[] out) {
    throw unsupported("readIntValues");
  }

  default void readLongValues(int[] docIds, int length, long[] out) {
    throw unsupported("readLongValues");
  }

  default void readFloatValues(int[] docIds, int length, float[] out) {
    throw unsupported("readFloatValues");
  }

  default void readDoubleValues(int[] docIds, int length, double[] out) {
    throw unsupported("readDoubleValues");
  }

  default void readStringValues(int[] docIds, int length, String[] out) {
    throw unsupported("readStringValues");
  }

  default void readBytesValues(int[] docIds, int length, byte[][] out) {
    throw unsupported("readBytesValues");
  }

  /// The [Utf8Hash] of each document's value of a raw single-value STRING column (its UTF-8 bytes).
  default void readUtf8Hashes(int[] docIds, int length, long[] out) {
    byte[][] values = new byte[length][];
    readBytesValues(docIds, length, values);
    for (int i = 0; i < length; i++) {
      out[i] = Utf8Hash.hash(values[i], 0, values[i].length);
    }
  }

  /// Values of one raw multi-value document into `out` (which must hold `maxNumberOfMultiValues` entries);
  /// returns how many were written. Numeric reads convert between numeric types.
  default int getIntValuesMV(int docId, int[] out) {
    throw unsupported("getIntValuesMV");
  }

  default int getLongValuesMV(int docId, long[] out) {
    throw unsupported("getLongValuesMV");
  }

  default int getFloatValuesMV(int docId, float[] out) {
    throw unsupported("getFloatValuesMV");
  }

  default int getDoubleValuesMV(int docId, double[] out) {
    throw unsupported("getDoubleValuesMV");
  }

  /// Text forms of one raw multi-value document's values (BYTES as lower-case hex).
  default int getStringValuesMV(int docId, String[] out) {
    throw unsupported("getStringValuesMV");
  }

  default int getBytesValuesMV(int docId, byte[][] out) {
    throw unsupported("getBytesValuesMV");
  }

  /// The exception of a read method this encoding does not support.
  private UnsupportedOperationException unsupported(String operation) {
    return new UnsupportedOperationException(operation + " is not supported by " + this);
  }
}
