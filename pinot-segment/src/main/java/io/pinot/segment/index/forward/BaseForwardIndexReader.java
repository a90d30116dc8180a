// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.forward;

import io.pinot.segment.spi.ForwardIndexReader;

/// Base of the forward index readers: every read method throws [UnsupportedOperationException] unless the
/// encoding overrides it, as the [ForwardIndexReader] contract requires.
abstract sealed class BaseForwardIndexReader implements ForwardIndexReader permits BitPackedSvForwardIndexReader,
    BitPackedMvForwardIndexReader, SortedForwardIndexReader, FixedWidthRawForwardIndexReader,
    VarLengthRawForwardIndexReader, ChunkedFixedWidthForwardIndexReader, RawMultiValueForwardIndexReader {
  private final String description;

  BaseForwardIndexReader(String description) {
    this.description = description;
  }

  /// Number of documents the index holds.
  public abstract int numDocs();

  /// A contiguous run `docIds[0], docIds[0] + 1, ...` (doc ids are increasing, so checking the ends suffices).
  static boolean contiguous(int[] docIds, int length) {
    return docIds[length - 1] - docIds[0] == length - 1;
  }

  UnsupportedOperationException unsupported(String operation) {
    return new UnsupportedOperationException(operation + " is not supported by a " + description + " forward index");
  }

  @Override
  public void readDictIds(int[] docIds, int length, int[] dictIds) {
    throw unsupported("readDictIds");
  }

  @Override
  public int getDictIdsMV(int docId, int[] dictIds) {
    throw unsupported("getDictIdsMV");
  }

  @Override
  public int numValuesMV(int docId) {
    throw unsupported("numValuesMV");
  }

  @Override
  public void readIntValues(int[] docIds, int length, int[] out) {
    throw unsupported("readIntValues");
  }

  @Override
  public void readLongValues(int[] docIds, int length, long[] out) {
    throw unsupported("readLongValues");
  }

  @Override
  public void readFloatValues(int[] docIds, int length, float[] out) {
    throw unsupported("readFloatValues");
  }

  @Override
  public void readDoubleValues(int[] docIds, int length, double[] out) {
    throw unsupported("readDoubleValues");
  }

  @Override
  public void readStringValues(int[] docIds, int length, String[] out) {
    throw unsupported("readStringValues");
  }

  @Override
  public void readBytesValues(int[] docIds, int length, byte[][] out) {
    throw unsupported("readBytesValues");
  }

  @Override
  public String toString() {
    return getClass().getSimpleName();
  }
}
