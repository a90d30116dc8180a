// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.reduce;

import io.pinot.common.datatable.ColumnDataType;
import io.pinot.common.datatable.DataSchema;
import io.pinot.common.datatable.DataTable;
import io.pinot.common.datatable.DataTableBuilder;
import io.pinot.query.function.AggregationFunction;
import io.pinot.query.function.ResultHolder;
import io.pinot.segment.spi.Utf8Dictionary;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/// The intermediate result of a GROUP BY query: groups keyed by their group-by values (stored Java values,
/// BYTES as [io.pinot.query.function.ByteArray]) with one [ResultHolder] per aggregation, indexed by a dense
/// group id. Segments, servers and the broker all merge into it. With a capacity, new groups beyond it are
/// dropped (existing groups keep aggregating). Encoded as a DataTable with the group-by columns (their
/// types) followed by the aggregations (result names, intermediate types). Not thread-safe.
public final class GroupByResult {
  private final List<String> keyNames;
  private final List<ColumnDataType> keyTypes;
  private final List<AggregationFunction> functions;
  private final ResultHolder[] holders;
  private final GroupKeyIndex index;
  private final int capacity;
  private final boolean nullableKeys;
  private final GlobalDictionary.@Nullable Snapshot globalIds;
  private boolean capacityReached;

  /// @param capacity the most groups kept (Integer.MAX_VALUE for no bound)
  /// @param nullableKeys whether group-by values may be null (under `enableNullHandling`)
  public GroupByResult(List<String> keyNames, List<ColumnDataType> keyTypes, List<AggregationFunction> functions,
      int capacity, boolean nullableKeys) {
    this(keyNames, keyTypes, functions, capacity, nullableKeys, null);
  }

  /// A result whose single group-by column is keyed by the global ids of `globalIds` (see [#mergeGroupsOfGlobal]);
  /// with null `globalIds`, as the constructor above.
  public GroupByResult(List<String> keyNames, List<ColumnDataType> keyTypes, List<AggregationFunction> functions,
      int capacity, boolean nullableKeys, GlobalDictionary.@Nullable Snapshot globalIds) {
    this.globalIds = nullableKeys ? null : globalIds;
    this.keyNames = List.copyOf(keyNames);
    this.keyTypes = List.copyOf(keyTypes);
    this.functions = List.copyOf(functions);
    this.capacity = capacity;
    this.nullableKeys = nullableKeys;
    this.index = nullableKeys ? new GroupKeyIndex.Objects()
        : this.globalIds != null ? new GlobalKeyIndex(this.globalIds) : GroupKeyIndex.create(this.keyTypes);
    this.holders = new ResultHolder[functions.size()];
    for (int i = 0; i < holders.length; i++) {
      holders[i] = functions.get(i).createHolder(16);
    }
  }

  /// An empty result with the same columns and another capacity.
  public GroupByResult emptyCopy(int newCapacity) {
    return new GroupByResult(keyNames, keyTypes, functions, newCapacity, nullableKeys, globalIds);
  }

  public int numGroups() {
    return index.size();
  }

  /// Whether groups are keyed by one numeric column held as `long`s (see [#groupIdOfLong]).
  public boolean hasLongKeys() {
    return index instanceof GroupKeyIndex.Numbers;
  }

  /// Whether groups are keyed by one STRING column held as UTF-8 bytes (see [#mergeGroupsOfUtf8]).
  public boolean hasUtf8Keys() {
    return index instanceof Utf8KeyIndex;
  }

  /// The global dictionary ids the groups are keyed by (see [#mergeGroupsOfGlobal]), or null.
  public GlobalDictionary.@Nullable Snapshot globalIds() {
    return globalIds;
  }

  /// Whether a new group was dropped because the capacity was reached.
  public boolean capacityReached() {
    return capacityReached;
  }

  public List<String> keyNames() {
    return keyNames;
  }

  public List<ColumnDataType> keyTypes() {
    return keyTypes;
  }

  public List<AggregationFunction> functions() {
    return functions;
  }

  /// The group-by values of a group (hashable form; do not modify).
  public Object[] key(int group) {
    return index.key(group);
  }

  public ResultHolder holder(int function) {
    return holders[function];
  }

  /// The id of the group with these values (hashable form), creating it, or -1 when it is new and the
  /// capacity is reached. The array is kept: callers must not reuse it.
  public int groupId(Object[] keyValues) {
    int id = index.find(keyValues);
    if (id >= 0) {
      return id;
    }
    if (index.size() >= capacity) {
      capacityReached = true;
      return -1;
    }
    return newGroup(index.add(keyValues));
  }

  /// [#groupId] for a result with [#hasLongKeys()]: integral values as themselves, FLOAT and DOUBLE values
  /// as `Double.doubleToLongBits` of their double value.
  public int groupIdOfLong(long key) {
    GroupKeyIndex.Numbers numbers = (GroupKeyIndex.Numbers) index;
    int id = numbers.findLong(key);
    if (id >= 0) {
      return id;
    }
    if (numbers.size() >= capacity) {
      capacityReached = true;
      return -1;
    }
    return newGroup(numbers.addLong(key));
  }

  private int newGroup(int id) {
    for (ResultHolder holder : holders) {
      holder.ensureCapacity(id + 1);
    }
    return id;
  }

  /// Merges one group of holders computed elsewhere under a `long` key (see [#groupIdOfLong]).
  public void mergeGroupOfLong(long key, ResultHolder[] otherHolders, int otherGroup) {
    int group = groupIdOfLong(key);
    if (group >= 0) {
      for (int i = 0; i < holders.length; i++) {
        holders[i].merge(group, otherHolders[i], otherGroup);
      }
    }
  }

  /// Merges groups `[0, n)` of holders computed elsewhere (a segment's), group `g` under the `long` key `keys[g]`
  /// (see [#groupIdOfLong]): keys are looked up in table order and every holder merges in one call.
  public void mergeGroupsOfLong(long[] keys, int n, ResultHolder[] otherHolders) {
    expectGroups(n);
    int[] order = ((GroupKeyIndex.Numbers) index).slotOrder(keys, n);
    int[] targets = new int[n];
    for (int k = 0; k < n; k++) {
      int g = order[k];
      targets[g] = groupIdOfLong(keys[g]);
    }
    for (int i = 0; i < holders.length; i++) {
      holders[i].mergeAll(targets, otherHolders[i], n);
    }
  }

  /// Merges groups `[0, n)` of holders computed elsewhere (a segment's), group `g` under the dictionary value
  /// `dictIds[g]`, for a result with [#hasUtf8Keys()]: keys are looked up by their UTF-8 bytes in the dictionary's
  /// memory, and every holder merges in one call.
  public void mergeGroupsOfUtf8(Utf8Dictionary dictionary, int[] dictIds, int n, ResultHolder[] otherHolders) {
    expectGroups(n);
    Utf8KeyIndex utf8 = (Utf8KeyIndex) index;
    MemorySegment memory = dictionary.utf8Memory();
    int[] targets = new int[n];
    for (int g = 0; g < n; g++) {
      int id = dictIds[g];
      targets[g] = utf8Group(utf8, memory, dictionary.utf8Start(id), dictionary.utf8Length(id));
    }
    for (int i = 0; i < holders.length; i++) {
      holders[i].mergeAll(targets, otherHolders[i], n);
    }
  }

  /// Merges groups `[0, n)` of holders computed elsewhere (a segment's), group `g` under the value of global id
  /// `keys[g]`, for a result with [#globalIds()]: one array lookup per group, and every holder merges in one call.
  public void mergeGroupsOfGlobal(int[] keys, int n, ResultHolder[] otherHolders) {
    expectGroups(n);
    GlobalKeyIndex global = (GlobalKeyIndex) index;
    int[] targets = new int[n];
    for (int g = 0; g < n; g++) {
      targets[g] = globalGroup(global, keys[g]);
    }
    for (int i = 0; i < holders.length; i++) {
      holders[i].mergeAll(targets, otherHolders[i], n);
    }
  }

  private int globalGroup(GlobalKeyIndex global, int globalId) {
    int group = global.findGlobal(globalId);
    if (group >= 0) {
      return group;
    }
    if (global.size() >= capacity) {
      capacityReached = true;
      return -1;
    }
    // the holders' capacity was raised by expectGroups
    return global.addGlobal(globalId);
  }

  private int utf8Group(Utf8KeyIndex utf8, MemorySegment memory, long start, int length) {
    int before = utf8.size();
    return countUtf8Group(before, utf8.findOrAdd(memory, start, length, before < capacity));
  }

  /// Notes a UTF-8 key lookup's outcome: a dropped new group (capacity reached) or a new one.
  private int countUtf8Group(int sizeBefore, int group) {
    if (group < 0) {
      capacityReached = true;
    } else if (index.size() > sizeBefore) {
      newGroup(group);
    }
    return group;
  }


  /// Prepares for `expectedNewGroups` more groups (avoids rehashing during a bulk merge).
  public void expectGroups(int expectedNewGroups) {
    int expected = (int) Math.min(Math.min(capacity, Integer.MAX_VALUE / 4), (long) index.size() + expectedNewGroups);
    index.ensureCapacity(expected);
    for (ResultHolder holder : holders) {
      holder.ensureCapacity(expected);
    }
  }

  /// Merges one group of holders computed elsewhere (a segment's) under the given values.
  public void mergeGroup(Object[] keyValues, ResultHolder[] otherHolders, int otherGroup) {
    int group = groupId(keyValues);
    if (group >= 0) {
      for (int i = 0; i < holders.length; i++) {
        holders[i].merge(group, otherHolders[i], otherGroup);
      }
    }
  }

  /// Merges another result; `other` must not be used afterwards (its state may be taken over).
  public void merge(GroupByResult other) {
    expectGroups(other.numGroups());
    if (index instanceof GlobalKeyIndex global && other.index instanceof GlobalKeyIndex otherGlobal
        && global.ids().dictionary() == otherGlobal.ids().dictionary()) {
      int[] keys = new int[otherGlobal.size()];
      for (int g = 0; g < keys.length; g++) {
        keys[g] = otherGlobal.globalId(g);
      }
      mergeGroupsOfGlobal(keys, keys.length, other.holders);
    } else if (hasLongKeys() && other.hasLongKeys()) {
      GroupKeyIndex.Numbers keys = (GroupKeyIndex.Numbers) other.index;
      long[] longKeys = new long[keys.size()];
      for (int g = 0; g < longKeys.length; g++) {
        longKeys[g] = keys.longKey(g);
      }
      mergeGroupsOfLong(longKeys, longKeys.length, other.holders);
    } else if (hasUtf8Keys() && other.hasUtf8Keys()) {
      Utf8KeyIndex keys = (Utf8KeyIndex) other.index;
      int[] targets = new int[keys.size()];
      Utf8KeyIndex into = (Utf8KeyIndex) index;
      for (int g = 0; g < targets.length; g++) {
        byte[] utf8 = keys.utf8(g);
        int before = into.size();
        targets[g] = countUtf8Group(before, into.findOrAdd(utf8, utf8.length, before < capacity));
      }
      for (int i = 0; i < holders.length; i++) {
        holders[i].mergeAll(targets, other.holders[i], targets.length);
      }
    } else {
      for (int g = 0; g < other.numGroups(); g++) {
        mergeGroup(other.key(g), other.holders, g);
      }
    }
    capacityReached |= other.capacityReached;
  }

  public DataSchema intermediateSchema() {
    List<String> names = new ArrayList<>(keyNames);
    List<ColumnDataType> types = new ArrayList<>(keyTypes);
    for (AggregationFunction function : functions) {
      names.add(function.resultColumnName());
      types.add(function.intermediateType());
    }
    return new DataSchema(names, types);
  }

  /// A builder holding one row per group.
  public DataTableBuilder toDataTable() {
    DataTableBuilder builder = new DataTableBuilder(intermediateSchema());
    int numKeys = keyNames.size();
    for (int g = 0; g < index.size(); g++) {
      builder.startRow();
      Object[] key = index.key(g);
      for (int k = 0; k < numKeys; k++) {
        builder.setValue(k, Values.stored(key[k]));
      }
      for (int i = 0; i < holders.length; i++) {
        holders[i].writeIntermediate(g, builder, numKeys + i);
      }
    }
    return builder;
  }

  /// Merges the groups of a server's DataTable.
  public void mergeDataTable(DataTable table) {
    int numKeys = keyNames.size();
    ColumnDataType firstType = keyTypes.isEmpty() ? null : keyTypes.get(0).storedType();
    for (int row = 0; row < table.numRows(); row++) {
      int group;
      if (hasLongKeys()) {
        group = groupIdOfLong(switch (firstType) {
          case INT -> table.getInt(row, 0);
          case FLOAT -> Double.doubleToLongBits(table.getFloat(row, 0));
          case DOUBLE -> Double.doubleToLongBits(table.getDouble(row, 0));
          default -> table.getLong(row, 0);
        });
      } else {
        Object[] key = new Object[numKeys];
        for (int k = 0; k < numKeys; k++) {
          key[k] = Values.hashable(table.getValue(row, k));
        }
        group = groupId(key);
      }
      if (group >= 0) {
        for (int i = 0; i < holders.length; i++) {
          holders[i].mergeIntermediate(group, table, row, numKeys + i);
        }
      }
    }
  }

  /// Keeps the `size` groups that come first in `order` (ascending group ids of the kept groups are not
  /// preserved). Does nothing when there are at most `size` groups.
  public GroupByResult trim(int size, GroupOrder order) {
    if (index.size() <= size) {
      return this;
    }
    int[] ids = TopK.select(index.size(), size, order.comparator(this));
    GroupByResult trimmed = emptyCopy(capacity);
    trimmed.expectGroups(ids.length);
    for (int id : ids) {
      if (index instanceof GlobalKeyIndex global) {
        int group = trimmed.newGroup(trimmed.globalGroup((GlobalKeyIndex) trimmed.index, global.globalId(id)));
        for (int i = 0; i < holders.length; i++) {
          trimmed.holders[i].merge(group, holders[i], id);
        }
      } else {
        trimmed.mergeGroup(index.key(id), holders, id);
      }
    }
    trimmed.capacityReached = capacityReached;
    return trimmed;
  }
}
