// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.function;

import io.pinot.common.datatable.ColumnDataType;
import io.pinot.common.datatable.CustomObject;
import io.pinot.common.datatable.DataTable;
import io.pinot.common.datatable.DataTableBuilder;
import io.pinot.query.context.Expression;
import java.nio.ByteBuffer;
import java.util.Arrays;

/// `DISTINCTSUM(col)` (also `SUM(DISTINCT col)`) and `DISTINCTAVG(col)` (`AVG(DISTINCT col)`): the sum and the
/// average of the distinct values of a numeric column, final type DOUBLE, result columns `distinctsum(col)` and
/// `distinctavg(col)`. Over no rows the sum is 0.0 and the average NaN (0/0), as in Pinot without null handling.
/// Values are kept as doubles (`Double.doubleToLongBits` in a [LongHashSet]), so LONG values beyond 2^53 that round to
/// the same double count once. The intermediate is an OBJECT of type [ObjectTypes#DOUBLE_SET]: int32 n, then n
/// int64 double bits.
///
/// @param average return the average instead of the sum
public record DistinctSumAvgFunction(Expression argument, boolean average) implements AggregationFunction {

  @Override
  public String name() {
    return average ? "distinctavg" : "distinctsum";
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
    return new Holder(initialCapacity, average);
  }

  /// A set of double bits per group.
  static final class Holder implements ResultHolder {
    private final boolean average;
    private LongHashSet[] sets;

    Holder(int capacity, boolean average) {
      this.average = average;
      sets = new LongHashSet[Math.max(1, capacity)];
    }

    @Override
    public void ensureCapacity(int numGroups) {
      if (numGroups > sets.length) {
        sets = Arrays.copyOf(sets, Math.max(numGroups, sets.length * 2));
      }
    }

    private LongHashSet set(int group) {
      LongHashSet set = sets[group];
      if (set == null) {
        set = new LongHashSet(16);
        sets[group] = set;
      }
      return set;
    }

    @Override
    public void aggregate(ValueBlock block, int slot, int length) {
      double[] values = block.doubleValues(slot);
      LongHashSet set = set(0);
      for (int i = 0; i < length; i++) {
        set.add(Double.doubleToLongBits(values[i]));
      }
    }

    @Override
    public void aggregateGroupBy(ValueBlock block, int slot, int length, int[] groupIds) {
      double[] values = block.doubleValues(slot);
      for (int i = 0; i < length; i++) {
        set(groupIds[i]).add(Double.doubleToLongBits(values[i]));
      }
    }

    @Override
    public void aggregateGroupByMultiValue(ValueBlock block, int slot, int length, int[] offsets, int[] groupIds) {
      double[] values = block.doubleValues(slot);
      for (int i = 0; i < length; i++) {
        for (int k = offsets[i]; k < offsets[i + 1]; k++) {
          set(groupIds[k]).add(Double.doubleToLongBits(values[i]));
        }
      }
    }

    @Override
    public void merge(int group, ResultHolder other, int otherGroup) {
      LongHashSet from = ((Holder) other).sets[otherGroup];
      if (from == null) {
        return;
      }
      if (sets[group] == null) {
        sets[group] = from;
      } else {
        sets[group].addAll(from);
      }
    }

    @Override
    public void mergeIntermediate(int group, DataTable table, int row, int column) {
      CustomObject object = table.getCustomObject(row, column);
      if (object == null) {
        return;
      }
      ObjectTypes.expect(object, ObjectTypes.DOUBLE_SET);
      ByteBuffer buffer = ByteBuffer.wrap(object.bytes());
      int n = buffer.getInt();
      LongHashSet set = set(group);
      set.ensureCapacity(set.size() + n);
      for (int i = 0; i < n; i++) {
        set.add(buffer.getLong());
      }
    }

    @Override
    public void writeIntermediate(int group, DataTableBuilder builder, int column) {
      long[] bits = sets[group] == null ? new long[0] : sets[group].toArray();
      ByteBuffer buffer = ByteBuffer.allocate(4 + bits.length * 8).putInt(bits.length);
      for (long value : bits) {
        buffer.putLong(value);
      }
      builder.setCustomObject(column, new CustomObject(ObjectTypes.DOUBLE_SET, buffer.array()));
    }

    @Override
    public Comparable<?> finalResult(int group) {
      LongHashSet set = sets[group];
      double sum = 0;
      long[] bits = set == null ? new long[0] : set.toArray();
      for (long value : bits) {
        sum += Double.longBitsToDouble(value);
      }
      return average ? sum / bits.length : sum;
    }
  }
}
