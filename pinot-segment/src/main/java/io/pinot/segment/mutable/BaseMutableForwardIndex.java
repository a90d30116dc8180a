// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.mutable;

import io.pinot.segment.spi.ForwardIndexReader;
import io.pinot.spi.data.DataType;

/// Base of the forward index readers of a mutable segment: every read method throws
/// [UnsupportedOperationException] unless the encoding overrides it, as the [ForwardIndexReader] contract requires.
/// Readers hold no per-query state and are shared by all snapshots of a column (a snapshot only ever asks for
/// documents below its own count, all published to it). Thread-safe.
abstract sealed class BaseMutableForwardIndex implements ForwardIndexReader permits DictIdForwardIndex,
    MultiValueDictIdForwardIndex, RawFixedWidthForwardIndex, RawVariableWidthForwardIndex {
  private final String description;
  private final DataType storedType;

  BaseMutableForwardIndex(String description, DataType storedType) {
    this.description = description;
    this.storedType = storedType;
  }

  @Override
  public final DataType storedType() {
    return storedType;
  }

  UnsupportedOperationException unsupported(String operation) {
    return new UnsupportedOperationException(operation + " is not supported by a mutable " + description
        + " forward index");
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
    return getClass().getSimpleName() + "[" + storedType + "]";
  }
}
