// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.function;

import io.pinot.common.datatable.ColumnDataType;
import io.pinot.common.datatable.CustomObject;
import io.pinot.common.datatable.DataTable;
import io.pinot.common.datatable.DataTableBuilder;
import io.pinot.query.context.Expression;
import io.pinot.query.context.TableColumns;
import io.pinot.segment.spi.Dictionary;
import io.pinot.spi.exception.QueryErrorCode;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.Locale;
import org.apache.datasketches.theta.ThetaSetOperation;
import org.apache.datasketches.theta.ThetaSketch;
import org.apache.datasketches.theta.ThetaUnion;

/// `DISTINCTCOUNTTHETASKETCH(col[, 'nominalEntries=4096'])`: the approximate number of distinct values with an Apache
/// DataSketches theta sketch, final type LONG (the rounded estimate), result column `distinctcountthetasketch(col)`;
/// 0 over no rows. Pinot's default of 4096 nominal entries (DataSketches' default) gives a relative standard error of
/// about `1 / sqrt(4096)` = 1.6%; the exact count below the nominal entries. Values update the sketch as Pinot does:
/// integral values as longs, floating values as doubles, strings as strings. Of Pinot's parameters `nominalEntries`
/// is honoured and `accumulatorThreshold` (a memory/CPU trade-off) accepted; the forms with filter and
/// post-aggregation expressions are rejected by the parser. The intermediate is an OBJECT of type
/// [ObjectTypes#THETA_SKETCH], a compact sketch.
public record DistinctCountThetaSketchFunction(Expression argument, int nominalEntries)
    implements AggregationFunction {
  static final int DEFAULT_NOMINAL_ENTRIES = 4096;
  private static final int MIN_NOMINAL_ENTRIES = 16;
  private static final int MAX_NOMINAL_ENTRIES = 1 << 26;

  /// Parses Pinot's parameter string `key=value;key=value` (keys case-insensitive).
  ///
  /// @throws io.pinot.spi.exception.QueryException QUERY_VALIDATION for a malformed string, an unknown key or a
  ///     nominal entries value out of range
  static int parseNominalEntries(String parameters) {
    int nominalEntries = DEFAULT_NOMINAL_ENTRIES;
    for (String part : parameters.split(";")) {
      if (part.isBlank()) {
        continue;
      }
      String[] keyValue = part.split("=", 2);
      String key = keyValue[0].trim().toLowerCase(Locale.ROOT);
      if (keyValue.length != 2) {
        throw QueryErrorCode.QUERY_VALIDATION.asException("Invalid parameter for DISTINCTCOUNTTHETASKETCH: " + part);
      }
      switch (key) {
        case "nominalentries" -> nominalEntries = nominalEntries(keyValue[1].trim());
        case "accumulatorthreshold" -> {
        }
        default -> throw QueryErrorCode.QUERY_VALIDATION.asException(
            "Unsupported parameter for DISTINCTCOUNTTHETASKETCH: " + keyValue[0].trim());
      }
    }
    return nominalEntries;
  }

  private static int nominalEntries(String text) {
    try {
      int value = Integer.parseInt(text);
      if (value >= MIN_NOMINAL_ENTRIES && value <= MAX_NOMINAL_ENTRIES) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw QueryErrorCode.QUERY_VALIDATION.asException("DISTINCTCOUNTTHETASKETCH expects nominalEntries between "
        + MIN_NOMINAL_ENTRIES + " and " + MAX_NOMINAL_ENTRIES + ", got " + text);
  }

  @Override
  public String name() {
    return "distinctcountthetasketch";
  }

  @Override
  public boolean readsArgument() {
    return true;
  }

  @Override
  public boolean validateTypes(TableColumns columns) {
    ColumnChecks.singleValue(name(), columns, argument, true);
    return true;
  }

  @Override
  public ColumnDataType intermediateType() {
    return ColumnDataType.OBJECT;
  }

  @Override
  public ColumnDataType finalType() {
    return ColumnDataType.LONG;
  }

  @Override
  public ResultHolder createHolder(int initialCapacity) {
    return new Holder(initialCapacity, nominalEntries);
  }

  /// One theta union per group (it takes both raw updates and sketches), created on first use.
  static final class Holder implements ResultHolder {
    private final int nominalEntries;
    private ThetaUnion[] unions;
    private long[] dictIdBits;

    Holder(int capacity, int nominalEntries) {
      this.nominalEntries = nominalEntries;
      unions = new ThetaUnion[Math.max(1, capacity)];
    }

    @Override
    public void ensureCapacity(int numGroups) {
      if (numGroups > unions.length) {
        unions = Arrays.copyOf(unions, Math.max(numGroups, unions.length * 2));
      }
    }

    private ThetaUnion union(int group) {
      ThetaUnion union = unions[group];
      if (union == null) {
        union = ThetaSetOperation.builder().setNominalEntries(nominalEntries).buildUnion();
        unions[group] = union;
      }
      return union;
    }

    @Override
    public void aggregate(ValueBlock block, int slot, int length) {
      Dictionary dictionary = block.dictionary(slot);
      if (dictionary != null && block.isSingleValue(slot)) {
        if (dictIdBits == null) {
          dictIdBits = new long[(dictionary.length() + 63) >>> 6];
        }
        int[] ids = block.dictIds(slot);
        for (int i = 0; i < length; i++) {
          dictIdBits[ids[i] >>> 6] |= 1L << ids[i];
        }
        return;
      }
      ThetaUnion union = union(0);
      for (int i = 0; i < length; i++) {
        update(union, block, slot, i);
      }
    }

    private static void update(ThetaUnion union, ValueBlock block, int slot, int doc) {
      switch (block.storedType(slot)) {
        case INT -> union.update(block.intValues(slot)[doc]);
        case LONG -> union.update(block.longValues(slot)[doc]);
        case FLOAT, DOUBLE -> union.update(block.doubleValues(slot)[doc]);
        case BYTES -> union.update(block.bytesValues(slot)[doc]);
        default -> union.update(block.stringValues(slot)[doc]);
      }
    }

    @Override
    public void aggregateGroupBy(ValueBlock block, int slot, int length, int[] groupIds) {
      for (int i = 0; i < length; i++) {
        update(union(groupIds[i]), block, slot, i);
      }
    }

    @Override
    public void aggregateGroupByMultiValue(ValueBlock block, int slot, int length, int[] offsets, int[] groupIds) {
      for (int i = 0; i < length; i++) {
        for (int k = offsets[i]; k < offsets[i + 1]; k++) {
          update(union(groupIds[k]), block, slot, i);
        }
      }
    }

    @Override
    public void finishSegment(ValueBlock block, int slot, int numGroups) {
      if (dictIdBits == null) {
        return;
      }
      Dictionary dictionary = block.dictionary(slot);
      ThetaUnion union = union(0);
      for (int word = 0; word < dictIdBits.length; word++) {
        long bits = dictIdBits[word];
        while (bits != 0) {
          int dictId = (word << 6) + Long.numberOfTrailingZeros(bits);
          switch (dictionary.valueType().storedType()) {
            case INT, LONG -> union.update(dictionary.getLongValue(dictId));
            case FLOAT, DOUBLE -> union.update(dictionary.getDoubleValue(dictId));
            case BYTES -> union.update(dictionary.getBytesValue(dictId));
            default -> union.update(dictionary.getStringValue(dictId));
          }
          bits &= bits - 1;
        }
      }
      dictIdBits = null;
    }

    @Override
    public void merge(int group, ResultHolder other, int otherGroup) {
      ThetaUnion from = ((Holder) other).unions[otherGroup];
      if (from == null) {
        return;
      }
      if (unions[group] == null) {
        unions[group] = from;
      } else {
        unions[group].union(from.getResult());
      }
    }

    @Override
    public void mergeIntermediate(int group, DataTable table, int row, int column) {
      CustomObject object = table.getCustomObject(row, column);
      if (object == null) {
        return;
      }
      ObjectTypes.expect(object, ObjectTypes.THETA_SKETCH);
      union(group).union(ThetaSketch.heapify(MemorySegment.ofArray(object.bytes())));
    }

    @Override
    public void writeIntermediate(int group, DataTableBuilder builder, int column) {
      builder.setCustomObject(column, new CustomObject(ObjectTypes.THETA_SKETCH,
          union(group).getResult().toByteArray()));
    }

    @Override
    public Comparable<?> finalResult(int group) {
      return unions[group] == null ? 0L : Math.round(unions[group].getResult().getEstimate());
    }
  }
}
