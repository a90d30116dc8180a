// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.function;

import io.pinot.common.datatable.ColumnDataType;
import io.pinot.common.datatable.DataTable;
import io.pinot.common.datatable.DataTableBuilder;
import io.pinot.query.context.Expression;
import io.pinot.query.context.TableColumns;
import io.pinot.spi.data.DataType;
import io.pinot.spi.exception.QueryErrorCode;
import java.util.Arrays;

/// `BOOL_AND(col)` and `BOOL_OR(col)` of a BOOLEAN single-value column (stored as INT 0/1), result columns
/// `booland(col)` and `boolor(col)`, final type BOOLEAN. Over no rows BOOL_AND is true and BOOL_OR false, as Pinot's
/// identities. Other column types fail as in Pinot (`Unsupported data type boolAnd for INT`). The intermediate is an
/// INT 0/1.
///
/// @param and true for BOOL_AND, false for BOOL_OR
public record BoolFunction(Expression argument, boolean and) implements AggregationFunction {

  @Override
  public String name() {
    return and ? "booland" : "boolor";
  }

  @Override
  public boolean readsArgument() {
    return true;
  }

  @Override
  public ColumnDataType intermediateType() {
    return ColumnDataType.INT;
  }

  @Override
  public ColumnDataType finalType() {
    return ColumnDataType.BOOLEAN;
  }

  @Override
  public boolean validateTypes(TableColumns columns) {
    ColumnChecks.singleValue(name(), columns, argument, true);
    TableColumns.Column column = ColumnChecks.column(columns, argument);
    if (column != null && column.dataType() != DataType.BOOLEAN) {
      throw QueryErrorCode.QUERY_VALIDATION.asException("Unsupported data type " + (and ? "boolAnd" : "boolOr")
          + " for " + column.dataType());
    }
    return true;
  }

  @Override
  public ResultHolder createHolder(int initialCapacity) {
    return new Holder(initialCapacity, and);
  }

  /// One int (0 or 1) per group, starting at the identity (1 for AND, 0 for OR).
  static final class Holder implements ResultHolder {
    private final boolean and;
    private int[] values;

    Holder(int capacity, boolean and) {
      this.and = and;
      values = new int[Math.max(1, capacity)];
      Arrays.fill(values, identity());
    }

    private int identity() {
      return and ? 1 : 0;
    }

    private int combine(int left, int right) {
      return and ? left & right : left | right;
    }

    @Override
    public void ensureCapacity(int numGroups) {
      if (numGroups > values.length) {
        int old = values.length;
        values = Arrays.copyOf(values, Math.max(numGroups, values.length * 2));
        Arrays.fill(values, old, values.length, identity());
      }
    }

    @Override
    public void aggregate(ValueBlock block, int slot, int length) {
      int[] bools = block.intValues(slot);
      int result = values[0];
      if (and) {
        for (int i = 0; i < length; i++) {
          result &= bools[i] != 0 ? 1 : 0;
        }
      } else {
        for (int i = 0; i < length; i++) {
          result |= bools[i] != 0 ? 1 : 0;
        }
      }
      values[0] = result;
    }

    @Override
    public void aggregateGroupBy(ValueBlock block, int slot, int length, int[] groupIds) {
      int[] bools = block.intValues(slot);
      for (int i = 0; i < length; i++) {
        values[groupIds[i]] = combine(values[groupIds[i]], bools[i] != 0 ? 1 : 0);
      }
    }

    @Override
    public void aggregateGroupByMultiValue(ValueBlock block, int slot, int length, int[] offsets, int[] groupIds) {
      int[] bools = block.intValues(slot);
      for (int i = 0; i < length; i++) {
        int value = bools[i] != 0 ? 1 : 0;
        for (int k = offsets[i]; k < offsets[i + 1]; k++) {
          values[groupIds[k]] = combine(values[groupIds[k]], value);
        }
      }
    }

    @Override
    public void merge(int group, ResultHolder other, int otherGroup) {
      values[group] = combine(values[group], ((Holder) other).values[otherGroup]);
    }

    @Override
    public void mergeIntermediate(int group, DataTable table, int row, int column) {
      values[group] = combine(values[group], table.getInt(row, column));
    }

    @Override
    public void writeIntermediate(int group, DataTableBuilder builder, int column) {
      builder.setInt(column, values[group]);
    }

    @Override
    public Comparable<?> finalResult(int group) {
      return values[group] == 1;
    }
  }
}
