// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.startree;

import io.pinot.query.function.ValueBlock;
import io.pinot.segment.spi.Dictionary;
import io.pinot.segment.spi.ForwardIndexReader;
import io.pinot.spi.data.DataType;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/// The pre-aggregated values of a block of star-tree documents, one slot per star-tree metric column a query reads:
/// SUM/AVG/MIN/MAX columns as doubles, a `distinctCountBitmap__x` column as a multi-value dictionary column over
/// the segment's dictionary of `x` (the distinct values of the rows the document stands for). Arrays are filled
/// lazily per block and reused. Not thread-safe: one per segment execution.
final class StarTreeBlock implements ValueBlock {
  private final ForwardIndexReader[] readers;
  private final @Nullable Dictionary[] dictionaries;
  private final int[] stamps;
  private final double[][] doubles;
  private final int[][] mvOffsets;
  private final int[][] mvIds;
  private int[] scratch = new int[0];
  private int[] docIds = new int[0];
  private int length;
  private int stamp;

  /// @param readers the forward index of each slot's column
  /// @param dictionaries per slot, the segment dictionary of a multi-value (distinct) slot, null for doubles
  StarTreeBlock(ForwardIndexReader[] readers, @Nullable Dictionary[] dictionaries) {
    this.readers = readers;
    this.dictionaries = dictionaries;
    this.stamps = new int[readers.length];
    this.doubles = new double[readers.length][];
    this.mvOffsets = new int[readers.length][];
    this.mvIds = new int[readers.length][];
  }

  void setDocIds(int[] newDocIds, int newLength) {
    docIds = newDocIds;
    length = newLength;
    stamp++;
  }

  @Override
  public boolean isDictionaryEncoded(int slot) {
    return dictionaries[slot] != null;
  }

  @Override
  public boolean isSingleValue(int slot) {
    return dictionaries[slot] == null;
  }

  @Override
  public DataType storedType(int slot) {
    Dictionary dictionary = dictionaries[slot];
    return dictionary == null ? DataType.DOUBLE : dictionary.valueType();
  }

  @Override
  public @Nullable Dictionary dictionary(int slot) {
    return dictionaries[slot];
  }

  @Override
  public double[] doubleValues(int slot) {
    if (stamps[slot] != stamp) {
      if (doubles[slot] == null || doubles[slot].length < length) {
        doubles[slot] = new double[Math.max(length, docIds.length)];
      }
      readers[slot].readDoubleValues(docIds, length, doubles[slot]);
      stamps[slot] = stamp;
    }
    return doubles[slot];
  }

  @Override
  public int[] mvOffsets(int slot) {
    loadMultiValue(slot);
    return mvOffsets[slot];
  }

  @Override
  public int[] mvDictIds(int slot) {
    loadMultiValue(slot);
    return mvIds[slot];
  }

  private void loadMultiValue(int slot) {
    if (stamps[slot] == stamp) {
      return;
    }
    ForwardIndexReader reader = readers[slot];
    if (scratch.length < dictionaries[slot].length()) {
      scratch = new int[dictionaries[slot].length()];
    }
    int[] offsets = mvOffsets[slot];
    if (offsets == null || offsets.length < length + 1) {
      offsets = new int[Math.max(length, docIds.length) + 1];
      mvOffsets[slot] = offsets;
    }
    int[] ids = mvIds[slot] == null ? new int[Math.max(16, length)] : mvIds[slot];
    int total = 0;
    for (int i = 0; i < length; i++) {
      offsets[i] = total;
      int count = reader.getDictIdsMV(docIds[i], scratch);
      if (total + count > ids.length) {
        ids = Arrays.copyOf(ids, Math.max(total + count, ids.length * 2));
      }
      System.arraycopy(scratch, 0, ids, total, count);
      total += count;
    }
    offsets[length] = total;
    mvIds[slot] = ids;
    stamps[slot] = stamp;
  }

  @Override
  public int[] dictIds(int slot) {
    throw unsupported("dictionary ids");
  }

  @Override
  public int[] intValues(int slot) {
    throw unsupported("int values");
  }

  @Override
  public long[] longValues(int slot) {
    throw unsupported("long values");
  }

  @Override
  public float[] floatValues(int slot) {
    throw unsupported("float values");
  }

  @Override
  public String[] stringValues(int slot) {
    throw unsupported("string values");
  }

  @Override
  public byte[][] bytesValues(int slot) {
    throw unsupported("bytes values");
  }

  private static UnsupportedOperationException unsupported(String what) {
    return new UnsupportedOperationException("Star-tree metric columns have no " + what);
  }
}
