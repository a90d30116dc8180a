// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.function;

import io.pinot.segment.spi.Dictionary;
import io.pinot.spi.data.DataType;
import io.pinot.spi.exception.QueryErrorCode;
import org.jspecify.annotations.Nullable;

/// A view of one dictionary-encoded multi-value slot of a block as a single-value column with one row per value
/// (document after document), so that the single-value holders aggregate multi-value columns unchanged (the MV
/// functions, see [MultiValueFunction]). Every slot number reads the bound slot. Typed arrays are decoded from the
/// dictionary on first access after [#bind]. Not thread-safe: one per holder.
final class FlatMultiValueBlock implements ValueBlock {
  private ValueBlock source;
  private int sourceSlot;
  private Dictionary dictionary;
  private int[] ids = new int[0];
  private int length;
  private int filled;
  private int[] ints = new int[0];
  private long[] longs = new long[0];
  private float[] floats = new float[0];
  private double[] doubles = new double[0];
  private String[] strings = new String[0];
  private byte[][] bytes = new byte[0][];

  /// Binds the view to the values of the first `numDocs` documents of a slot; returns the number of values.
  ///
  /// @throws io.pinot.spi.exception.QueryException QUERY_EXECUTION for a raw (dictionary-less) multi-value column
  int bind(ValueBlock block, int slot, int numDocs) {
    bindDictionary(block, slot);
    ids = block.mvDictIds(slot);
    length = block.mvOffsets(slot)[numDocs];
    filled = 0;
    return length;
  }

  /// Binds the view to a slot's dictionary only (for [ResultHolder#finishSegment]).
  void bindDictionary(ValueBlock block, int slot) {
    Dictionary sourceDictionary = block.dictionary(slot);
    if (sourceDictionary == null || block.isSingleValue(slot)) {
      throw QueryErrorCode.QUERY_EXECUTION.asException(
          "Multi-value aggregation functions need a dictionary-encoded multi-value column");
    }
    source = block;
    sourceSlot = slot;
    dictionary = sourceDictionary;
  }

  @Override
  public boolean isDictionaryEncoded(int slot) {
    return true;
  }

  @Override
  public boolean isSingleValue(int slot) {
    return true;
  }

  @Override
  public DataType storedType(int slot) {
    return source.storedType(sourceSlot);
  }

  @Override
  public @Nullable Dictionary dictionary(int slot) {
    return dictionary;
  }

  @Override
  public int[] dictIds(int slot) {
    return ids;
  }

  private boolean first(int kind) {
    boolean first = (filled & kind) == 0;
    filled |= kind;
    return first;
  }

  @Override
  public int[] intValues(int slot) {
    if (first(1)) {
      ints = ints.length < length ? new int[length] : ints;
      dictionary.readIntValues(ids, length, ints);
    }
    return ints;
  }

  @Override
  public long[] longValues(int slot) {
    if (first(2)) {
      longs = longs.length < length ? new long[length] : longs;
      dictionary.readLongValues(ids, length, longs);
    }
    return longs;
  }

  @Override
  public float[] floatValues(int slot) {
    if (first(4)) {
      floats = floats.length < length ? new float[length] : floats;
      dictionary.readFloatValues(ids, length, floats);
    }
    return floats;
  }

  @Override
  public double[] doubleValues(int slot) {
    if (first(8)) {
      doubles = doubles.length < length ? new double[length] : doubles;
      dictionary.readDoubleValues(ids, length, doubles);
    }
    return doubles;
  }

  @Override
  public String[] stringValues(int slot) {
    if (first(16)) {
      strings = strings.length < length ? new String[length] : strings;
      dictionary.readStringValues(ids, length, strings);
    }
    return strings;
  }

  @Override
  public byte[][] bytesValues(int slot) {
    if (first(32)) {
      bytes = bytes.length < length ? new byte[length][] : bytes;
      for (int i = 0; i < length; i++) {
        bytes[i] = dictionary.getBytesValue(ids[i]);
      }
    }
    return bytes;
  }

  @Override
  public int[] mvOffsets(int slot) {
    throw new UnsupportedOperationException("A flattened multi-value block is single-value");
  }

  @Override
  public int[] mvDictIds(int slot) {
    throw new UnsupportedOperationException("A flattened multi-value block is single-value");
  }
}
