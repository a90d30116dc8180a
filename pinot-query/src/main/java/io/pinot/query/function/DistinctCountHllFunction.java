// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.function;

import io.pinot.common.datatable.ColumnDataType;
import io.pinot.common.datatable.CustomObject;
import io.pinot.common.datatable.DataTable;
import io.pinot.common.datatable.DataTableBuilder;
import io.pinot.query.context.Expression;
import io.pinot.segment.spi.Dictionary;
import io.pinot.segment.spi.Utf8Dictionary;
import io.pinot.segment.spi.Utf8Hash;
import io.pinot.spi.data.DataType;
import io.pinot.spi.exception.QueryErrorCode;
import java.math.BigDecimal;
import java.util.Arrays;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.HllUnion;

/// `DISTINCTCOUNTHLL(col[, log2m])`: the approximate number of distinct values of a single-value numeric or
/// STRING column, final type LONG (`distinctcounthll(col)`), 0 over no rows. Pinot's default log2m is 8. The
/// sketch is an Apache DataSketches HLL with `lgK = log2m` (Pinot uses a clearspring HyperLogLog of the same
/// size, so estimates differ in detail but not in accuracy). The result is the sketch's composite estimate,
/// which depends only on the set of values (not on their order or on how rows are spread over segments): exact
/// while small, then a relative standard error of about `1.04 / sqrt(2^log2m)` (6.5% at the default, so within
/// 19.5% with 99.7% confidence).
///
/// Values hash by their value, not their representation: INT and LONG as longs, FLOAT and DOUBLE as
/// doubles, BIG_DECIMAL by its canonical text, STRING by the [Utf8Hash] of its UTF-8 bytes (computed from the
/// stored bytes, including a raw column's hex-packed ones, without decoding a String). The intermediate is an
/// OBJECT of type [ObjectTypes#HLL_SKETCH].
public record DistinctCountHllFunction(Expression argument, int log2m) implements AggregationFunction {
  public static final int DEFAULT_LOG2M = 8;
  public static final int MIN_LOG2M = 4;
  public static final int MAX_LOG2M = 21;

  @Override
  public String name() {
    return "distinctcounthll";
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
    return ColumnDataType.OBJECT;
  }

  @Override
  public ColumnDataType finalType() {
    return ColumnDataType.LONG;
  }

  @Override
  public ResultHolder createHolder(int initialCapacity) {
    return new Holder(initialCapacity, log2m);
  }

  /// A STRING value enters the sketch as the [Utf8Hash] of its UTF-8 bytes, the same however it is stored.
  private static void updateString(HllUnion union, String value) {
    union.update(Utf8Hash.hash(value));
  }

  private static String canonical(BigDecimal value) {
    return value.signum() == 0 ? "0" : value.stripTrailingZeros().toString();
  }

  private static RuntimeException unsupported(DataType type) {
    return QueryErrorCode.QUERY_EXECUTION.asException("Function[distinctcounthll] does not support values of type "
        + type);
  }

  /// One HLL union per group. Aggregating a dictionary-encoded column into group 0 first marks dictionary ids
  /// in a bitset, so [#finishSegment] hashes each distinct value once. GROUP BY hashes values row by row
  /// (collecting ids in a RoaringBitmap per group measured slower).
  static final class Holder implements ResultHolder {
    private final int log2m;
    private HllUnion[] unions;
    private long[] dictIdBits;

    Holder(int capacity, int log2m) {
      this.log2m = log2m;
      unions = new HllUnion[Math.max(1, capacity)];
    }

    @Override
    public void ensureCapacity(int numGroups) {
      if (numGroups > unions.length) {
        unions = Arrays.copyOf(unions, Math.max(numGroups, unions.length * 2));
      }
    }

    private HllUnion union(int group) {
      HllUnion union = unions[group];
      if (union == null) {
        union = new HllUnion(log2m);
        unions[group] = union;
      }
      return union;
    }

    @Override
    public void aggregate(ValueBlock block, int slot, int length) {
      if (block.isDictionaryEncoded(slot)) {
        if (dictIdBits == null) {
          dictIdBits = new long[(block.dictionary(slot).length() + 63) >>> 6];
        }
        long[] bits = dictIdBits;
        int[] ids = block.dictIds(slot);
        for (int i = 0; i < length; i++) {
          bits[ids[i] >>> 6] |= 1L << ids[i];
        }
        return;
      }
      HllUnion union = union(0);
      switch (block.storedType(slot)) {
        case INT -> {
          int[] values = block.intValues(slot);
          for (int i = 0; i < length; i++) {
            union.update((long) values[i]);
          }
        }
        case LONG -> {
          long[] values = block.longValues(slot);
          for (int i = 0; i < length; i++) {
            union.update(values[i]);
          }
        }
        case FLOAT, DOUBLE -> {
          double[] values = block.doubleValues(slot);
          for (int i = 0; i < length; i++) {
            union.update(values[i]);
          }
        }
        case STRING -> {
          long[] hashes = block.utf8Hashes(slot, length);
          for (int i = 0; i < length; i++) {
            union.update(hashes[i]);
          }
        }
        default -> {
          for (int i = 0; i < length; i++) {
            addValue(union, block, slot, i);
          }
        }
      }
    }

    @Override
    public void aggregateGroupBy(ValueBlock block, int slot, int length, int[] groupIds) {
      switch (block.storedType(slot)) {
        case INT, LONG -> {
          long[] values = block.longValues(slot);
          for (int i = 0; i < length; i++) {
            union(groupIds[i]).update(values[i]);
          }
        }
        case FLOAT, DOUBLE -> {
          double[] values = block.doubleValues(slot);
          for (int i = 0; i < length; i++) {
            union(groupIds[i]).update(values[i]);
          }
        }
        case STRING -> {
          if (block.dictionary(slot) == null) {
            // a raw column's values hash as the strings do, without decoding a String per row
            long[] hashes = block.utf8Hashes(slot, length);
            for (int i = 0; i < length; i++) {
              union(groupIds[i]).update(hashes[i]);
            }
          } else {
            String[] values = block.stringValues(slot);
            for (int i = 0; i < length; i++) {
              updateString(union(groupIds[i]), values[i]);
            }
          }
        }
        default -> {
          for (int i = 0; i < length; i++) {
            addValue(union(groupIds[i]), block, slot, i);
          }
        }
      }
    }

    @Override
    public void aggregateGroupByMultiValue(ValueBlock block, int slot, int length, int[] offsets, int[] groupIds) {
      for (int i = 0; i < length; i++) {
        for (int k = offsets[i]; k < offsets[i + 1]; k++) {
          addValue(union(groupIds[k]), block, slot, i);
        }
      }
    }

    private static void addValue(HllUnion union, ValueBlock block, int slot, int doc) {
      DataType type = block.storedType(slot);
      switch (type) {
        case INT -> union.update((long) block.intValues(slot)[doc]);
        case LONG -> union.update(block.longValues(slot)[doc]);
        case FLOAT, DOUBLE -> union.update(block.doubleValues(slot)[doc]);
        case STRING -> updateString(union, block.stringValues(slot)[doc]);
        case BIG_DECIMAL -> union.update(canonical(new BigDecimal(block.stringValues(slot)[doc])));
        default -> throw unsupported(type);
      }
    }

    @Override
    public void finishSegment(ValueBlock block, int slot, int numGroups) {
      if (dictIdBits == null) {
        return;
      }
      Dictionary dictionary = block.dictionary(slot);
      HllUnion union = union(0);
      for (int word = 0; word < dictIdBits.length; word++) {
        long bits = dictIdBits[word];
        while (bits != 0) {
          addDictionaryValue(union, dictionary, (word << 6) + Long.numberOfTrailingZeros(bits));
          bits &= bits - 1;
        }
      }
      dictIdBits = null;
    }

    /// Adds every value of a segment's dictionary to group 0 (a segment whose documents all match).
    void addDictionary(Dictionary dictionary) {
      HllUnion union = union(0);
      int length = dictionary.length();
      switch (dictionary.valueType()) {
        case INT, LONG -> {
          int[] ids = new int[Math.min(length, 1024)];
          long[] values = new long[ids.length];
          for (int start = 0; start < length; start += ids.length) {
            int n = Math.min(ids.length, length - start);
            for (int k = 0; k < n; k++) {
              ids[k] = start + k;
            }
            dictionary.readLongValues(ids, n, values);
            for (int k = 0; k < n; k++) {
              union.update(values[k]);
            }
          }
        }
        case FLOAT, DOUBLE -> {
          for (int id = 0; id < length; id++) {
            union.update(dictionary.getDoubleValue(id));
          }
        }
        default -> {
          for (int id = 0; id < length; id++) {
            addDictionaryValue(union, dictionary, id);
          }
        }
      }
    }

    private static void addDictionaryValue(HllUnion union, Dictionary dictionary, int dictId) {
      DataType type = dictionary.valueType();
      switch (type) {
        case INT, LONG -> union.update(dictionary.getLongValue(dictId));
        case FLOAT, DOUBLE -> union.update(dictionary.getDoubleValue(dictId));
        case STRING -> union.update(dictionary instanceof Utf8Dictionary utf8
            ? Utf8Hash.hash(utf8.utf8Memory(), utf8.utf8Start(dictId), utf8.utf8Length(dictId))
            : Utf8Hash.hash(dictionary.getStringValue(dictId)));
        case BIG_DECIMAL -> union.update(canonical((BigDecimal) dictionary.get(dictId)));
        default -> throw unsupported(type);
      }
    }

    @Override
    public void merge(int group, ResultHolder other, int otherGroup) {
      HllUnion from = ((Holder) other).unions[otherGroup];
      if (from == null) {
        return;
      }
      if (unions[group] == null) {
        unions[group] = from;
      } else {
        unions[group].update(from.getResult());
      }
    }

    @Override
    public void mergeIntermediate(int group, DataTable table, int row, int column) {
      CustomObject object = table.getCustomObject(row, column);
      if (object == null) {
        return;
      }
      ObjectTypes.expect(object, ObjectTypes.HLL_SKETCH);
      union(group).update(HllSketch.heapify(object.bytes()));
    }

    @Override
    public void writeIntermediate(int group, DataTableBuilder builder, int column) {
      builder.setCustomObject(column, new CustomObject(ObjectTypes.HLL_SKETCH, union(group).toCompactByteArray()));
    }

    @Override
    public Comparable<?> finalResult(int group) {
      HllUnion union = unions[group];
      // The composite estimate depends only on the registers, not on the order values arrived in, so the answer
      // does not change with how rows are spread over segments and servers (as Pinot's clearspring estimate).
      return union == null ? 0L : Math.round(union.getResult().getCompositeEstimate());
    }

    /// The sketch of a group, for tests that check estimates against the sketch's own bounds.
    HllSketch sketch(int group) {
      return union(group).getResult();
    }
  }
}
