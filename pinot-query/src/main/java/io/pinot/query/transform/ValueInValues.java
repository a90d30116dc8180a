// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.transform;

import io.pinot.query.operator.BlockValues;
import io.pinot.query.operator.ProjectionBlock;
import io.pinot.segment.spi.Dictionary;
import io.pinot.spi.data.DataType;
import io.pinot.spi.exception.QueryErrorCode;
import java.math.BigDecimal;
import java.util.List;

/// Pinot's `valueIn(mvColumn, 'a', 'b', ...)`: the values of a dictionary-encoded multi-value column restricted to
/// the listed ones, still as dictionary ids of the column's dictionary (so `GROUP BY valueIn(tags, 'a', 'b')` groups
/// by those values only, and a row without any of them forms no group). Not thread-safe: one per segment execution.
final class ValueInValues implements BlockValues {
  private final ProjectionBlock block;
  private final int slot;
  private final Dictionary dictionary;
  private final boolean[] keep;
  private int[] offsets = new int[0];
  private int[] ids = new int[0];
  private int stamp = -1;

  ValueInValues(ProjectionBlock block, int slot, List<Object> values) {
    this.block = block;
    this.slot = slot;
    Dictionary source = block.dictionary(slot);
    if (block.isSingleValue(slot) || source == null) {
      throw QueryErrorCode.QUERY_VALIDATION.asException("valueIn needs a dictionary-encoded multi-value column");
    }
    this.dictionary = source;
    this.keep = new boolean[source.length()];
    for (Object value : values) {
      boolean text = source.valueType().storedType() == DataType.STRING;
      int id = source.indexOf(text ? (value instanceof BigDecimal decimal ? decimal.toPlainString()
          : value.toString()) : value);
      if (id >= 0) {
        keep[id] = true;
      }
    }
  }

  @Override
  public boolean singleValue() {
    return false;
  }

  @Override
  public DataType logicalType() {
    return block.logicalType(slot);
  }

  @Override
  public Dictionary dictionary() {
    return dictionary;
  }

  private void compute(int length, int blockStamp) {
    if (stamp == blockStamp) {
      return;
    }
    int[] sourceOffsets = block.mvOffsets(slot);
    int[] sourceIds = block.mvDictIds(slot);
    offsets = length + 1 > offsets.length ? new int[Math.max(length + 1, 1025)] : offsets;
    int total = sourceOffsets[length];
    ids = total > ids.length ? new int[Math.max(total, ids.length * 2)] : ids;
    int n = 0;
    for (int i = 0; i < length; i++) {
      offsets[i] = n;
      for (int k = sourceOffsets[i]; k < sourceOffsets[i + 1]; k++) {
        int id = sourceIds[k];
        if (keep[id]) {
          ids[n++] = id;
        }
      }
    }
    offsets[length] = n;
    stamp = blockStamp;
  }

  @Override
  public int[] mvOffsets(int[] docIds, int length, int blockStamp) {
    compute(length, blockStamp);
    return offsets;
  }

  @Override
  public int[] mvDictIds(int[] docIds, int length, int blockStamp) {
    compute(length, blockStamp);
    return ids;
  }

  private static UnsupportedOperationException singleValueRead() {
    return new UnsupportedOperationException("valueIn is multi-valued");
  }

  @Override
  public int[] dictIds(int[] docIds, int length, int blockStamp) {
    throw singleValueRead();
  }

  @Override
  public int[] intValues(int[] docIds, int length, int blockStamp) {
    throw singleValueRead();
  }

  @Override
  public long[] longValues(int[] docIds, int length, int blockStamp) {
    throw singleValueRead();
  }

  @Override
  public float[] floatValues(int[] docIds, int length, int blockStamp) {
    throw singleValueRead();
  }

  @Override
  public double[] doubleValues(int[] docIds, int length, int blockStamp) {
    throw singleValueRead();
  }

  @Override
  public String[] stringValues(int[] docIds, int length, int blockStamp) {
    throw singleValueRead();
  }

  @Override
  public byte[][] bytesValues(int[] docIds, int length, int blockStamp) {
    throw singleValueRead();
  }
}
