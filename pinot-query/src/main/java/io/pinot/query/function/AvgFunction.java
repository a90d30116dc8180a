// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.function;

import io.pinot.common.datatable.ColumnDataType;
import io.pinot.common.datatable.CustomObject;
import io.pinot.common.datatable.DataTable;
import io.pinot.common.datatable.DataTableBuilder;
import io.pinot.query.context.Expression;
import java.nio.ByteBuffer;
import java.util.Arrays;

/// `AVG(col)` over a numeric single-value column. The intermediate is an OBJECT of type
/// [ObjectTypes#AVG_PAIR]: 8-byte double sum then 8-byte long count. Over no rows the result is
/// -Infinity (Pinot's default without null handling).
public record AvgFunction(Expression argument) implements AggregationFunction {

  @Override
  public String name() {
    return "avg";
  }

  @Override
  public boolean readsArgument() {
    return true;
  }

  @Override
  public ColumnDataType intermediateType() {
    return ColumnDataType.OBJECT;
  }

  @Override
  public ColumnDataType finalType() {
    return ColumnDataType.DOUBLE;
  }

  @Override
  public ResultHolder createHolder(int initialCapacity) {
    return new Holder(initialCapacity);
  }

  /// Sums and counts per group.
  static final class Holder implements ResultHolder {
    private double[] sums;
    private long[] counts;

    Holder(int capacity) {
      sums = new double[Math.max(1, capacity)];
      counts = new long[sums.length];
    }

    @Override
    public void ensureCapacity(int numGroups) {
      if (numGroups > sums.length) {
        int length = Math.max(numGroups, sums.length * 2);
        sums = Arrays.copyOf(sums, length);
        counts = Arrays.copyOf(counts, length);
      }
    }

    @Override
    public void aggregate(ValueBlock block, int slot, int length) {
      double[] values = block.doubleValues(slot);
      double sum = 0;
      for (int i = 0; i < length; i++) {
        sum += values[i];
      }
      sums[0] += sum;
      counts[0] += length;
    }

    @Override
    public void aggregateGroupBy(ValueBlock block, int slot, int length, int[] groupIds) {
      double[] values = block.doubleValues(slot);
      double[] s = sums;
      long[] c = counts;
      for (int i = 0; i < length; i++) {
        int g = groupIds[i];
        s[g] += values[i];
        c[g]++;
      }
    }

    @Override
    public void aggregateGroupByPreAggregated(ValueBlock block, int slot, long[] documentCounts, int length,
        int[] groupIds) {
      double[] values = block.doubleValues(slot);
      double[] s = sums;
      long[] c = counts;
      for (int i = 0; i < length; i++) {
        int g = groupIds[i];
        s[g] += values[i];
        c[g] += documentCounts[i];
      }
    }

    @Override
    public void aggregateGroupByMultiValue(ValueBlock block, int slot, int length, int[] offsets, int[] groupIds) {
      double[] values = block.doubleValues(slot);
      for (int i = 0; i < length; i++) {
        for (int k = offsets[i]; k < offsets[i + 1]; k++) {
          sums[groupIds[k]] += values[i];
          counts[groupIds[k]]++;
        }
      }
    }

    @Override
    public void merge(int group, ResultHolder other, int otherGroup) {
      Holder that = (Holder) other;
      sums[group] += that.sums[otherGroup];
      counts[group] += that.counts[otherGroup];
    }

    @Override
    public void mergeIntermediate(int group, DataTable table, int row, int column) {
      CustomObject object = table.getCustomObject(row, column);
      if (object == null) {
        return;
      }
      ObjectTypes.expect(object, ObjectTypes.AVG_PAIR);
      ByteBuffer buffer = ByteBuffer.wrap(object.bytes());
      sums[group] += buffer.getDouble();
      counts[group] += buffer.getLong();
    }

    @Override
    public void writeIntermediate(int group, DataTableBuilder builder, int column) {
      byte[] bytes = ByteBuffer.allocate(16).putDouble(sums[group]).putLong(counts[group]).array();
      builder.setCustomObject(column, new CustomObject(ObjectTypes.AVG_PAIR, bytes));
    }

    @Override
    public Comparable<?> finalResult(int group) {
      return counts[group] == 0 ? Double.NEGATIVE_INFINITY : sums[group] / counts[group];
    }
  }
}
