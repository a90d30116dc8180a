// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.mutable;

import io.pinot.segment.spi.ColumnMetadata;
import io.pinot.segment.spi.DataSource;
import io.pinot.spi.data.DataType;
import io.pinot.spi.data.FieldSpec;
import org.jspecify.annotations.Nullable;

/// A raw (`noDictionaryColumns`) single-value INT, LONG, FLOAT or DOUBLE column of a mutable segment: values in
/// growable primitive chunks of the stored type ([RawFixedWidthForwardIndex]) and an optional null value vector.
/// Minimum and maximum (numeric order, NaN largest, as [Double#compare]) are checkpointed every
/// [MutableColumn#STATS_INTERVAL] documents as longs (the bits of floating values). Thread-safety: see
/// [MutableColumn].
final class RawFixedWidthColumn implements MutableColumn {
  private final FieldSpec spec;
  private final DataType storedType;
  private final boolean floating;
  private final Object defaultValue;
  private final @Nullable IntChunks ints;
  private final @Nullable LongChunks longs;
  private final @Nullable FloatChunks floats;
  private final @Nullable DoubleChunks doubles;
  private final RawFixedWidthForwardIndex forwardIndex;
  private final @Nullable MutableNullVector nullVector;
  private final LongChunks checkpoints = new LongChunks(8);
  private long stagedLong;
  private double stagedDouble;
  private boolean stagedNull;
  private long min;
  private long max;

  RawFixedWidthColumn(FieldSpec spec, int shift, boolean nullHandling) {
    this.spec = spec;
    this.storedType = spec.dataType().storedType();
    this.floating = storedType == DataType.FLOAT || storedType == DataType.DOUBLE;
    this.defaultValue = spec.defaultValue();
    this.ints = storedType == DataType.INT ? new IntChunks(shift) : null;
    this.longs = storedType == DataType.LONG ? new LongChunks(shift) : null;
    this.floats = storedType == DataType.FLOAT ? new FloatChunks(shift) : null;
    this.doubles = storedType == DataType.DOUBLE ? new DoubleChunks(shift) : null;
    this.forwardIndex = new RawFixedWidthForwardIndex(storedType, ints, longs, floats, doubles);
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
    Object converted = stagedNull ? defaultValue : value;
    switch (storedType) {
      case INT -> stagedLong = StoredValues.toInt(converted, spec.dataType());
      case LONG -> stagedLong = StoredValues.toLong(converted, spec.dataType());
      case FLOAT -> stagedDouble = StoredValues.toFloat(converted);
      default -> stagedDouble = StoredValues.toDouble(converted);
    }
  }

  @Override
  public void commit(int docId) {
    long key;
    switch (storedType) {
      case INT -> {
        ints.set(docId, (int) stagedLong);
        key = stagedLong;
      }
      case LONG -> {
        longs.set(docId, stagedLong);
        key = stagedLong;
      }
      case FLOAT -> {
        floats.set(docId, (float) stagedDouble);
        key = Double.doubleToLongBits(stagedDouble);
      }
      default -> {
        doubles.set(docId, stagedDouble);
        key = Double.doubleToLongBits(stagedDouble);
      }
    }
    if (docId == 0 || compare(key, min) < 0) {
      min = key;
    }
    if (docId == 0 || compare(key, max) > 0) {
      max = key;
    }
    if (stagedNull && nullVector != null) {
      nullVector.add(docId);
    }
  }

  /// Compares two values in their long form (integral values, or double bits).
  private int compare(long a, long b) {
    return floating ? Double.compare(Double.longBitsToDouble(a), Double.longBitsToDouble(b)) : Long.compare(a, b);
  }

  /// The long form of a document's value.
  private long key(int docId) {
    return switch (storedType) {
      case INT -> ints.get(docId);
      case LONG -> longs.get(docId);
      case FLOAT -> Double.doubleToLongBits(floats.get(docId));
      default -> Double.doubleToLongBits(doubles.get(docId));
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
    int from = complete * STATS_INTERVAL;
    long low = complete > 0 ? checkpoints.get((complete - 1) * 2) : 0;
    long high = complete > 0 ? checkpoints.get((complete - 1) * 2 + 1) : 0;
    for (int docId = from; docId < numDocs; docId++) {
      long key = key(docId);
      if (docId == 0 || compare(key, low) < 0) {
        low = key;
      }
      if (docId == 0 || compare(key, high) > 0) {
        high = key;
      }
    }
    ColumnMetadata metadata = new ColumnMetadata(spec.name(), spec.dataType(), spec.category(), true, numDocs, -1,
        false, false, 0, 0, numDocs, numDocs == 0 ? null : boxed(low), numDocs == 0 ? null : boxed(high), false);
    return new MutableDataSource(metadata, forwardIndex, null, null,
        nullVector == null ? null : nullVector.view(numDocs));
  }

  /// The stored Java value of a long form.
  private Object boxed(long key) {
    return switch (storedType) {
      case INT -> (int) key;
      case LONG -> key;
      case FLOAT -> (float) Double.longBitsToDouble(key);
      default -> Double.longBitsToDouble(key);
    };
  }

  @Override
  public Object value(int docId) {
    return boxed(key(docId));
  }

  @Override
  public int compareDocs(int a, int b) {
    return compare(key(a), key(b));
  }

  @Override
  public long memoryBytes() {
    long values = ints != null ? ints.allocatedBytes() : longs != null ? longs.allocatedBytes()
        : floats != null ? floats.allocatedBytes() : doubles.allocatedBytes();
    return values + checkpoints.allocatedBytes() + (nullVector == null ? 0 : nullVector.memoryBytes());
  }
}
