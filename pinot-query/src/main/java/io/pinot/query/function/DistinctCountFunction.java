// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.function;

import io.pinot.common.datatable.ColumnDataType;
import io.pinot.common.datatable.CustomObject;
import io.pinot.common.datatable.DataTable;
import io.pinot.common.datatable.DataTableBuilder;
import io.pinot.query.context.Expression;
import io.pinot.segment.spi.Dictionary;
import io.pinot.spi.data.DataType;
import java.math.BigDecimal;
import java.util.Arrays;

/// `DISTINCTCOUNT(col)` (also `COUNT(DISTINCT col)`): the exact number of distinct values, final type
/// INT. Multi-value columns count each value. Within a segment, dictionary-encoded columns collect
/// dictionary ids in bitmaps; [ResultHolder#finishSegment] turns them into values for merging.
public record DistinctCountFunction(Expression argument) implements AggregationFunction {

  @Override
  public String name() {
    return "distinctcount";
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
    return ColumnDataType.INT;
  }

  @Override
  public ResultHolder createHolder(int initialCapacity) {
    return new Holder(initialCapacity);
  }

  /// Adds every value of a dictionary to a group (for DISTINCTCOUNT answered from the dictionary).
  static void addDictionary(ResultHolder holder, Dictionary dictionary) {
    Holder h = (Holder) holder;
    DistinctValues values = h.values(0);
    for (int dictId = 0; dictId < dictionary.length(); dictId++) {
      addDictionaryValue(values, dictionary, dictId);
    }
  }

  private static void addDictionaryValue(DistinctValues values, Dictionary dictionary, int dictId) {
    switch (dictionary.valueType()) {
      case INT, LONG -> values.addLong(dictionary.getLongValue(dictId));
      case FLOAT, DOUBLE -> values.addDouble(dictionary.getDoubleValue(dictId));
      case BIG_DECIMAL -> values.addObject(DistinctValues.normalize((BigDecimal) dictionary.get(dictId)));
      case BYTES -> values.addObject(new ByteArray(dictionary.getBytesValue(dictId)));
      default -> values.addObject(dictionary.getStringValue(dictId));
    }
  }

  /// Distinct values per group. Within a segment, dictionary ids are collected first: in a bitset for
  /// group 0 of an aggregation, as `(group << 32 | dictId)` pairs in one hash set for GROUP BY.
  static final class Holder implements ResultHolder {
    private DistinctValues[] values;
    private long[] dictIdBits;
    private LongHashSet dictIdPairs;

    Holder(int capacity) {
      values = new DistinctValues[Math.max(1, capacity)];
    }

    @Override
    public void ensureCapacity(int numGroups) {
      if (numGroups > values.length) {
        values = Arrays.copyOf(values, Math.max(numGroups, values.length * 2));
      }
    }

    DistinctValues values(int group) {
      DistinctValues v = values[group];
      if (v == null) {
        v = new DistinctValues();
        values[group] = v;
      }
      return v;
    }

    private LongHashSet pairs() {
      if (dictIdPairs == null) {
        dictIdPairs = new LongHashSet(1 << 16);
      }
      return dictIdPairs;
    }

    private static long pair(int group, int dictId) {
      return (long) group << 32 | dictId;
    }

    @Override
    public void aggregate(ValueBlock block, int slot, int length) {
      if (block.isDictionaryEncoded(slot)) {
        if (dictIdBits == null) {
          dictIdBits = new long[(block.dictionary(slot).length() + 63) >>> 6];
        }
        long[] bits = dictIdBits;
        int[] ids;
        int count;
        if (block.isSingleValue(slot)) {
          ids = block.dictIds(slot);
          count = length;
        } else {
          ids = block.mvDictIds(slot);
          count = block.mvOffsets(slot)[length];
        }
        for (int i = 0; i < count; i++) {
          bits[ids[i] >>> 6] |= 1L << ids[i];
        }
        return;
      }
      DistinctValues target = values(0);
      for (int i = 0; i < length; i++) {
        addRaw(target, block, slot, i);
      }
    }

    @Override
    public void aggregateGroupBy(ValueBlock block, int slot, int length, int[] groupIds) {
      if (block.isDictionaryEncoded(slot)) {
        LongHashSet set = pairs();
        if (block.isSingleValue(slot)) {
          int[] ids = block.dictIds(slot);
          for (int i = 0; i < length; i++) {
            set.add(pair(groupIds[i], ids[i]));
          }
        } else {
          int[] offsets = block.mvOffsets(slot);
          int[] ids = block.mvDictIds(slot);
          for (int i = 0; i < length; i++) {
            for (int k = offsets[i]; k < offsets[i + 1]; k++) {
              set.add(pair(groupIds[i], ids[k]));
            }
          }
        }
        return;
      }
      for (int i = 0; i < length; i++) {
        addRaw(values(groupIds[i]), block, slot, i);
      }
    }

    @Override
    public void aggregateGroupByMultiValue(ValueBlock block, int slot, int length, int[] offsets, int[] groupIds) {
      boolean dictionary = block.isDictionaryEncoded(slot);
      boolean singleValue = block.isSingleValue(slot);
      int[] ids = !dictionary ? null : singleValue ? block.dictIds(slot) : block.mvDictIds(slot);
      int[] valueOffsets = dictionary && !singleValue ? block.mvOffsets(slot) : null;
      for (int i = 0; i < length; i++) {
        for (int k = offsets[i]; k < offsets[i + 1]; k++) {
          int group = groupIds[k];
          if (!dictionary) {
            addRaw(values(group), block, slot, i);
          } else if (singleValue) {
            pairs().add(pair(group, ids[i]));
          } else {
            for (int v = valueOffsets[i]; v < valueOffsets[i + 1]; v++) {
              pairs().add(pair(group, ids[v]));
            }
          }
        }
      }
    }

    private static void addRaw(DistinctValues target, ValueBlock block, int slot, int doc) {
      DataType type = block.storedType(slot);
      switch (type) {
        case INT -> target.addLong(block.intValues(slot)[doc]);
        case LONG -> target.addLong(block.longValues(slot)[doc]);
        case FLOAT -> target.addDouble(block.floatValues(slot)[doc]);
        case DOUBLE -> target.addDouble(block.doubleValues(slot)[doc]);
        case BIG_DECIMAL -> target.addObject(DistinctValues.normalize(new BigDecimal(block.stringValues(slot)[doc])));
        case BYTES -> target.addObject(new ByteArray(block.bytesValues(slot)[doc]));
        default -> target.addObject(block.stringValues(slot)[doc]);
      }
    }

    @Override
    public void finishSegment(ValueBlock block, int slot, int numGroups) {
      Dictionary dictionary = block.dictionary(slot);
      if (dictIdBits != null) {
        DistinctValues target = values(0);
        for (int word = 0; word < dictIdBits.length; word++) {
          long bits = dictIdBits[word];
          while (bits != 0) {
            addDictionaryValue(target, dictionary, (word << 6) + Long.numberOfTrailingZeros(bits));
            bits &= bits - 1;
          }
        }
        dictIdBits = null;
      }
      if (dictIdPairs != null) {
        long[] pairs = dictIdPairs.toArray();
        dictIdPairs = null;
        // Size each group's set once: growing thousands of small sets pair by pair dominates otherwise.
        int[] counts = new int[numGroups];
        for (long pair : pairs) {
          int group = (int) (pair >>> 32);
          if (group < numGroups) {
            counts[group]++;
          }
        }
        for (int group = 0; group < numGroups; group++) {
          if (counts[group] > 0) {
            values(group).reserve(counts[group], dictionary.valueType());
          }
        }
        for (long pair : pairs) {
          int group = (int) (pair >>> 32);
          if (group < numGroups) {
            addDictionaryValue(values[group], dictionary, (int) pair);
          }
        }
      }
    }

    @Override
    public void merge(int group, ResultHolder other, int otherGroup) {
      DistinctValues from = ((Holder) other).values[otherGroup];
      if (from == null) {
        return;
      }
      if (values[group] == null) {
        values[group] = from;
      } else {
        values[group].addAll(from);
      }
    }

    @Override
    public void mergeIntermediate(int group, DataTable table, int row, int column) {
      CustomObject object = table.getCustomObject(row, column);
      if (object != null) {
        values(group).addSerialized(object);
      }
    }

    @Override
    public void writeIntermediate(int group, DataTableBuilder builder, int column) {
      builder.setCustomObject(column, values(group).serialize());
    }

    @Override
    public Comparable<?> finalResult(int group) {
      DistinctValues v = values[group];
      return v == null ? 0 : v.size();
    }
  }
}
