// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.creator;

import io.pinot.spi.data.DataType;
import org.jspecify.annotations.Nullable;
import org.roaringbitmap.RoaringBitmap;

/// Buffer of a single-value column: one collected value per record. Not thread-safe.
final class SingleValueColumn implements ColumnBuffer {
  private final DataType logicalType;
  private final ValueCollector values;
  private final Object defaultValue;
  private final @Nullable RoaringBitmap nullDocs;

  SingleValueColumn(DataType logicalType, ValueCollector values, Object defaultValue,
      @Nullable RoaringBitmap nullDocs) {
    this.logicalType = logicalType;
    this.values = values;
    this.defaultValue = defaultValue;
    this.nullDocs = nullDocs;
  }

  @Override
  public void add(@Nullable Object raw) {
    Object value = ValueShapes.single(raw, logicalType);
    if (value == null) {
      if (nullDocs != null) {
        nullDocs.add(values.size());
      }
      values.add(defaultValue);
    } else {
      values.add(value);
    }
  }

  @Override
  public void rollback(int numDocs) {
    values.truncate(numDocs);
    if (nullDocs != null) {
      nullDocs.remove((long) numDocs, 1L << 32);
    }
  }

  @Override
  public ValueCollector values() {
    return values;
  }

  @Override
  public @Nullable RoaringBitmap nullDocs() {
    return nullDocs;
  }
}
