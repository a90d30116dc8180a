// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.function;

import io.pinot.common.datatable.ColumnDataType;
import io.pinot.common.datatable.DataTable;
import io.pinot.common.datatable.DataTableBuilder;
import io.pinot.query.context.Expression;
import io.pinot.query.context.TableColumns;
import java.util.Arrays;

/// `SEGMENTPARTITIONEDDISTINCTCOUNT(col)`: the sum over segments of each segment's exact number of distinct values,
/// final type LONG, result column `segmentpartitioneddistinctcount(col)`; 0 over no rows. It equals DISTINCTCOUNT when
/// the column is partitioned so that no value occurs in two segments (Pinot's intended use) and overcounts otherwise.
/// Within a segment the distinct values are collected as DISTINCTCOUNT does; [ResultHolder#finishSegment] turns them
/// into counts. The intermediate is a LONG.
public record SegmentPartitionedDistinctCountFunction(Expression argument) implements AggregationFunction {

  @Override
  public String name() {
    return "segmentpartitioneddistinctcount";
  }

  @Override
  public boolean readsArgument() {
    return true;
  }

  @Override
  public boolean validateTypes(TableColumns columns) {
    ColumnChecks.singleValue(name(), columns, argument, true);
    return true;
  }

  @Override
  public ColumnDataType intermediateType() {
    return ColumnDataType.LONG;
  }

  @Override
  public ColumnDataType finalType() {
    return ColumnDataType.LONG;
  }

  @Override
  public ResultHolder createHolder(int initialCapacity) {
    return new Holder(initialCapacity);
  }

  /// Counts per group, plus the current segment's distinct values.
  static final class Holder implements ResultHolder {
    private long[] counts;
    private DistinctCountFunction.Holder segment;
    private int segmentCapacity;

    Holder(int capacity) {
      counts = new long[Math.max(1, capacity)];
    }

    private DistinctCountFunction.Holder segment() {
      if (segment == null) {
        segment = new DistinctCountFunction.Holder(counts.length);
        segmentCapacity = counts.length;
      }
      return segment;
    }

    @Override
    public void ensureCapacity(int numGroups) {
      if (numGroups > counts.length) {
        counts = Arrays.copyOf(counts, Math.max(numGroups, counts.length * 2));
      }
      if (segment != null && numGroups > segmentCapacity) {
        segment.ensureCapacity(numGroups);
        segmentCapacity = numGroups;
      }
    }

    @Override
    public void aggregate(ValueBlock block, int slot, int length) {
      segment().aggregate(block, slot, length);
    }

    @Override
    public void aggregateGroupBy(ValueBlock block, int slot, int length, int[] groupIds) {
      segment().aggregateGroupBy(block, slot, length, groupIds);
    }

    @Override
    public void aggregateGroupByMultiValue(ValueBlock block, int slot, int length, int[] offsets, int[] groupIds) {
      segment().aggregateGroupByMultiValue(block, slot, length, offsets, groupIds);
    }

    @Override
    public void finishSegment(ValueBlock block, int slot, int numGroups) {
      if (segment == null) {
        return;
      }
      segment.finishSegment(block, slot, numGroups);
      for (int group = 0; group < numGroups; group++) {
        counts[group] += ((Number) segment.finalResult(group)).longValue();
      }
      segment = null;
    }

    @Override
    public void merge(int group, ResultHolder other, int otherGroup) {
      counts[group] += ((Holder) other).counts[otherGroup];
    }

    @Override
    public void mergeIntermediate(int group, DataTable table, int row, int column) {
      counts[group] += table.getLong(row, column);
    }

    @Override
    public void writeIntermediate(int group, DataTableBuilder builder, int column) {
      builder.setLong(column, counts[group]);
    }

    @Override
    public Comparable<?> finalResult(int group) {
      return counts[group];
    }
  }
}
