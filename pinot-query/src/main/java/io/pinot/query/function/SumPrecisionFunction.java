// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.function;

import io.pinot.common.datatable.ColumnDataType;
import io.pinot.common.datatable.DataTable;
import io.pinot.common.datatable.DataTableBuilder;
import io.pinot.query.context.Expression;
import io.pinot.query.context.TableColumns;
import io.pinot.spi.data.DataType;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/// `SUMPRECISION(col[, precision[, scale]])`: the exact sum of a numeric (or numeric-text STRING) single-value column
/// as a `BigDecimal`, result column `sumprecision(col)`. As in Pinot 1.3 the final type is STRING (the decimal's
/// `toString()`), and the final sum is rounded to `precision` significant digits and then to `scale` decimal places,
/// half-even, when given. Over no rows the result is 0. INT and LONG values are summed in a `long` per block and
/// folded into the decimal only on overflow or at the end of the block; FLOAT and DOUBLE values are summed by their
/// shortest decimal text, as Pinot reads them. The intermediate is a BIG_DECIMAL cell.
public record SumPrecisionFunction(Expression argument, @Nullable Integer precision, @Nullable Integer scale)
    implements AggregationFunction {

  @Override
  public String name() {
    return "sumprecision";
  }

  @Override
  public boolean readsArgument() {
    return true;
  }

  @Override
  public boolean acceptsStringArgument() {
    return true;
  }

  @Override
  public ColumnDataType intermediateType() {
    return ColumnDataType.BIG_DECIMAL;
  }

  @Override
  public ColumnDataType finalType() {
    return ColumnDataType.STRING;
  }

  @Override
  public boolean validateTypes(TableColumns columns) {
    TableColumns.Column column = ColumnChecks.column(columns, argument);
    boolean text = column != null && column.dataType().storedType() == DataType.STRING;
    ColumnChecks.singleValue(name(), columns, argument, text);
    return true;
  }

  @Override
  public ResultHolder createHolder(int initialCapacity) {
    return new Holder(initialCapacity, precision, scale);
  }

  /// One `BigDecimal` per group (null until a value arrives).
  static final class Holder implements ResultHolder {
    private final @Nullable Integer precision;
    private final @Nullable Integer scale;
    private BigDecimal[] sums;

    Holder(int capacity, @Nullable Integer precision, @Nullable Integer scale) {
      this.precision = precision;
      this.scale = scale;
      sums = new BigDecimal[Math.max(1, capacity)];
    }

    @Override
    public void ensureCapacity(int numGroups) {
      if (numGroups > sums.length) {
        sums = Arrays.copyOf(sums, Math.max(numGroups, sums.length * 2));
      }
    }

    private void add(int group, BigDecimal value) {
      sums[group] = sums[group] == null ? value : sums[group].add(value);
    }

    @Override
    public void aggregate(ValueBlock block, int slot, int length) {
      switch (block.storedType(slot)) {
        case INT -> {
          int[] values = block.intValues(slot);
          long sum = 0;
          for (int i = 0; i < length; i++) {
            sum += values[i];
          }
          add(0, BigDecimal.valueOf(sum));
        }
        case LONG -> aggregateLongs(block.longValues(slot), length);
        default -> {
          String[] values = block.stringValues(slot);
          for (int i = 0; i < length; i++) {
            add(0, new BigDecimal(values[i]));
          }
        }
      }
    }

    /// Sums longs exactly: in a `long` until an addition would overflow.
    private void aggregateLongs(long[] values, int length) {
      long sum = 0;
      for (int i = 0; i < length; i++) {
        long next = sum + values[i];
        if (((sum ^ next) & (values[i] ^ next)) < 0) {
          add(0, BigDecimal.valueOf(sum));
          next = values[i];
        }
        sum = next;
      }
      add(0, BigDecimal.valueOf(sum));
    }

    private BigDecimal[] decimals(ValueBlock block, int slot, int length) {
      BigDecimal[] decimals = new BigDecimal[length];
      switch (block.storedType(slot)) {
        case INT -> {
          int[] values = block.intValues(slot);
          for (int i = 0; i < length; i++) {
            decimals[i] = BigDecimal.valueOf(values[i]);
          }
        }
        case LONG -> {
          long[] values = block.longValues(slot);
          for (int i = 0; i < length; i++) {
            decimals[i] = BigDecimal.valueOf(values[i]);
          }
        }
        default -> {
          String[] values = block.stringValues(slot);
          for (int i = 0; i < length; i++) {
            decimals[i] = new BigDecimal(values[i]);
          }
        }
      }
      return decimals;
    }

    @Override
    public void aggregateGroupBy(ValueBlock block, int slot, int length, int[] groupIds) {
      BigDecimal[] values = decimals(block, slot, length);
      for (int i = 0; i < length; i++) {
        add(groupIds[i], values[i]);
      }
    }

    @Override
    public void aggregateGroupByMultiValue(ValueBlock block, int slot, int length, int[] offsets, int[] groupIds) {
      BigDecimal[] values = decimals(block, slot, length);
      for (int i = 0; i < length; i++) {
        for (int k = offsets[i]; k < offsets[i + 1]; k++) {
          add(groupIds[k], values[i]);
        }
      }
    }

    @Override
    public void merge(int group, ResultHolder other, int otherGroup) {
      BigDecimal value = ((Holder) other).sums[otherGroup];
      if (value != null) {
        add(group, value);
      }
    }

    @Override
    public void mergeIntermediate(int group, DataTable table, int row, int column) {
      add(group, table.getBigDecimal(row, column));
    }

    @Override
    public void writeIntermediate(int group, DataTableBuilder builder, int column) {
      builder.setBigDecimal(column, sums[group] == null ? BigDecimal.ZERO : sums[group]);
    }

    @Override
    public Comparable<?> finalResult(int group) {
      BigDecimal sum = sums[group] == null ? BigDecimal.ZERO : sums[group];
      if (precision == null) {
        return sum;
      }
      BigDecimal rounded = sum.round(new MathContext(precision, RoundingMode.HALF_EVEN));
      return scale == null ? rounded : rounded.setScale(scale, RoundingMode.HALF_EVEN);
    }
  }
}
