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
    DistinctValues values = ((Holder) holder).values(0);
    int length = dictionary.length();
    if (isNumber(dictionary.valueType())) {
      int[] ids = new int[length];
      for (int i = 0; i < length; i++) {
        ids[i] = i;
      }
      values.addSortedLongs(sortedLongs(dictionary, ids, length), length);
      return;
    }
    for (int dictId = 0; dictId < length; dictId++) {
      addDictionaryValue(values, dictionary, dictId);
    }
  }

  private static boolean isNumber(DataType type) {
    return type == DataType.INT || type == DataType.LONG || type == DataType.FLOAT || type == DataType.DOUBLE;
  }

  /// The `long` forms of the values of increasing dictionary ids, in increasing order (sorted here when the
  /// dictionary is in insertion order, as a consuming segment's is).
  private static long[] sortedLongs(Dictionary dictionary, int[] ids, int count) {
    long[] values = new long[count];
    if (dictionary.valueType() == DataType.INT || dictionary.valueType() == DataType.LONG) {
      dictionary.readLongValues(ids, count, values);
    } else {
      double[] doubles = new double[count];
      dictionary.readDoubleValues(ids, count, doubles);
      for (int i = 0; i < count; i++) {
        values[i] = DistinctValues.sortable(doubles[i]);
      }
    }
    if (!dictionary.sorted()) {
      Arrays.sort(values, 0, count);
    }
    return values;
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
    /// Pairs kept before duplicates are sorted away, bounding memory when many documents repeat pairs.
    private static final int MAX_PAIRS_BEFORE_COMPACTION = 1 << 22;

    private DistinctValues[] values;
    private long[] dictIdBits;
    private long[] pairs;
    private int numPairs;
    /// Bits of a dictionary id in a pair (the segment's dictionary's width), so radix sorts take fewer passes.
    private int dictBits = 32;

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

    /// Makes room for `count` more pairs; compacts duplicates away when the buffer would grow large.
    private void reservePairs(int count) {
      if (pairs == null) {
        pairs = new long[Math.max(1 << 14, count)];
      }
      if (numPairs + count > pairs.length) {
        if (numPairs > MAX_PAIRS_BEFORE_COMPACTION) {
          int[] distinct = new int[1];
          pairs = LongRadixSort.sortUnique(pairs, numPairs, distinct);
          numPairs = distinct[0];
        }
        if (numPairs + count > pairs.length) {
          pairs = Arrays.copyOf(pairs, Math.max(numPairs + count, pairs.length * 2));
        }
      }
    }

    private long pair(int group, int dictId) {
      return (long) group << dictBits | dictId;
    }

    /// Sizes the dictionary-id part of pairs to the segment's dictionary (once per segment, before the first pair).
    private void fitPairs(ValueBlock block, int slot) {
      if (pairs == null) {
        int length = block.dictionary(slot).length();
        dictBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(1, length - 1)));
      }
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
        fitPairs(block, slot);
        if (block.isSingleValue(slot)) {
          int[] ids = block.dictIds(slot);
          reservePairs(length);
          long[] p = pairs;
          int n = numPairs;
          for (int i = 0; i < length; i++) {
            p[n++] = pair(groupIds[i], ids[i]);
          }
          numPairs = n;
        } else {
          int[] offsets = block.mvOffsets(slot);
          int[] ids = block.mvDictIds(slot);
          reservePairs(offsets[length]);
          for (int i = 0; i < length; i++) {
            for (int k = offsets[i]; k < offsets[i + 1]; k++) {
              pairs[numPairs++] = pair(groupIds[i], ids[k]);
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
      if (dictionary) {
        fitPairs(block, slot);
      }
      for (int i = 0; i < length; i++) {
        for (int k = offsets[i]; k < offsets[i + 1]; k++) {
          int group = groupIds[k];
          if (!dictionary) {
            addRaw(values(group), block, slot, i);
          } else if (singleValue) {
            reservePairs(1);
            pairs[numPairs++] = pair(group, ids[i]);
          } else {
            reservePairs(valueOffsets[i + 1] - valueOffsets[i]);
            for (int v = valueOffsets[i]; v < valueOffsets[i + 1]; v++) {
              pairs[numPairs++] = pair(group, ids[v]);
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
        int count = 0;
        for (long word : dictIdBits) {
          count += Long.bitCount(word);
        }
        int[] ids = new int[count];
        int n = 0;
        for (int word = 0; word < dictIdBits.length; word++) {
          long bits = dictIdBits[word];
          while (bits != 0) {
            ids[n++] = (word << 6) + Long.numberOfTrailingZeros(bits);
            bits &= bits - 1;
          }
        }
        dictIdBits = null;
        DistinctValues target = values(0);
        if (isNumber(dictionary.valueType())) {
          target.addSortedLongs(sortedLongs(dictionary, ids, count), count);
        } else {
          for (int id : ids) {
            addDictionaryValue(target, dictionary, id);
          }
        }
      }
      if (pairs != null) {
        finishPairs(dictionary, numGroups);
      }
    }

    /// Sorts the (group, dictionary id) pairs: each group's ids come out increasing, so numeric values are
    /// read as sorted arrays without hashing.
    private void finishPairs(Dictionary dictionary, int numGroups) {
      DataType type = dictionary.valueType();
      if (type == DataType.INT || type == DataType.LONG) {
        finishIntegralPairs(dictionary, numGroups);
        return;
      }
      int[] distinct = new int[1];
      long[] sorted = LongRadixSort.sortUnique(pairs, numPairs, distinct);
      int count = distinct[0];
      pairs = null;
      numPairs = 0;
      int bits = dictBits;
      long idMask = (1L << bits) - 1;
      dictBits = 32;
      boolean numeric = isNumber(dictionary.valueType());
      int start = 0;
      while (start < count) {
        int group = (int) (sorted[start] >>> bits);
        int end = start;
        while (end < count && (int) (sorted[end] >>> bits) == group) {
          end++;
        }
        if (group < numGroups) {
          int[] ids = new int[end - start];
          for (int i = start; i < end; i++) {
            ids[i - start] = (int) (sorted[i] & idMask);
          }
          if (numeric) {
            values(group).addSortedLongs(sortedLongs(dictionary, ids, ids.length), ids.length);
          } else {
            DistinctValues target = values(group);
            for (int id : ids) {
              addDictionaryValue(target, dictionary, id);
            }
          }
        }
        start = end;
      }
    }

    /// INT and LONG values: the pairs are bucketed by group (one counting pass, no sort), and a group's values, in
    /// any order and repeated, are handed to its set as `int`s when they fit (the set builds its bitmap once, from
    /// every segment's values); a group with values beyond the `int` range is sorted and deduplicated instead.
    private void finishIntegralPairs(Dictionary dictionary, int numGroups) {
      int bits = dictBits;
      long idMask = (1L << bits) - 1;
      int[] starts = new int[numGroups + 1];
      for (int i = 0; i < numPairs; i++) {
        int group = (int) (pairs[i] >>> bits);
        if (group < numGroups) {
          starts[group + 1]++;
        }
      }
      for (int g = 0; g < numGroups; g++) {
        starts[g + 1] += starts[g];
      }
      int[] ids = new int[starts[numGroups]];
      int[] next = Arrays.copyOf(starts, numGroups);
      for (int i = 0; i < numPairs; i++) {
        int group = (int) (pairs[i] >>> bits);
        if (group < numGroups) {
          ids[next[group]++] = (int) (pairs[i] & idMask);
        }
      }
      pairs = null;
      numPairs = 0;
      dictBits = 32;
      for (int g = 0; g < numGroups; g++) {
        int count = starts[g + 1] - starts[g];
        if (count == 0) {
          continue;
        }
        long[] values = new long[count];
        dictionary.readLongValues(Arrays.copyOfRange(ids, starts[g], starts[g + 1]), count, values);
        int[] narrowed = new int[count];
        boolean fits = true;
        for (int i = 0; i < count; i++) {
          narrowed[i] = (int) values[i];
          fits &= narrowed[i] == values[i];
        }
        if (fits) {
          values(g).addInts(narrowed, count);
        } else {
          Arrays.sort(values);
          int distinct = 0;
          for (int i = 0; i < count; i++) {
            if (i == 0 || values[i] != values[i - 1]) {
              values[distinct++] = values[i];
            }
          }
          values(g).addSortedLongs(values, distinct);
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
