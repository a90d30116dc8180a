// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.mutable;

import io.pinot.segment.index.dictionary.VarLengthValues;
import io.pinot.segment.spi.ColumnMetadata;
import io.pinot.segment.spi.DataSource;
import io.pinot.spi.data.DataType;
import io.pinot.spi.data.FieldSpec;
import java.math.BigDecimal;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/// A raw (`noDictionaryColumns`) single-value STRING, BYTES or BIG_DECIMAL column of a mutable segment: values as
/// bytes in a [VarByteStore] ([RawVariableWidthForwardIndex]) and an optional null value vector. Minimum and
/// maximum ([String#compareTo], unsigned bytes, [BigDecimal#compareTo]) are checkpointed every
/// [MutableColumn#STATS_INTERVAL] documents. Thread-safety: see [MutableColumn].
final class RawVariableWidthColumn implements MutableColumn {
  private final FieldSpec spec;
  private final DataType storedType;
  private final int maxLength;
  private final Object defaultValue;
  private final VarByteStore store;
  private final RawVariableWidthForwardIndex forwardIndex;
  private final @Nullable MutableNullVector nullVector;
  private final ObjectChunks checkpoints = new ObjectChunks(8);
  private @Nullable Object staged;
  private boolean stagedNull;
  private @Nullable Object min;
  private @Nullable Object max;

  RawVariableWidthColumn(FieldSpec spec, int maxLength, int shift, boolean nullHandling) {
    this.spec = spec;
    this.storedType = spec.dataType().storedType();
    this.maxLength = maxLength;
    this.defaultValue = spec.defaultValue();
    this.store = new VarByteStore(shift, Math.min(1 << 18, Math.max(1 << 12, 16 << shift)));
    this.forwardIndex = new RawVariableWidthForwardIndex(store, storedType);
    this.nullVector = nullHandling ? new MutableNullVector() : null;
  }

  @Override
  public FieldSpec spec() {
    return spec;
  }

  @Override
  public void stage(@Nullable Object raw) {
    Object value = StoredValues.single(raw, spec.dataType());
    stagedNull = value == null;
    staged = StoredValues.toVariable(stagedNull ? defaultValue : value, spec.dataType(), maxLength);
  }

  @Override
  public void commit(int docId) {
    Object value = staged;
    staged = null;
    switch (value) {
      case String text -> store.addString(docId, text);
      case byte[] bytes -> store.addBytes(docId, bytes);
      default -> store.addBytes(docId, VarLengthValues.serializeBigDecimal((BigDecimal) value));
    }
    if (min == null || compare(value, min) < 0) {
      min = value;
    }
    if (max == null || compare(value, max) > 0) {
      max = value;
    }
    if (stagedNull && nullVector != null) {
      nullVector.add(docId);
    }
  }

  private static int compare(Object a, Object b) {
    return switch (a) {
      case String text -> text.compareTo((String) b);
      case byte[] bytes -> Arrays.compareUnsigned(bytes, (byte[]) b);
      default -> ((BigDecimal) a).compareTo((BigDecimal) b);
    };
  }

  @Override
  public void checkpoint(int numDocs) {
    int base = (numDocs / STATS_INTERVAL - 1) * 2;
    checkpoints.set(base, min);
    checkpoints.set(base + 1, max);
  }

  @Override
  public DataSource dataSource(int numDocs) {
    int complete = numDocs / STATS_INTERVAL;
    Object low = complete > 0 ? checkpoints.get((complete - 1) * 2) : null;
    Object high = complete > 0 ? checkpoints.get((complete - 1) * 2 + 1) : null;
    for (int docId = complete * STATS_INTERVAL; docId < numDocs; docId++) {
      Object value = value(docId);
      if (low == null || compare(value, low) < 0) {
        low = value;
      }
      if (high == null || compare(value, high) > 0) {
        high = value;
      }
    }
    ColumnMetadata metadata = new ColumnMetadata(spec.name(), spec.dataType(), spec.category(), true, numDocs, -1,
        false, false, 0, 0, numDocs, low, high, false);
    return new MutableDataSource(metadata, forwardIndex, null, null,
        nullVector == null ? null : nullVector.view(numDocs));
  }

  @Override
  public Object value(int docId) {
    return switch (storedType) {
      case STRING -> store.string(docId);
      case BYTES -> store.bytes(docId);
      default -> VarLengthValues.deserializeBigDecimal(store.bytes(docId));
    };
  }

  @Override
  public int compareDocs(int a, int b) {
    return storedType == DataType.BYTES ? store.compareBytes(a, b) : compare(value(a), value(b));
  }

  @Override
  public long memoryBytes() {
    return store.memoryBytes() + checkpoints.allocatedBytes() + (nullVector == null ? 0 : nullVector.memoryBytes());
  }
}
