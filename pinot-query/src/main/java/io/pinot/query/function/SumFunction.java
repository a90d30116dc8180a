// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.function;

import io.pinot.common.datatable.ColumnDataType;
import io.pinot.common.datatable.DataTable;
import io.pinot.common.datatable.DataTableBuilder;
import io.pinot.query.context.Expression;
import java.util.Arrays;

/// `SUM(col)` over a numeric single-value column, in double precision as Pinot; 0.0 over no rows.
public record SumFunction(Expression argument) implements AggregationFunction {

  @Override
  public String name() {
    return "sum";
  }

  @Override
  public boolean readsArgument() {
    return true;
  }

  @Override
  public ColumnDataType intermediateType() {
    return ColumnDataType.DOUBLE;
  }

  @Override
  public ColumnDataType finalType() {
    return ColumnDataType.DOUBLE;
  }

  @Override
  public ResultHolder createHolder(int initialCapacity) {
    return new Holder(initialCapacity);
  }

  /// Sums per group in a `double[]`.
  static final class Holder implements ResultHolder {
    private double[] sums;

    Holder(int capacity) {
      sums = new double[Math.max(1, capacity)];
    }

    @Override
    public void ensureCapacity(int numGroups) {
      if (numGroups > sums.length) {
        sums = Arrays.copyOf(sums, Math.max(numGroups, sums.length * 2));
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
    }

    @Override
    public void aggregateGroupBy(ValueBlock block, int slot, int length, int[] groupIds) {
      double[] values = block.doubleValues(slot);
      double[] s = sums;
      for (int i = 0; i < length; i++) {
        s[groupIds[i]] += values[i];
      }
    }

    @Override
    public void aggregateGroupByMultiValue(ValueBlock block, int slot, int length, int[] offsets, int[] groupIds) {
      double[] values = block.doubleValues(slot);
      double[] s = sums;
      for (int i = 0; i < length; i++) {
        for (int k = offsets[i]; k < offsets[i + 1]; k++) {
          s[groupIds[k]] += values[i];
        }
      }
    }

    @Override
    public void mergeAll(int[] targets, ResultHolder other, int numGroups) {
      double[] from = ((Holder) other).sums;
      double[] into = sums;
      for (int g = 0; g < numGroups; g++) {
        int target = targets[g];
        if (target >= 0) {
          into[target] += from[g];
        }
      }
    }

    @Override
    public void merge(int group, ResultHolder other, int otherGroup) {
      sums[group] += ((Holder) other).sums[otherGroup];
    }

    @Override
    public void mergeIntermediate(int group, DataTable table, int row, int column) {
      sums[group] += table.getDouble(row, column);
    }

    @Override
    public void writeIntermediate(int group, DataTableBuilder builder, int column) {
      builder.setDouble(column, sums[group]);
    }

    @Override
    public Comparable<?> finalResult(int group) {
      return sums[group];
    }
  }
}
