// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.function;

import io.pinot.common.datatable.ColumnDataType;
import io.pinot.common.datatable.DataTable;
import io.pinot.common.datatable.DataTableBuilder;
import io.pinot.query.context.Expression;
import io.pinot.segment.spi.Dictionary;

/// `PERCENTILE(col, p)` (result column `percentile(col, p)` with `p` printed as a double, e.g.
/// `percentile(price, 95.0)`) and the legacy `PERCENTILE95(col)` (`percentile95(col)`): the exact percentile
/// of a numeric single-value column, final type DOUBLE, -Infinity over no rows. As Pinot, over the `n` values
/// in sorted order it returns the last one for p = 100 and otherwise the one at 0-based position
/// `(int) (n * p / 100)`. The intermediate is the multiset of values as distinct values with counts
/// ([ValueCounts], OBJECT type [ObjectTypes#VALUE_COUNTS]), so low-cardinality columns travel compactly.
///
/// @param legacyName whether the call was spelled `PERCENTILE<nn>(col)` (Pinot's version-0 naming)
public record PercentileFunction(Expression argument, double percentile, boolean legacyName)
    implements AggregationFunction {

  @Override
  public String name() {
    return "percentile";
  }

  @Override
  public String resultColumnName() {
    return columnName(name(), argument, percentile, legacyName);
  }

  /// Pinot's result column name of a percentile-family function: `name<int p>(col)` for the legacy
  /// spelling, `name(col, <double p>)` otherwise.
  static String columnName(String name, Expression argument, double percentile, boolean legacyName) {
    return legacyName ? name + (int) percentile + "(" + argument + ")"
        : name + "(" + argument + ", " + percentile + ")";
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
    return new Holder(initialCapacity, percentile);
  }

  /// Value multisets per group. Aggregating a column with a sorted dictionary into group 0 counts dictionary
  /// ids instead, turned into sorted (value, count) runs by [#finishSegment].
  static final class Holder implements ResultHolder {
    private final double percentile;
    private final GroupStates<ValueCounts> groups;
    private DictIdCounts dictIdCounts;

    Holder(int capacity, double percentile) {
      this.percentile = percentile;
      groups = new GroupStates<>(capacity, ValueCounts::new, ObjectTypes.VALUE_COUNTS);
    }

    @Override
    public void ensureCapacity(int numGroups) {
      groups.ensureCapacity(numGroups);
    }

    private ValueCounts group(int group) {
      return groups.getOrCreate(group);
    }

    @Override
    public void aggregate(ValueBlock block, int slot, int length) {
      Dictionary dictionary = block.dictionary(slot);
      if (dictionary != null && dictionary.sorted() && block.isSingleValue(slot)) {
        if (dictIdCounts == null) {
          dictIdCounts = new DictIdCounts(dictionary.length());
        }
        dictIdCounts.add(block.dictIds(slot), length);
        return;
      }
      double[] values = block.doubleValues(slot);
      ValueCounts target = group(0);
      for (int i = 0; i < length; i++) {
        target.add(values[i]);
      }
    }

    @Override
    public void aggregateGroupBy(ValueBlock block, int slot, int length, int[] groupIds) {
      double[] values = block.doubleValues(slot);
      for (int i = 0; i < length; i++) {
        group(groupIds[i]).add(values[i]);
      }
    }

    @Override
    public void aggregateGroupByMultiValue(ValueBlock block, int slot, int length, int[] offsets, int[] groupIds) {
      double[] values = block.doubleValues(slot);
      for (int i = 0; i < length; i++) {
        for (int k = offsets[i]; k < offsets[i + 1]; k++) {
          group(groupIds[k]).add(values[i]);
        }
      }
    }

    @Override
    public void finishSegment(ValueBlock block, int slot, int numGroups) {
      if (dictIdCounts == null) {
        return;
      }
      long[] counts = new long[dictIdCounts.numDistinct()];
      int[] ids = dictIdCounts.ids(counts);
      double[] values = new double[ids.length];
      block.dictionary(slot).readDoubleValues(ids, ids.length, values);
      group(0).addSorted(values, counts, ids.length);
      dictIdCounts = null;
    }

    @Override
    public void merge(int group, ResultHolder other, int otherGroup) {
      groups.merge(group, ((Holder) other).groups, otherGroup);
    }

    @Override
    public void mergeIntermediate(int group, DataTable table, int row, int column) {
      groups.mergeIntermediate(group, table, row, column);
    }

    @Override
    public void writeIntermediate(int group, DataTableBuilder builder, int column) {
      groups.writeIntermediate(group, builder, column);
    }

    @Override
    public Comparable<?> finalResult(int group) {
      ValueCounts counts = groups.get(group);
      long n = counts == null ? 0 : counts.count();
      if (n == 0) {
        return Double.NEGATIVE_INFINITY;
      }
      long index = percentile == 100 ? n - 1 : (long) (n * percentile / 100);
      return counts.valueAt(Math.min(index, n - 1));
    }
  }
}
