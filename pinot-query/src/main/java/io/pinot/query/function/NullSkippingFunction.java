// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.function;

import io.pinot.common.datatable.DataTable;
import io.pinot.common.datatable.DataTableBuilder;
import io.pinot.query.context.Expression;
import io.pinot.query.context.Expressions;
import io.pinot.query.context.FunctionCall;
import io.pinot.query.context.Literal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/// An aggregation under the `enableNullHandling` query option: the inner function over the documents where none of
/// its argument expressions is null (the operators plan `argument IS NOT NULL` per segment, see
/// `FilteredAggregations`), and a null result for a group that saw no such document — except for the counting
/// functions (COUNT, DISTINCTCOUNT...), which count nothing as 0. `COUNT(col)` counts the non-null values and keeps
/// its name `count(col)`. A null intermediate travels as a null DataTable cell. Types are the inner function's.
///
/// @param inner the aggregation
/// @param arguments the argument expressions whose nulls are skipped
/// @param resultColumnName Pinot's result column name
/// @param nullOnEmpty whether a group without values has a null result
public record NullSkippingFunction(AggregationFunction inner, List<Expression> arguments, String resultColumnName,
                                   boolean nullOnEmpty) implements WrappingAggregationFunction {

  private static final Set<String> COUNTING = Set.of("count", "distinctcount", "distinctcountbitmap",
      "distinctcounthll", "distinctcounthllplus", "distinctcountthetasketch", "distinctcountmv",
      "distinctcountbitmapmv", "distinctcounthllmv", "segmentpartitioneddistinctcount", "countmv");

  public NullSkippingFunction {
    arguments = List.copyOf(arguments);
  }

  /// The null-skipping form of an aggregation call's function, or the function itself when it reads no column
  /// (`COUNT(*)`).
  public static AggregationFunction of(FunctionCall call, AggregationFunction function) {
    boolean filtered = function instanceof FilteredAggregationFunction;
    FunctionCall aggregation = filtered ? (FunctionCall) call.arguments().get(0) : call;
    Set<String> read = new LinkedHashSet<>();
    Expressions.collectColumns(aggregation, read);
    if (read.isEmpty()) {
      return function;
    }
    List<Expression> arguments = new ArrayList<>();
    for (Expression argument : aggregation.arguments()) {
      if (!(argument instanceof Literal)) {
        arguments.add(argument);
      }
    }
    AggregationFunction base = filtered ? ((FilteredAggregationFunction) function).inner() : function;
    boolean counting = COUNTING.contains(base.name());
    String name = function.resultColumnName();
    if (base instanceof CountFunction) {
      String count = "count(" + aggregation.arguments().get(0) + ")";
      name = filtered ? count + name.substring("count(*)".length()) : count;
    }
    return new NullSkippingFunction(function, arguments, name, !counting);
  }

  @Override
  public String name() {
    return "nullskipping";
  }

  @Override
  public ResultHolder createHolder(int initialCapacity) {
    return new Holder(inner.createHolder(initialCapacity), initialCapacity, nullOnEmpty);
  }

  /// The inner holder plus the number of values each group saw.
  static final class Holder implements ResultHolder {
    private final ResultHolder inner;
    private final boolean nullOnEmpty;
    private long[] counts;

    Holder(ResultHolder inner, int capacity, boolean nullOnEmpty) {
      this.inner = inner;
      this.nullOnEmpty = nullOnEmpty;
      this.counts = new long[Math.max(1, capacity)];
    }

    @Override
    public void bindExtraSlots(int[] slots) {
      inner.bindExtraSlots(slots);
    }

    @Override
    public void ensureCapacity(int numGroups) {
      inner.ensureCapacity(numGroups);
      if (counts.length < numGroups) {
        counts = Arrays.copyOf(counts, Math.max(numGroups, counts.length * 2));
      }
    }

    @Override
    public void aggregate(ValueBlock block, int slot, int length) {
      inner.aggregate(block, slot, length);
      counts[0] += length;
    }

    @Override
    public void aggregateGroupBy(ValueBlock block, int slot, int length, int[] groupIds) {
      inner.aggregateGroupBy(block, slot, length, groupIds);
      long[] seen = counts;
      for (int i = 0; i < length; i++) {
        seen[groupIds[i]]++;
      }
    }

    @Override
    public void aggregateGroupByMultiValue(ValueBlock block, int slot, int length, int[] offsets, int[] groupIds) {
      inner.aggregateGroupByMultiValue(block, slot, length, offsets, groupIds);
      long[] seen = counts;
      for (int k = 0; k < offsets[length]; k++) {
        seen[groupIds[k]]++;
      }
    }

    @Override
    public void finishSegment(ValueBlock block, int slot, int numGroups) {
      inner.finishSegment(block, slot, numGroups);
    }

    @Override
    public void merge(int group, ResultHolder other, int otherGroup) {
      Holder that = (Holder) other;
      inner.merge(group, that.inner, otherGroup);
      counts[group] += that.counts[otherGroup];
    }

    @Override
    public void mergeIntermediate(int group, DataTable table, int row, int column) {
      if (!table.isNull(row, column)) {
        inner.mergeIntermediate(group, table, row, column);
        counts[group]++;
      }
    }

    @Override
    public void writeIntermediate(int group, DataTableBuilder builder, int column) {
      if (nullOnEmpty && counts[group] == 0) {
        builder.setNull(column);
      } else {
        inner.writeIntermediate(group, builder, column);
      }
    }

    @Override
    public @Nullable Comparable<?> finalResult(int group) {
      return nullOnEmpty && counts[group] == 0 ? null : inner.finalResult(group);
    }
  }
}
