// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.mutable;

import io.pinot.spi.data.DataType;
import org.jspecify.annotations.Nullable;

/// Forward index of a raw (no-dictionary) single-value INT, LONG, FLOAT or DOUBLE column of a mutable segment: one
/// value per document in growable primitive chunks of the stored type (exactly one of the chunk arrays is set).
/// Numeric reads convert between numeric types as Java casts do; string reads give Java's text form, as the
/// immutable raw reader does. Thread-safe (see [BaseMutableForwardIndex]).
final class RawFixedWidthForwardIndex extends BaseMutableForwardIndex {
  private final @Nullable IntChunks ints;
  private final @Nullable LongChunks longs;
  private final @Nullable FloatChunks floats;
  private final @Nullable DoubleChunks doubles;

  RawFixedWidthForwardIndex(DataType storedType, @Nullable IntChunks ints, @Nullable LongChunks longs,
      @Nullable FloatChunks floats, @Nullable DoubleChunks doubles) {
    super("raw " + storedType, storedType);
    this.ints = ints;
    this.longs = longs;
    this.floats = floats;
    this.doubles = doubles;
  }

  @Override
  public boolean dictionaryEncoded() {
    return false;
  }

  @Override
  public boolean singleValue() {
    return true;
  }

  @Override
  public void readIntValues(int[] docIds, int length, int[] out) {
    if (ints != null) {
      ints.read(docIds, length, out);
      return;
    }
    for (int i = 0; i < length; i++) {
      int docId = docIds[i];
      out[i] = longs != null ? (int) longs.get(docId) : floats != null ? (int) floats.get(docId)
          : (int) doubles.get(docId);
    }
  }

  @Override
  public void readLongValues(int[] docIds, int length, long[] out) {
    if (longs != null) {
      longs.read(docIds, length, out);
      return;
    }
    for (int i = 0; i < length; i++) {
      int docId = docIds[i];
      out[i] = ints != null ? ints.get(docId) : floats != null ? (long) floats.get(docId) : (long) doubles.get(docId);
    }
  }

  @Override
  public void readFloatValues(int[] docIds, int length, float[] out) {
    if (floats != null) {
      floats.read(docIds, length, out);
      return;
    }
    for (int i = 0; i < length; i++) {
      int docId = docIds[i];
      out[i] = ints != null ? ints.get(docId) : longs != null ? longs.get(docId) : (float) doubles.get(docId);
    }
  }

  @Override
  public void readDoubleValues(int[] docIds, int length, double[] out) {
    if (doubles != null) {
      doubles.read(docIds, length, out);
      return;
    }
    for (int i = 0; i < length; i++) {
      int docId = docIds[i];
      out[i] = ints != null ? ints.get(docId) : longs != null ? longs.get(docId) : floats.get(docId);
    }
  }

  @Override
  public void readStringValues(int[] docIds, int length, String[] out) {
    for (int i = 0; i < length; i++) {
      int docId = docIds[i];
      out[i] = ints != null ? Integer.toString(ints.get(docId)) : longs != null ? Long.toString(longs.get(docId))
          : floats != null ? Float.toString(floats.get(docId)) : Double.toString(doubles.get(docId));
    }
  }
}
