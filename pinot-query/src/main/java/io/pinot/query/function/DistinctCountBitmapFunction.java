// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.function;

import io.pinot.common.datatable.ColumnDataType;
import io.pinot.common.datatable.CustomObject;
import io.pinot.common.datatable.DataTable;
import io.pinot.common.datatable.DataTableBuilder;
import io.pinot.query.context.Expression;
import io.pinot.segment.spi.Dictionary;
import io.pinot.spi.data.DataType;
import io.pinot.spi.exception.QueryErrorCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.roaringbitmap.IntIterator;
import org.roaringbitmap.RoaringBitmap;

/// `DISTINCTCOUNTBITMAP(col)` (`distinctcountbitmap(col)`): Pinot's bitmap distinct count of a single-value
/// numeric or STRING column, final type INT, 0 over no rows. As in Pinot, a RoaringBitmap holds INT values
/// themselves and the Java `hashCode` of other values (`Long.hashCode`, `Float.hashCode`, `Double.hashCode`,
/// `String.hashCode`), so it is exact for INT columns and counts values with equal hash codes once otherwise.
/// Within a segment, dictionary-encoded columns collect dictionary ids per group and [#finishSegment] maps each
/// id to its value's hash once. The intermediate is the portable RoaringBitmap serialization (OBJECT type
/// [ObjectTypes#ROARING_BITMAP]).
public record DistinctCountBitmapFunction(Expression argument) implements AggregationFunction {

  @Override
  public String name() {
    return "distinctcountbitmap";
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
    return ColumnDataType.INT;
  }

  @Override
  public ResultHolder createHolder(int initialCapacity) {
    return new Holder(initialCapacity);
  }

  private static RuntimeException unsupported(DataType type) {
    return QueryErrorCode.QUERY_EXECUTION.asException("Function[distinctcountbitmap] does not support values of type "
        + type);
  }

  /// Value (hash) bitmaps per group, and during a segment dictionary-id bitmaps per group.
  static final class Holder implements ResultHolder {
    private RoaringBitmap[] values;
    private RoaringBitmap[] dictIds;

    Holder(int capacity) {
      values = new RoaringBitmap[Math.max(1, capacity)];
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

    private RoaringBitmap values(int group) {
      RoaringBitmap bitmap = values[group];
      if (bitmap == null) {
        bitmap = new RoaringBitmap();
        values[group] = bitmap;
      }
      return bitmap;
    }

    private RoaringBitmap dictIds(int group) {
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
        dictIds(0).addN(block.dictIds(slot), 0, length);
        return;
      }
      RoaringBitmap bitmap = values(0);
      switch (block.storedType(slot)) {
        case INT -> bitmap.addN(block.intValues(slot), 0, length);
        case LONG -> {
          long[] input = block.longValues(slot);
          for (int i = 0; i < length; i++) {
            bitmap.add(Long.hashCode(input[i]));
          }
        }
        default -> {
          for (int i = 0; i < length; i++) {
            bitmap.add(rawHash(block, slot, i));
          }
        }
      }
    }

    @Override
    public void aggregateGroupBy(ValueBlock block, int slot, int length, int[] groupIds) {
      if (block.isDictionaryEncoded(slot)) {
        int[] ids = block.dictIds(slot);
        for (int i = 0; i < length; i++) {
          dictIds(groupIds[i]).add(ids[i]);
        }
        return;
      }
      for (int i = 0; i < length; i++) {
        values(groupIds[i]).add(rawHash(block, slot, i));
      }
    }

    @Override
    public void aggregateGroupByMultiValue(ValueBlock block, int slot, int length, int[] offsets, int[] groupIds) {
      boolean dictionary = block.isDictionaryEncoded(slot);
      int[] ids = dictionary ? block.dictIds(slot) : null;
      for (int i = 0; i < length; i++) {
        for (int k = offsets[i]; k < offsets[i + 1]; k++) {
          if (dictionary) {
            dictIds(groupIds[k]).add(ids[i]);
          } else {
            values(groupIds[k]).add(rawHash(block, slot, i));
          }
        }
      }
    }

    private static int rawHash(ValueBlock block, int slot, int doc) {
      DataType type = block.storedType(slot);
      return switch (type) {
        case INT -> block.intValues(slot)[doc];
        case LONG -> Long.hashCode(block.longValues(slot)[doc]);
        case FLOAT -> Float.hashCode(block.floatValues(slot)[doc]);
        case DOUBLE -> Double.hashCode(block.doubleValues(slot)[doc]);
        case STRING -> block.stringValues(slot)[doc].hashCode();
        default -> throw unsupported(type);
      };
    }

    private static int dictionaryHash(Dictionary dictionary, int dictId) {
      DataType type = dictionary.valueType();
      return switch (type) {
        case INT -> dictionary.getIntValue(dictId);
        case LONG -> Long.hashCode(dictionary.getLongValue(dictId));
        case FLOAT -> Float.hashCode(dictionary.getFloatValue(dictId));
        case DOUBLE -> Double.hashCode(dictionary.getDoubleValue(dictId));
        case STRING -> dictionary.getStringValue(dictId).hashCode();
        default -> throw unsupported(type);
      };
    }

    @Override
    public void finishSegment(ValueBlock block, int slot, int numGroups) {
      if (dictIds == null) {
        return;
      }
      Dictionary dictionary = block.dictionary(slot);
      for (int group = 0; group < Math.min(numGroups, dictIds.length); group++) {
        RoaringBitmap ids = dictIds[group];
        if (ids == null) {
          continue;
        }
        // Hashes come in no particular order: sorting them first lets the bitmap append instead of insert.
        int[] hashes = new int[ids.getCardinality()];
        int n = 0;
        IntIterator iterator = ids.getIntIterator();
        while (iterator.hasNext()) {
          hashes[n++] = dictionaryHash(dictionary, iterator.next());
        }
        Arrays.sort(hashes);
        values(group).addN(hashes, 0, n);
      }
      dictIds = null;
    }

    @Override
    public void merge(int group, ResultHolder other, int otherGroup) {
      RoaringBitmap from = ((Holder) other).values[otherGroup];
      if (from == null) {
        return;
      }
      if (values[group] == null) {
        values[group] = from;
      } else {
        values[group].or(from);
      }
    }

    @Override
    public void mergeIntermediate(int group, DataTable table, int row, int column) {
      CustomObject object = table.getCustomObject(row, column);
      if (object == null) {
        return;
      }
      ObjectTypes.expect(object, ObjectTypes.ROARING_BITMAP);
      RoaringBitmap other = new RoaringBitmap();
      try {
        other.deserialize(ByteBuffer.wrap(object.bytes()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      values(group).or(other);
    }

    @Override
    public void writeIntermediate(int group, DataTableBuilder builder, int column) {
      RoaringBitmap bitmap = values(group);
      bitmap.runOptimize();
      ByteBuffer bytes = ByteBuffer.allocate(bitmap.serializedSizeInBytes());
      bitmap.serialize(bytes);
      builder.setCustomObject(column, new CustomObject(ObjectTypes.ROARING_BITMAP, bytes.array()));
    }

    @Override
    public Comparable<?> finalResult(int group) {
      RoaringBitmap bitmap = values[group];
      return bitmap == null ? 0 : bitmap.getCardinality();
    }
  }
}
