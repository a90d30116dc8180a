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
import org.roaringbitmap.IntIterator;
import org.roaringbitmap.RoaringBitmap;

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

  /// Distinct values (or segment-local dictionary ids) per group.
  static final class Holder implements ResultHolder {
    private DistinctValues[] values;
    private RoaringBitmap[] dictIds;

    Holder(int capacity) {
      values = new DistinctValues[Math.max(1, capacity)];
    }

    @Override
    public void ensureCapacity(int numGroups) {
      if (numGroups > values.length) {
        values = Arrays.copyOf(values, Math.max(numGroups, values.length * 2));
      }
      if (dictIds != null && numGroups > dictIds.length) {
        dictIds = Arrays.copyOf(dictIds, values.length);
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

    private RoaringBitmap bitmap(int group) {
      if (dictIds == null) {
        dictIds = new RoaringBitmap[values.length];
      }
      RoaringBitmap bitmap = dictIds[group];
      if (bitmap == null) {
        bitmap = new RoaringBitmap();
        dictIds[group] = bitmap;
      }
      return bitmap;
    }

    @Override
    public void aggregate(ValueBlock block, int slot, int length) {
      if (block.isDictionaryEncoded(slot)) {
        RoaringBitmap bitmap = bitmap(0);
        if (block.isSingleValue(slot)) {
          bitmap.addN(block.dictIds(slot), 0, length);
        } else {
          int[] offsets = block.mvOffsets(slot);
          bitmap.addN(block.mvDictIds(slot), 0, offsets[length]);
        }
        return;
      }
      for (int i = 0; i < length; i++) {
        addRaw(values(0), block, slot, i);
      }
    }

    @Override
    public void aggregateGroupBy(ValueBlock block, int slot, int length, int[] groupIds) {
      if (block.isDictionaryEncoded(slot)) {
        if (block.isSingleValue(slot)) {
          int[] ids = block.dictIds(slot);
          for (int i = 0; i < length; i++) {
            bitmap(groupIds[i]).add(ids[i]);
          }
        } else {
          int[] offsets = block.mvOffsets(slot);
          int[] ids = block.mvDictIds(slot);
          for (int i = 0; i < length; i++) {
            bitmap(groupIds[i]).addN(ids, offsets[i], offsets[i + 1] - offsets[i]);
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
      for (int i = 0; i < length; i++) {
        for (int k = offsets[i]; k < offsets[i + 1]; k++) {
          aggregateOne(block, slot, i, groupIds[k]);
        }
      }
    }

    private void aggregateOne(ValueBlock block, int slot, int doc, int group) {
      if (block.isDictionaryEncoded(slot)) {
        if (block.isSingleValue(slot)) {
          bitmap(group).add(block.dictIds(slot)[doc]);
        } else {
          int[] offsets = block.mvOffsets(slot);
          bitmap(group).addN(block.mvDictIds(slot), offsets[doc], offsets[doc + 1] - offsets[doc]);
        }
      } else {
        addRaw(values(group), block, slot, doc);
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
      if (dictIds == null) {
        return;
      }
      Dictionary dictionary = block.dictionary(slot);
      for (int group = 0; group < Math.min(numGroups, dictIds.length); group++) {
        RoaringBitmap bitmap = dictIds[group];
        if (bitmap != null) {
          DistinctValues target = values(group);
          for (IntIterator it = bitmap.getIntIterator(); it.hasNext();) {
            addDictionaryValue(target, dictionary, it.next());
          }
        }
      }
      dictIds = null;
    }

    @Override
    public void merge(int group, ResultHolder other, int otherGroup) {
      DistinctValues from = ((Holder) other).values[otherGroup];
      if (from != null) {
        values(group).addAll(from);
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
