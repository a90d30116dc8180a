// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.operator;

import io.pinot.query.context.Expression;
import io.pinot.query.context.QueryContext;
import io.pinot.query.filter.DocIdIterator;
import io.pinot.query.filter.NullBitmaps;
import io.pinot.query.reduce.LongIntHashMap;
import io.pinot.query.reduce.Values;
import io.pinot.segment.spi.Dictionary;
import io.pinot.segment.spi.IndexSegment;
import io.pinot.segment.spi.Utf8Dictionary;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/// Assigns dense group ids to the documents of a segment from their group-by values, using dictionary ids
/// (raw columns are numbered on the fly). The per-column ids combine into one `long` key
/// `id0 + card0 * (id1 + card1 * ...)`; when the product of the cardinalities is small the key indexes an
/// array, otherwise a primitive hash map (and, should the product overflow a long, a map of id arrays).
/// Multi-value columns produce one group per value (the cross product across columns). At most
/// `numGroupsLimit` groups are created; documents of further new groups go to the *overflow* group id
/// `numGroupsLimit`, which is never reported. Under `enableNullHandling`, the null documents of a single-value
/// column get one extra id (after the dictionary's or raw ids), whose value is null. Not thread-safe: one per segment
/// execution.
final class GroupKeyGenerator {
  private static final long MAX_ARRAY_KEYS = 1L << 21;

  private enum Mode { ARRAY, LONG_MAP, OBJECT_MAP }

  private final ProjectionBlock block;
  private final int[] slots;
  private final boolean[] multiValue;
  private final Dictionary[] dictionaries;
  private final RawValueIds[] rawIds;
  private final long[] multipliers;
  private final int numGroupsLimit;
  private final Mode mode;
  private final boolean hasMultiValue;
  private int[] arrayMap;
  private LongIntHashMap longMap;
  private Map<Ids, Integer> objectMap;
  private long[] groupKeys = new long[256];
  private long[] rawKeys = new long[0];
  private int[][] groupIdArrays;
  private int numGroups;
  private boolean limitReached;
  private final int[][] columnIds;
  private final int[] scratchIds;
  private final @Nullable ImmutableRoaringBitmap[] nulls;
  private final int[] nullIds;
  private final int[][] nullableIds;

  /// A generator whose key column `c` is null for the documents in `nulls[c]` (null entries: no nulls).
  GroupKeyGenerator(ProjectionBlock block, int[] slots, int numDocs, int numGroupsLimit,
      @Nullable ImmutableRoaringBitmap[] nulls) {
    this.block = block;
    this.slots = slots;
    this.numGroupsLimit = numGroupsLimit;
    this.nulls = nulls;
    this.nullIds = new int[slots.length];
    this.nullableIds = new int[slots.length][];
    int n = slots.length;
    multiValue = new boolean[n];
    dictionaries = new Dictionary[n];
    rawIds = new RawValueIds[n];
    multipliers = new long[n];
    columnIds = new int[n][];
    scratchIds = new int[n];
    long product = 1;
    boolean overflow = false;
    boolean anyMultiValue = false;
    for (int c = 0; c < n; c++) {
      multiValue[c] = !block.isSingleValue(slots[c]);
      anyMultiValue |= multiValue[c];
      dictionaries[c] = block.dictionary(slots[c]);
      if (dictionaries[c] == null) {
        rawIds[c] = new RawValueIds(block.storedType(slots[c]));
      }
      long cardinality = dictionaries[c] != null ? Math.max(1, dictionaries[c].length()) : Math.max(1, numDocs);
      if (multiValue[c]) {
        nulls[c] = null;
      } else if (nulls[c] != null) {
        nullIds[c] = (int) cardinality;
        cardinality++;
      }
      multipliers[c] = product;
      if (!overflow) {
        long next = product * cardinality;
        overflow = Math.multiplyHigh(product, cardinality) != 0 || next < 0;
        product = next;
      }
    }
    hasMultiValue = anyMultiValue;
    if (!overflow && product <= MAX_ARRAY_KEYS) {
      mode = Mode.ARRAY;
      arrayMap = new int[(int) product];
      Arrays.fill(arrayMap, -1);
    } else if (!overflow) {
      mode = Mode.LONG_MAP;
      longMap = new LongIntHashMap(4096);
    } else {
      mode = Mode.OBJECT_MAP;
      objectMap = new HashMap<>();
      groupIdArrays = new int[256][];
    }
  }

  /// The null documents of each group-by expression of the query in the segment (all null entries without
  /// `enableNullHandling`).
  static @Nullable ImmutableRoaringBitmap[] keyNulls(QueryContext query, IndexSegment segment) {
    List<Expression> groupBy = query.groupByExpressions();
    ImmutableRoaringBitmap[] nulls = new ImmutableRoaringBitmap[groupBy.size()];
    if (query.nullHandlingEnabled()) {
      for (int i = 0; i < nulls.length; i++) {
        nulls[i] = NullBitmaps.ofExpression(segment, groupBy.get(i));
      }
    }
    return nulls;
  }

  boolean hasMultiValue() {
    return hasMultiValue;
  }

  int numGroups() {
    return numGroups;
  }

  /// Group ids plus the overflow id, for sizing result holders.
  int numGroupIds() {
    return limitReached ? numGroupsLimit + 1 : numGroups;
  }

  boolean limitReached() {
    return limitReached;
  }

  /// Group ids of the block's documents (single-value columns only) into `groupIds[0, length)`.
  void generate(int length, int[] groupIds) {
    loadColumnIds(length);
    if (slots.length == 1 && mode == Mode.ARRAY) {
      int[] ids = columnIds[0];
      int[] map = arrayMap;
      for (int i = 0; i < length; i++) {
        int id = ids[i];
        int group = map[id];
        groupIds[i] = group >= 0 ? group : newGroup(id, null);
      }
      return;
    }
    if (mode == Mode.OBJECT_MAP) {
      for (int i = 0; i < length; i++) {
        for (int c = 0; c < slots.length; c++) {
          scratchIds[c] = columnIds[c][i];
        }
        groupIds[i] = groupId(scratchIds);
      }
      return;
    }
    // Combined keys column by column (a simple loop per column), then one lookup per document.
    if (rawKeys.length < length) {
      rawKeys = new long[Math.max(length, 1024)];
    }
    long[] keys = rawKeys;
    int[] first = columnIds[0];
    for (int i = 0; i < length; i++) {
      keys[i] = first[i];
    }
    for (int c = 1; c < slots.length; c++) {
      int[] ids = columnIds[c];
      long multiplier = multipliers[c];
      for (int i = 0; i < length; i++) {
        keys[i] += ids[i] * multiplier;
      }
    }
    if (mode == Mode.ARRAY) {
      int[] map = arrayMap;
      for (int i = 0; i < length; i++) {
        int group = map[(int) keys[i]];
        groupIds[i] = group >= 0 ? group : newGroup(keys[i], null);
      }
    } else {
      LongIntHashMap map = longMap;
      for (int i = 0; i < length; i++) {
        int group = map.get(keys[i]);
        groupIds[i] = group >= 0 ? group : newGroup(keys[i], null);
      }
    }
  }

  /// Group ids of the block's documents with multi-value columns: document `i` has the groups
  /// `groupIds[offsets[i], offsets[i + 1])`. Returns the (possibly grown) `groupIds` array.
  int[] generateMultiValue(int length, int[] offsets, int[] groupIds) {
    loadColumnIds(length);
    int[][] mvOffsets = new int[slots.length][];
    for (int c = 0; c < slots.length; c++) {
      if (multiValue[c]) {
        mvOffsets[c] = block.mvOffsets(slots[c]);
      }
    }
    int[] out = groupIds;
    int total = 0;
    for (int i = 0; i < length; i++) {
      offsets[i] = total;
      int combinations = 1;
      for (int c = 0; c < slots.length; c++) {
        if (multiValue[c]) {
          combinations *= mvOffsets[c][i + 1] - mvOffsets[c][i];
        }
      }
      if (out.length < total + combinations) {
        out = Arrays.copyOf(out, Math.max(total + combinations, out.length * 2));
      }
      for (int k = 0; k < combinations; k++) {
        int rest = k;
        for (int c = 0; c < slots.length; c++) {
          if (multiValue[c]) {
            int count = mvOffsets[c][i + 1] - mvOffsets[c][i];
            scratchIds[c] = columnIds[c][mvOffsets[c][i] + rest % count];
            rest /= count;
          } else {
            scratchIds[c] = columnIds[c][i];
          }
        }
        out[total++] = groupId(scratchIds);
      }
    }
    offsets[length] = total;
    return out;
  }

  private void loadColumnIds(int length) {
    for (int c = 0; c < slots.length; c++) {
      int slot = slots[c];
      if (multiValue[c]) {
        columnIds[c] = block.mvDictIds(slot);
      } else if (dictionaries[c] != null) {
        columnIds[c] = block.dictIds(slot);
      } else {
        columnIds[c] = rawIds[c].ids(block, slot, length);
      }
      if (nulls[c] != null) {
        columnIds[c] = withNullIds(c, columnIds[c], length);
      }
    }
  }

  /// The column's ids with the null documents' replaced by the column's null id (in a copy).
  private int[] withNullIds(int column, int[] ids, int length) {
    int[] copy = nullableIds[column];
    if (copy == null || copy.length < length) {
      copy = new int[Math.max(length, DocIdIterator.BLOCK_SIZE)];
      nullableIds[column] = copy;
    }
    System.arraycopy(ids, 0, copy, 0, length);
    int[] docIds = block.docIds();
    ImmutableRoaringBitmap columnNulls = nulls[column];
    int nullId = nullIds[column];
    for (int i = 0; i < length; i++) {
      if (columnNulls.contains(docIds[i])) {
        copy[i] = nullId;
      }
    }
    return copy;
  }

  private int groupId(int[] ids) {
    if (mode == Mode.OBJECT_MAP) {
      Ids key = new Ids(ids.clone());
      Integer group = objectMap.get(key);
      return group != null ? group : newGroup(0, key);
    }
    long key = 0;
    for (int c = 0; c < ids.length; c++) {
      key += ids[c] * multipliers[c];
    }
    if (mode == Mode.ARRAY) {
      int group = arrayMap[(int) key];
      return group >= 0 ? group : newGroup(key, null);
    }
    int group = longMap.get(key);
    return group >= 0 ? group : newGroup(key, null);
  }

  private int newGroup(long key, Ids ids) {
    if (numGroups >= numGroupsLimit) {
      limitReached = true;
      return numGroupsLimit;
    }
    int group = numGroups++;
    switch (mode) {
      case ARRAY -> arrayMap[(int) key] = group;
      case LONG_MAP -> longMap.put(key, group);
      case OBJECT_MAP -> objectMap.put(ids, group);
    }
    if (mode == Mode.OBJECT_MAP) {
      if (group == groupIdArrays.length) {
        groupIdArrays = Arrays.copyOf(groupIdArrays, group * 2);
      }
      groupIdArrays[group] = ids.values();
    } else {
      if (group == groupKeys.length) {
        groupKeys = Arrays.copyOf(groupKeys, group * 2);
      }
      groupKeys[group] = key;
    }
    return group;
  }

  /// The group-by values of a group, in hashable form.
  Object[] keyValues(int group) {
    Object[] values = new Object[slots.length];
    for (int c = 0; c < slots.length; c++) {
      int id = mode == Mode.OBJECT_MAP ? groupIdArrays[group][c]
          : (int) ((groupKeys[group] / multipliers[c]) % cardinality(c));
      if (nulls[c] != null && id == nullIds[c]) {
        values[c] = null;
      } else {
        values[c] = dictionaries[c] != null ? Values.hashable(dictionaries[c].get(id)) : rawIds[c].value(id);
      }
    }
    return values;
  }

  /// The dictionary of the single key column when its groups can be merged by UTF-8 bytes (a single-value STRING
  /// column of an immutable segment without null keys), else null.
  @Nullable Utf8Dictionary utf8Dictionary() {
    return slots.length == 1 && !multiValue[0] && nulls[0] == null
        && dictionaries[0] instanceof Utf8Dictionary utf8 ? utf8 : null;
  }

  /// The dictionary of the single single-value group-by column without null keys, or null.
  @Nullable Dictionary singleDictionary() {
    return slots.length == 1 && !multiValue[0] && nulls[0] == null ? dictionaries[0] : null;
  }

  /// The global id of every group's value into `out[0, numGroups)`, from the [#singleDictionary()]'s mapping of
  /// dictionary ids to global ids. With an array of groups by dictionary id, both arrays are read front to back.
  void globalKeys(int[] mapping, int[] out) {
    if (mode == Mode.ARRAY) {
      int[] map = arrayMap;
      for (int dictId = 0; dictId < map.length; dictId++) {
        int group = map[dictId];
        if (group >= 0) {
          out[group] = mapping[dictId];
        }
      }
    } else {
      for (int g = 0; g < numGroups; g++) {
        out[g] = mapping[keyDictId(g)];
      }
    }
  }

  /// The dictionary id of a group's value (single dictionary-encoded key column only).
  int keyDictId(int group) {
    return mode == Mode.OBJECT_MAP ? groupIdArrays[group][0] : (int) groupKeys[group];
  }

  /// The value of a group with one numeric key column in `long` form: integral values as themselves,
  /// floating values as `Double.doubleToLongBits` of their double value (see `GroupByResult#groupIdOfLong`).
  long keyLong(int group) {
    int id = mode == Mode.OBJECT_MAP ? groupIdArrays[group][0] : (int) groupKeys[group];
    Dictionary dictionary = dictionaries[0];
    if (dictionary == null) {
      Number value = (Number) rawIds[0].value(id);
      return value instanceof Float || value instanceof Double ? Double.doubleToLongBits(value.doubleValue())
          : value.longValue();
    }
    return switch (dictionary.valueType()) {
      case FLOAT, DOUBLE -> Double.doubleToLongBits(dictionary.getDoubleValue(id));
      default -> dictionary.getLongValue(id);
    };
  }

  private long cardinality(int column) {
    return column + 1 < multipliers.length ? multipliers[column + 1] / multipliers[column] : Long.MAX_VALUE;
  }

  /// Per-column ids of one group (object-map mode).
  private record Ids(int[] values) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Ids that && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(values);
    }
  }
}
