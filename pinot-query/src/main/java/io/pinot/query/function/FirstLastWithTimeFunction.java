// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.function;

import io.pinot.common.datatable.ColumnDataType;
import io.pinot.common.datatable.CustomObject;
import io.pinot.common.datatable.DataTable;
import io.pinot.common.datatable.DataTableBuilder;
import io.pinot.query.context.Expression;
import io.pinot.query.context.TableColumns;
import io.pinot.spi.exception.QueryErrorCode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/// `FIRSTWITHTIME(value, time, 'TYPE')` and `LASTWITHTIME(value, time, 'TYPE')`: the value of the row with the smallest
/// (largest) time, read as the declared type (INT, LONG, FLOAT, DOUBLE, STRING or BOOLEAN), which is also the final
/// type; result columns `firstwithtime(value,time,'TYPE')`. Among rows with equal times the later document wins within
/// a segment, and the earlier-merged result across segments, as in Pinot. Over no rows the result is Pinot's default:
/// `Integer.MIN_VALUE` for INT, `Long.MIN_VALUE` for LONG, NaN for FLOAT and DOUBLE, `""` for STRING and false for
/// BOOLEAN. The time column (an extra slot) is read as LONG. The intermediate is an OBJECT of type
/// [ObjectTypes#VALUE_WITH_TIME]: int64 time, then an int64 (INT, LONG, BOOLEAN), a double (FLOAT, DOUBLE) or the
/// UTF-8 bytes (STRING) of the value.
///
/// @param time the time column
/// @param type the declared type
/// @param last true for LASTWITHTIME
public record FirstLastWithTimeFunction(Expression argument, Expression time, ColumnDataType type, boolean last)
    implements AggregationFunction {

  public FirstLastWithTimeFunction {
    switch (type) {
      case INT, LONG, FLOAT, DOUBLE, STRING, BOOLEAN -> {
      }
      default -> throw QueryErrorCode.QUERY_VALIDATION.asException("Unsupported data type for "
          + (last ? "LAST_WITH_TIME: " : "FIRST_WITH_TIME: ") + type);
    }
  }

  @Override
  public String name() {
    return last ? "lastwithtime" : "firstwithtime";
  }

  @Override
  public String resultColumnName() {
    return name() + "(" + argument + "," + time + ",'" + type + "')";
  }

  @Override
  public boolean readsArgument() {
    return true;
  }

  @Override
  public List<Expression> extraArguments() {
    return List.of(time);
  }

  @Override
  public boolean validateTypes(TableColumns columns) {
    ColumnChecks.singleValue(name(), columns, argument, type == ColumnDataType.STRING);
    ColumnChecks.singleValue(name(), columns, time, false);
    return true;
  }

  @Override
  public ColumnDataType intermediateType() {
    return ColumnDataType.OBJECT;
  }

  @Override
  public ColumnDataType finalType() {
    return type;
  }

  @Override
  public ResultHolder createHolder(int initialCapacity) {
    return new Holder(initialCapacity, type, last);
  }

  /// Per group the best time and its value (in `longs`, `doubles` or `strings` by the declared type).
  static final class Holder implements ResultHolder {
    private final ColumnDataType type;
    private final boolean last;
    private final long emptyTime;
    private int timeSlot = -1;
    private long[] times;
    private long[] longs;
    private double[] doubles;
    private String[] strings;

    Holder(int capacity, ColumnDataType type, boolean last) {
      this.type = type;
      this.last = last;
      this.emptyTime = last ? Long.MIN_VALUE : Long.MAX_VALUE;
      int length = Math.max(1, capacity);
      times = new long[0];
      longs = new long[0];
      doubles = new double[0];
      strings = new String[0];
      ensureCapacity(length);
    }

    @Override
    public void bindExtraSlots(int[] slots) {
      timeSlot = slots[0];
    }

    @Override
    public void ensureCapacity(int numGroups) {
      int old = times.length;
      if (numGroups <= old) {
        return;
      }
      int length = Math.max(numGroups, old * 2);
      times = Arrays.copyOf(times, length);
      Arrays.fill(times, old, length, emptyTime);
      switch (type) {
        case FLOAT, DOUBLE -> {
          doubles = Arrays.copyOf(doubles, length);
          Arrays.fill(doubles, old, length, Double.NaN);
        }
        case STRING -> {
          strings = Arrays.copyOf(strings, length);
          Arrays.fill(strings, old, length, "");
        }
        default -> {
          longs = Arrays.copyOf(longs, length);
          Arrays.fill(longs, old, length, type == ColumnDataType.LONG ? Long.MIN_VALUE : Integer.MIN_VALUE);
        }
      }
    }

    /// Whether `candidate` replaces the group's `current` time (ties go to the candidate).
    private boolean wins(long candidate, long current) {
      return last ? candidate >= current : candidate <= current;
    }

    /// The position of the winning document among `length`, given the group's current time, or -1.
    private int best(long[] docTimes, int length, long current) {
      int best = -1;
      long bestTime = current;
      for (int i = 0; i < length; i++) {
        if (wins(docTimes[i], bestTime)) {
          bestTime = docTimes[i];
          best = i;
        }
      }
      return best;
    }

    private void take(int group, ValueBlock block, int slot, int doc, long docTime) {
      times[group] = docTime;
      switch (type) {
        case INT, BOOLEAN -> longs[group] = block.intValues(slot)[doc];
        case LONG -> longs[group] = block.longValues(slot)[doc];
        case FLOAT -> doubles[group] = block.floatValues(slot)[doc];
        case DOUBLE -> doubles[group] = block.doubleValues(slot)[doc];
        default -> strings[group] = block.stringValues(slot)[doc];
      }
    }

    @Override
    public void aggregate(ValueBlock block, int slot, int length) {
      long[] docTimes = block.longValues(timeSlot);
      int best = best(docTimes, length, times[0]);
      if (best >= 0) {
        take(0, block, slot, best, docTimes[best]);
      }
    }

    @Override
    public void aggregateGroupBy(ValueBlock block, int slot, int length, int[] groupIds) {
      long[] docTimes = block.longValues(timeSlot);
      for (int i = 0; i < length; i++) {
        if (wins(docTimes[i], times[groupIds[i]])) {
          take(groupIds[i], block, slot, i, docTimes[i]);
        }
      }
    }

    @Override
    public void aggregateGroupByMultiValue(ValueBlock block, int slot, int length, int[] offsets, int[] groupIds) {
      long[] docTimes = block.longValues(timeSlot);
      for (int i = 0; i < length; i++) {
        for (int k = offsets[i]; k < offsets[i + 1]; k++) {
          if (wins(docTimes[i], times[groupIds[k]])) {
            take(groupIds[k], block, slot, i, docTimes[i]);
          }
        }
      }
    }

    private boolean replacedBy(int group, long otherTime) {
      // The earlier-merged result wins ties, as Pinot's merge keeps its first argument on equal times.
      return last ? otherTime > times[group] : otherTime < times[group];
    }

    @Override
    public void merge(int group, ResultHolder other, int otherGroup) {
      Holder that = (Holder) other;
      long otherTime = that.times[otherGroup];
      if (otherTime == that.emptyTime || !replacedBy(group, otherTime)) {
        return;
      }
      times[group] = otherTime;
      switch (type) {
        case FLOAT, DOUBLE -> doubles[group] = that.doubles[otherGroup];
        case STRING -> strings[group] = that.strings[otherGroup];
        default -> longs[group] = that.longs[otherGroup];
      }
    }

    @Override
    public void mergeIntermediate(int group, DataTable table, int row, int column) {
      CustomObject object = table.getCustomObject(row, column);
      if (object == null) {
        return;
      }
      ObjectTypes.expect(object, ObjectTypes.VALUE_WITH_TIME);
      ByteBuffer buffer = ByteBuffer.wrap(object.bytes());
      long otherTime = buffer.getLong();
      if (otherTime == emptyTime || !replacedBy(group, otherTime)) {
        return;
      }
      times[group] = otherTime;
      switch (type) {
        case FLOAT, DOUBLE -> doubles[group] = buffer.getDouble();
        case STRING -> strings[group] = new String(object.bytes(), 8, object.bytes().length - 8,
            StandardCharsets.UTF_8);
        default -> longs[group] = buffer.getLong();
      }
    }

    @Override
    public void writeIntermediate(int group, DataTableBuilder builder, int column) {
      byte[] bytes = switch (type) {
        case FLOAT, DOUBLE -> ByteBuffer.allocate(16).putLong(times[group]).putDouble(doubles[group]).array();
        case STRING -> {
          byte[] text = strings[group].getBytes(StandardCharsets.UTF_8);
          yield ByteBuffer.allocate(8 + text.length).putLong(times[group]).put(text).array();
        }
        default -> ByteBuffer.allocate(16).putLong(times[group]).putLong(longs[group]).array();
      };
      builder.setCustomObject(column, new CustomObject(ObjectTypes.VALUE_WITH_TIME, bytes));
    }

    @Override
    public Comparable<?> finalResult(int group) {
      return switch (type) {
        case INT -> (int) longs[group];
        case LONG -> longs[group];
        case FLOAT -> (float) doubles[group];
        case DOUBLE -> doubles[group];
        case STRING -> strings[group];
        default -> longs[group] == 1;
      };
    }
  }
}
