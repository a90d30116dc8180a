// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.function;

import io.pinot.common.datatable.ColumnDataType;
import io.pinot.common.datatable.DataTable;
import io.pinot.common.datatable.DataTableBuilder;
import io.pinot.query.context.Expression;
import io.pinot.segment.spi.Dictionary;

/// `MODE(col[, 'MIN'|'MAX'|'AVG'])`: the most frequent value of a numeric single-value column, final type DOUBLE,
/// result column `mode(col)` whatever the reducer. When several values share the highest frequency the reducer
/// picks the smallest (MIN, Pinot's default), the largest (MAX) or their average (AVG). Over no rows the result is
/// `-Infinity` as in Pinot. Values are counted as doubles (LONG values beyond 2^53 that round to the same double
/// count as one value). A single-value dictionary column aggregated into group 0 counts dictionary ids and reads
/// each distinct value once in [ResultHolder#finishSegment]. The intermediate is an OBJECT of type
/// [ObjectTypes#VALUE_FREQUENCIES] (see [LongCountMap], keys are `Double.doubleToLongBits`).
public record ModeFunction(Expression argument, Reducer reducer) implements AggregationFunction {

  /// How ties between the most frequent values are broken.
  public enum Reducer {
    MIN, MAX, AVG
  }

  @Override
  public String name() {
    return "mode";
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
    return new Holder(initialCapacity, reducer);
  }

  /// The mode of counted values by the reducer, `-Infinity` when there are none.
  static double mode(LongCountMap counts, Reducer reducer) {
    if (counts == null || counts.size() == 0) {
      return Double.NEGATIVE_INFINITY;
    }
    long best = 0;
    double chosen = 0;
    double sum = 0;
    int ties = 0;
    for (int slot = 0; slot < counts.capacity(); slot++) {
      long count = counts.countAt(slot);
      if (count == 0 || count < best) {
        continue;
      }
      double value = Double.longBitsToDouble(counts.keyAt(slot));
      if (count > best) {
        best = count;
        chosen = value;
        sum = value;
        ties = 1;
      } else {
        sum += value;
        ties++;
        if (reducer == Reducer.MIN ? value < chosen : value > chosen) {
          chosen = value;
        }
      }
    }
    return reducer == Reducer.AVG ? sum / ties : chosen;
  }

  /// Value frequencies per group.
  static final class Holder implements ResultHolder {
    private final Reducer reducer;
    private final GroupStates<LongCountMap> groups;
    private DictIdCounts dictIdCounts;

    Holder(int capacity, Reducer reducer) {
      this.reducer = reducer;
      groups = new GroupStates<>(capacity, LongCountMap::new, ObjectTypes.VALUE_FREQUENCIES);
    }

    @Override
    public void ensureCapacity(int numGroups) {
      groups.ensureCapacity(numGroups);
    }

    private LongCountMap group(int group) {
      return groups.getOrCreate(group);
    }

    private static long key(double value) {
      return Double.doubleToLongBits(value);
    }

    @Override
    public void aggregate(ValueBlock block, int slot, int length) {
      Dictionary dictionary = block.dictionary(slot);
      if (dictionary != null && block.isSingleValue(slot)) {
        if (dictIdCounts == null) {
          dictIdCounts = new DictIdCounts(dictionary.length());
        }
        dictIdCounts.add(block.dictIds(slot), length);
        return;
      }
      double[] values = block.doubleValues(slot);
      LongCountMap target = group(0);
      for (int i = 0; i < length; i++) {
        target.add(key(values[i]), 1);
      }
    }

    @Override
    public void aggregateGroupBy(ValueBlock block, int slot, int length, int[] groupIds) {
      double[] values = block.doubleValues(slot);
      for (int i = 0; i < length; i++) {
        group(groupIds[i]).add(key(values[i]), 1);
      }
    }

    @Override
    public void aggregateGroupByMultiValue(ValueBlock block, int slot, int length, int[] offsets, int[] groupIds) {
      double[] values = block.doubleValues(slot);
      for (int i = 0; i < length; i++) {
        for (int k = offsets[i]; k < offsets[i + 1]; k++) {
          group(groupIds[k]).add(key(values[i]), 1);
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
      LongCountMap target = group(0);
      for (int i = 0; i < ids.length; i++) {
        target.add(key(values[i]), counts[i]);
      }
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
      return mode(groups.get(group), reducer);
    }
  }
}
