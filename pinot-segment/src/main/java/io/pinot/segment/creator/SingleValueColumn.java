// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.creator;

import io.pinot.spi.data.DataType;
import org.jspecify.annotations.Nullable;

/// Buffer of a single-value column: one collected value per record. Not thread-safe.
final class SingleValueColumn implements ColumnBuffer {
  private final DataType logicalType;
  private final ValueCollector values;
  private final Object defaultValue;

  SingleValueColumn(DataType logicalType, ValueCollector values, Object defaultValue) {
    this.logicalType = logicalType;
    this.values = values;
    this.defaultValue = defaultValue;
  }

  @Override
  public void add(@Nullable Object raw) {
    Object value = ValueShapes.single(raw, logicalType);
    values.add(value == null ? defaultValue : value);
  }

  @Override
  public void rollback(int numDocs) {
    values.truncate(numDocs);
  }

  @Override
  public ValueCollector values() {
    return values;
  }
}
