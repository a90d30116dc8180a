// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.function;

import io.pinot.common.datatable.ColumnDataType;
import io.pinot.common.datatable.CustomObject;
import io.pinot.common.datatable.DataTable;
import io.pinot.common.datatable.DataTableBuilder;
import io.pinot.query.context.Expression;
import java.nio.ByteBuffer;
import java.util.Arrays;

/// `VAR_POP`, `VAR_SAMP`, `STDDEV_POP` and `STDDEV_SAMP` of a numeric single-value column (result columns
/// `varpop(col)`, `varsamp(col)`, `stddevpop(col)`, `stddevsamp(col)`), final type DOUBLE. Over no rows, and for
/// the sample forms over one row, the result is `-Infinity` as in Pinot. Per group the count, mean and sum of
/// squared deviations (`m2`) are kept with Welford's update and merged with Chan et al.'s pairwise formula,
/// which stays accurate where the textbook sum-of-squares formula cancels. The intermediate is an OBJECT of
/// type [ObjectTypes#VARIANCE]: int64 count, double mean, double m2.
///
/// @param sample divide by `n - 1` instead of `n`
/// @param standardDeviation return the square root of the variance
public record VarianceFunction(Expression argument, boolean sample, boolean standardDeviation)
    implements AggregationFunction {

  @Override
  public String name() {
    return (standardDeviation ? "stddev" : "var") + (sample ? "samp" : "pop");
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
    return new Holder(initialCapacity, sample, standardDeviation);
  }

  /// Count, mean and m2 per group.
  static final class Holder implements ResultHolder {
    private final boolean sample;
    private final boolean standardDeviation;
    private long[] counts;
    private double[] means;
    private double[] m2s;

    Holder(int capacity, boolean sample, boolean standardDeviation) {
      this.sample = sample;
      this.standardDeviation = standardDeviation;
      counts = new long[Math.max(1, capacity)];
      means = new double[counts.length];
      m2s = new double[counts.length];
    }

    @Override
    public void ensureCapacity(int numGroups) {
      if (numGroups > counts.length) {
        int length = Math.max(numGroups, counts.length * 2);
        counts = Arrays.copyOf(counts, length);
        means = Arrays.copyOf(means, length);
        m2s = Arrays.copyOf(m2s, length);
      }
    }

    private void add(int group, double value) {
      long n = ++counts[group];
      double delta = value - means[group];
      means[group] += delta / n;
      m2s[group] += delta * (value - means[group]);
    }

    /// Folds a partial (count, mean, m2) into a group.
    private void combine(int group, long count, double mean, double m2) {
      if (count == 0) {
        return;
      }
      long n = counts[group];
      if (n == 0) {
        counts[group] = count;
        means[group] = mean;
        m2s[group] = m2;
        return;
      }
      long total = n + count;
      double delta = mean - means[group];
      means[group] += delta * count / total;
      m2s[group] += m2 + delta * delta * ((double) n * count / total);
      counts[group] = total;
    }

    @Override
    public void aggregate(ValueBlock block, int slot, int length) {
      double[] values = block.doubleValues(slot);
      for (int i = 0; i < length; i++) {
        add(0, values[i]);
      }
    }

    @Override
    public void aggregateGroupBy(ValueBlock block, int slot, int length, int[] groupIds) {
      double[] values = block.doubleValues(slot);
      for (int i = 0; i < length; i++) {
        add(groupIds[i], values[i]);
      }
    }

    @Override
    public void aggregateGroupByMultiValue(ValueBlock block, int slot, int length, int[] offsets, int[] groupIds) {
      double[] values = block.doubleValues(slot);
      for (int i = 0; i < length; i++) {
        for (int k = offsets[i]; k < offsets[i + 1]; k++) {
          add(groupIds[k], values[i]);
        }
      }
    }

    @Override
    public void merge(int group, ResultHolder other, int otherGroup) {
      Holder that = (Holder) other;
      combine(group, that.counts[otherGroup], that.means[otherGroup], that.m2s[otherGroup]);
    }

    @Override
    public void mergeIntermediate(int group, DataTable table, int row, int column) {
      CustomObject object = table.getCustomObject(row, column);
      if (object == null) {
        return;
      }
      ObjectTypes.expect(object, ObjectTypes.VARIANCE);
      ByteBuffer buffer = ByteBuffer.wrap(object.bytes());
      long count = buffer.getLong();
      double mean = buffer.getDouble();
      combine(group, count, mean, buffer.getDouble());
    }

    @Override
    public void writeIntermediate(int group, DataTableBuilder builder, int column) {
      byte[] bytes = ByteBuffer.allocate(24).putLong(counts[group]).putDouble(means[group]).putDouble(m2s[group])
          .array();
      builder.setCustomObject(column, new CustomObject(ObjectTypes.VARIANCE, bytes));
    }

    @Override
    public Comparable<?> finalResult(int group) {
      long n = counts[group];
      long divisor = sample ? n - 1 : n;
      if (divisor <= 0) {
        return Double.NEGATIVE_INFINITY;
      }
      double variance = m2s[group] / divisor;
      return standardDeviation ? Math.sqrt(variance) : variance;
    }
  }
}
