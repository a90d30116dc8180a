// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.function;

import io.pinot.common.datatable.ColumnDataType;
import io.pinot.common.datatable.CustomObject;
import io.pinot.common.datatable.DataTable;
import io.pinot.common.datatable.DataTableBuilder;
import io.pinot.query.context.Expression;
import java.nio.ByteBuffer;
import java.util.Arrays;

/// `MINMAXRANGE(col)` (`minmaxrange(col)`): the maximum minus the minimum of a numeric single-value column,
/// final type DOUBLE; over no rows `-Infinity` (Pinot's `-Infinity - +Infinity`). The intermediate is an OBJECT
/// of type [ObjectTypes#MIN_MAX_RANGE]: 8-byte double minimum then 8-byte double maximum.
public record MinMaxRangeFunction(Expression argument) implements AggregationFunction {

  @Override
  public String name() {
    return "minmaxrange";
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

  /// Minimum and maximum per group, starting at +Infinity and -Infinity.
  static final class Holder implements ResultHolder {
    private double[] mins;
    private double[] maxs;

    Holder(int capacity) {
      mins = new double[Math.max(1, capacity)];
      maxs = new double[mins.length];
      Arrays.fill(mins, Double.POSITIVE_INFINITY);
      Arrays.fill(maxs, Double.NEGATIVE_INFINITY);
    }

    @Override
    public void ensureCapacity(int numGroups) {
      if (numGroups > mins.length) {
        int oldLength = mins.length;
        int length = Math.max(numGroups, oldLength * 2);
        mins = Arrays.copyOf(mins, length);
        maxs = Arrays.copyOf(maxs, length);
        Arrays.fill(mins, oldLength, length, Double.POSITIVE_INFINITY);
        Arrays.fill(maxs, oldLength, length, Double.NEGATIVE_INFINITY);
      }
    }

    private void accept(int group, double min, double max) {
      mins[group] = Math.min(mins[group], min);
      maxs[group] = Math.max(maxs[group], max);
    }

    @Override
    public void aggregate(ValueBlock block, int slot, int length) {
      double[] values = block.doubleValues(slot);
      double min = mins[0];
      double max = maxs[0];
      for (int i = 0; i < length; i++) {
        min = Math.min(min, values[i]);
        max = Math.max(max, values[i]);
      }
      mins[0] = min;
      maxs[0] = max;
    }

    @Override
    public void aggregateGroupBy(ValueBlock block, int slot, int length, int[] groupIds) {
      double[] values = block.doubleValues(slot);
      for (int i = 0; i < length; i++) {
        accept(groupIds[i], values[i], values[i]);
      }
    }

    @Override
    public void aggregateGroupByMultiValue(ValueBlock block, int slot, int length, int[] offsets, int[] groupIds) {
      double[] values = block.doubleValues(slot);
      for (int i = 0; i < length; i++) {
        for (int k = offsets[i]; k < offsets[i + 1]; k++) {
          accept(groupIds[k], values[i], values[i]);
        }
      }
    }

    @Override
    public void merge(int group, ResultHolder other, int otherGroup) {
      Holder that = (Holder) other;
      accept(group, that.mins[otherGroup], that.maxs[otherGroup]);
    }

    @Override
    public void mergeIntermediate(int group, DataTable table, int row, int column) {
      CustomObject object = table.getCustomObject(row, column);
      if (object == null) {
        return;
      }
      ObjectTypes.expect(object, ObjectTypes.MIN_MAX_RANGE);
      ByteBuffer buffer = ByteBuffer.wrap(object.bytes());
      double min = buffer.getDouble();
      accept(group, min, buffer.getDouble());
    }

    @Override
    public void writeIntermediate(int group, DataTableBuilder builder, int column) {
      byte[] bytes = ByteBuffer.allocate(16).putDouble(mins[group]).putDouble(maxs[group]).array();
      builder.setCustomObject(column, new CustomObject(ObjectTypes.MIN_MAX_RANGE, bytes));
    }

    @Override
    public Comparable<?> finalResult(int group) {
      return maxs[group] - mins[group];
    }
  }
}
