// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.function;

import io.pinot.common.datatable.ColumnDataType;
import io.pinot.common.datatable.DataTable;
import io.pinot.common.datatable.DataTableBuilder;
import io.pinot.query.context.Expression;
import io.pinot.query.context.Identifier;
import java.util.Arrays;

/// `COUNT(*)` and `COUNT(col)`: without null handling both count rows, and Pinot names both `count(*)`.
/// Intermediate and final type LONG.
public record CountFunction(Expression argument) implements AggregationFunction {

  @Override
  public String name() {
    return "count";
  }

  @Override
  public String resultColumnName() {
    return "count(*)";
  }

  @Override
  public boolean readsArgument() {
    return false;
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

  /// The canonical COUNT(*) of every COUNT (its argument is irrelevant without null handling).
  public static CountFunction star() {
    return new CountFunction(Identifier.STAR);
  }

  /// Counts per group in a `long[]`.
  static final class Holder implements ResultHolder {
    private long[] counts;

    Holder(int capacity) {
      counts = new long[Math.max(1, capacity)];
    }

    @Override
    public void ensureCapacity(int numGroups) {
      if (numGroups > counts.length) {
        counts = Arrays.copyOf(counts, Math.max(numGroups, counts.length * 2));
      }
    }

    @Override
    public void aggregate(ValueBlock block, int slot, int length) {
      counts[0] += length;
    }

    /// Adds a count computed elsewhere (index cardinality or segment metadata).
    void add(int group, long count) {
      counts[group] += count;
    }

    @Override
    public void aggregateGroupBy(ValueBlock block, int slot, int length, int[] groupIds) {
      long[] c = counts;
      for (int i = 0; i < length; i++) {
        c[groupIds[i]]++;
      }
    }

    @Override
    public void aggregateGroupByPreAggregated(ValueBlock block, int slot, long[] documentCounts, int length,
        int[] groupIds) {
      long[] c = counts;
      for (int i = 0; i < length; i++) {
        c[groupIds[i]] += documentCounts[i];
      }
    }

    @Override
    public void aggregateGroupByMultiValue(ValueBlock block, int slot, int length, int[] offsets, int[] groupIds) {
      long[] c = counts;
      int end = offsets[length];
      for (int i = offsets[0]; i < end; i++) {
        c[groupIds[i]]++;
      }
    }

    @Override
    public void mergeAll(int[] targets, ResultHolder other, int numGroups) {
      long[] from = ((Holder) other).counts;
      long[] into = counts;
      for (int g = 0; g < numGroups; g++) {
        int target = targets[g];
        if (target >= 0) {
          into[target] += from[g];
        }
      }
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
