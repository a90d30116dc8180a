// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.function;

import io.pinot.segment.spi.Dictionary;
import io.pinot.spi.data.DataType;
import org.jspecify.annotations.Nullable;

/// A hand-written [ValueBlock] over one dictionary-encoded multi-value LONG column (slot 0): documents given as
/// arrays of dictionary ids (possibly empty).
final class MultiValueBlock implements ValueBlock {
  private final Dictionary dictionary;
  private final int[] offsets;
  private final int[] ids;

  MultiValueBlock(Dictionary dictionary, int[]... docs) {
    this.dictionary = dictionary;
    offsets = new int[docs.length + 1];
    int total = 0;
    for (int d = 0; d < docs.length; d++) {
      total += docs[d].length;
      offsets[d + 1] = total;
    }
    ids = new int[total];
    for (int d = 0; d < docs.length; d++) {
      System.arraycopy(docs[d], 0, ids, offsets[d], docs[d].length);
    }
  }

  @Override
  public boolean isDictionaryEncoded(int slot) {
    return true;
  }

  @Override
  public boolean isSingleValue(int slot) {
    return false;
  }

  @Override
  public DataType storedType(int slot) {
    return DataType.LONG;
  }

  @Override
  public @Nullable Dictionary dictionary(int slot) {
    return dictionary;
  }

  @Override
  public int[] dictIds(int slot) {
    throw new UnsupportedOperationException();
  }

  @Override
  public int[] intValues(int slot) {
    throw new UnsupportedOperationException();
  }

  @Override
  public long[] longValues(int slot) {
    throw new UnsupportedOperationException();
  }

  @Override
  public float[] floatValues(int slot) {
    throw new UnsupportedOperationException();
  }

  @Override
  public double[] doubleValues(int slot) {
    throw new UnsupportedOperationException();
  }

  @Override
  public String[] stringValues(int slot) {
    throw new UnsupportedOperationException();
  }

  @Override
  public byte[][] bytesValues(int slot) {
    throw new UnsupportedOperationException();
  }

  @Override
  public int[] mvOffsets(int slot) {
    return offsets;
  }

  @Override
  public int[] mvDictIds(int slot) {
    return ids;
  }
}
