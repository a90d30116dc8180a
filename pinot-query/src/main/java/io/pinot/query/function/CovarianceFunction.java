// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.function;

import io.pinot.common.datatable.ColumnDataType;
import io.pinot.common.datatable.CustomObject;
import io.pinot.common.datatable.DataTable;
import io.pinot.common.datatable.DataTableBuilder;
import io.pinot.query.context.Expression;
import io.pinot.query.context.TableColumns;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/// `COVAR_POP(a, b)` and `COVAR_SAMP(a, b)` of two numeric single-value columns, result columns `covarpop(a,b)` and
/// `covarsamp(a,b)`, final type DOUBLE. Over no rows, and for the sample form over one row, the result is
/// `-Infinity` as in Pinot. Per group the count, both means and the co-moment `C = Σ(a - mean a)(b - mean b)` are
/// updated one pair at a time and merged pairwise (the bivariate form of Welford's and Chan et al.'s formulas), which
/// avoids the cancellation of Pinot's `Σab/n - Σa·Σb/n²`. The intermediate is an OBJECT of type
/// [ObjectTypes#COVARIANCE]: int64 count, double mean a, double mean b, double C.
///
/// @param second the second column (an extra slot, see [AggregationFunction#extraArguments])
/// @param sample divide by `n - 1` instead of `n`
public record CovarianceFunction(Expression argument, Expression second, boolean sample)
    implements AggregationFunction {

  @Override
  public String name() {
    return sample ? "covarsamp" : "covarpop";
  }

  @Override
  public String resultColumnName() {
    return name() + "(" + argument + "," + second + ")";
  }

  @Override
  public boolean readsArgument() {
    return true;
  }

  @Override
  public List<Expression> extraArguments() {
    return List.of(second);
  }

  @Override
  public boolean validateTypes(TableColumns columns) {
    ColumnChecks.singleValue(name(), columns, argument, false);
    ColumnChecks.singleValue(name(), columns, second, false);
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
    return new Holder(initialCapacity, sample);
  }

  /// Count, means and co-moment per group.
  static final class Holder implements ResultHolder {
    private final boolean sample;
    private int secondSlot = -1;
    private long[] counts;
    private double[] meansA;
    private double[] meansB;
    private double[] comoments;

    Holder(int capacity, boolean sample) {
      this.sample = sample;
      counts = new long[Math.max(1, capacity)];
      meansA = new double[counts.length];
      meansB = new double[counts.length];
      comoments = new double[counts.length];
    }

    @Override
    public void bindExtraSlots(int[] slots) {
      secondSlot = slots[0];
    }

    @Override
    public void ensureCapacity(int numGroups) {
      if (numGroups > counts.length) {
        int length = Math.max(numGroups, counts.length * 2);
        counts = Arrays.copyOf(counts, length);
        meansA = Arrays.copyOf(meansA, length);
        meansB = Arrays.copyOf(meansB, length);
        comoments = Arrays.copyOf(comoments, length);
      }
    }

    void add(int group, double a, double b) {
      long n = ++counts[group];
      double deltaA = a - meansA[group];
      meansA[group] += deltaA / n;
      meansB[group] += (b - meansB[group]) / n;
      comoments[group] += deltaA * (b - meansB[group]);
    }

    private void combine(int group, long count, double meanA, double meanB, double comoment) {
      if (count == 0) {
        return;
      }
      long n = counts[group];
      if (n == 0) {
        counts[group] = count;
        meansA[group] = meanA;
        meansB[group] = meanB;
        comoments[group] = comoment;
        return;
      }
      long total = n + count;
      double deltaA = meanA - meansA[group];
      double deltaB = meanB - meansB[group];
      comoments[group] += comoment + deltaA * deltaB * ((double) n * count / total);
      meansA[group] += deltaA * count / total;
      meansB[group] += deltaB * count / total;
      counts[group] = total;
    }

    @Override
    public void aggregate(ValueBlock block, int slot, int length) {
      double[] a = block.doubleValues(slot);
      double[] b = block.doubleValues(secondSlot);
      for (int i = 0; i < length; i++) {
        add(0, a[i], b[i]);
      }
    }

    @Override
    public void aggregateGroupBy(ValueBlock block, int slot, int length, int[] groupIds) {
      double[] a = block.doubleValues(slot);
      double[] b = block.doubleValues(secondSlot);
      for (int i = 0; i < length; i++) {
        add(groupIds[i], a[i], b[i]);
      }
    }

    @Override
    public void aggregateGroupByMultiValue(ValueBlock block, int slot, int length, int[] offsets, int[] groupIds) {
      double[] a = block.doubleValues(slot);
      double[] b = block.doubleValues(secondSlot);
      for (int i = 0; i < length; i++) {
        for (int k = offsets[i]; k < offsets[i + 1]; k++) {
          add(groupIds[k], a[i], b[i]);
        }
      }
    }

    @Override
    public void merge(int group, ResultHolder other, int otherGroup) {
      Holder that = (Holder) other;
      combine(group, that.counts[otherGroup], that.meansA[otherGroup], that.meansB[otherGroup],
          that.comoments[otherGroup]);
    }

    @Override
    public void mergeIntermediate(int group, DataTable table, int row, int column) {
      CustomObject object = table.getCustomObject(row, column);
      if (object == null) {
        return;
      }
      ObjectTypes.expect(object, ObjectTypes.COVARIANCE);
      ByteBuffer buffer = ByteBuffer.wrap(object.bytes());
      long count = buffer.getLong();
      double meanA = buffer.getDouble();
      double meanB = buffer.getDouble();
      combine(group, count, meanA, meanB, buffer.getDouble());
    }

    @Override
    public void writeIntermediate(int group, DataTableBuilder builder, int column) {
      byte[] bytes = ByteBuffer.allocate(32).putLong(counts[group]).putDouble(meansA[group])
          .putDouble(meansB[group]).putDouble(comoments[group]).array();
      builder.setCustomObject(column, new CustomObject(ObjectTypes.COVARIANCE, bytes));
    }

    @Override
    public Comparable<?> finalResult(int group) {
      long n = counts[group];
      long divisor = sample ? n - 1 : n;
      return divisor <= 0 ? Double.NEGATIVE_INFINITY : comoments[group] / divisor;
    }
  }
}
