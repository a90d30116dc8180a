// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.function;

import io.pinot.common.datatable.ColumnDataType;
import io.pinot.common.datatable.DataTable;
import io.pinot.common.datatable.DataTableBuilder;
import io.pinot.query.context.Expression;
import java.util.Arrays;

/// `MIN(col)` and `MAX(col)` over a numeric single-value column, in double precision as Pinot. Over no
/// rows MIN is +Infinity and MAX -Infinity (Pinot's defaults without null handling).
///
/// @param max true for MAX, false for MIN
public record MinMaxFunction(Expression argument, boolean max) implements AggregationFunction {

  @Override
  public String name() {
    return max ? "max" : "min";
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
    return new Holder(initialCapacity, max);
  }

  /// Extremes per group in a `double[]`.
  static final class Holder implements ResultHolder {
    private final boolean max;
    private final double identity;
    private double[] values;

    Holder(int capacity, boolean max) {
      this.max = max;
      this.identity = max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
      values = new double[Math.max(1, capacity)];
      Arrays.fill(values, identity);
    }

    @Override
    public void ensureCapacity(int numGroups) {
      if (numGroups > values.length) {
        int oldLength = values.length;
        values = Arrays.copyOf(values, Math.max(numGroups, oldLength * 2));
        Arrays.fill(values, oldLength, values.length, identity);
      }
    }

    /// Folds one value computed elsewhere (segment metadata) into a group.
    void accept(int group, double value) {
      values[group] = max ? Math.max(values[group], value) : Math.min(values[group], value);
    }

    @Override
    public void aggregate(ValueBlock block, int slot, int length) {
      double[] input = block.doubleValues(slot);
      double result = values[0];
      if (max) {
        for (int i = 0; i < length; i++) {
          result = Math.max(result, input[i]);
        }
      } else {
        for (int i = 0; i < length; i++) {
          result = Math.min(result, input[i]);
        }
      }
      values[0] = result;
    }

    @Override
    public void aggregateGroupBy(ValueBlock block, int slot, int length, int[] groupIds) {
      double[] input = block.doubleValues(slot);
      double[] v = values;
      if (max) {
        for (int i = 0; i < length; i++) {
          int g = groupIds[i];
          v[g] = Math.max(v[g], input[i]);
        }
      } else {
        for (int i = 0; i < length; i++) {
          int g = groupIds[i];
          v[g] = Math.min(v[g], input[i]);
        }
      }
    }

    @Override
    public void aggregateGroupByMultiValue(ValueBlock block, int slot, int length, int[] offsets, int[] groupIds) {
      double[] input = block.doubleValues(slot);
      for (int i = 0; i < length; i++) {
        for (int k = offsets[i]; k < offsets[i + 1]; k++) {
          accept(groupIds[k], input[i]);
        }
      }
    }

    @Override
    public void merge(int group, ResultHolder other, int otherGroup) {
      accept(group, ((Holder) other).values[otherGroup]);
    }

    @Override
    public void mergeIntermediate(int group, DataTable table, int row, int column) {
      accept(group, table.getDouble(row, column));
    }

    @Override
    public void writeIntermediate(int group, DataTableBuilder builder, int column) {
      builder.setDouble(column, values[group]);
    }

    @Override
    public Comparable<?> finalResult(int group) {
      return values[group];
    }
  }
}
