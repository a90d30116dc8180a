// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.startree;

import io.pinot.query.reduce.LongIntHashMap;
import io.pinot.query.reduce.Values;
import io.pinot.segment.spi.Dictionary;
import io.pinot.segment.spi.ForwardIndexReader;
import java.util.Arrays;

/// Dense group ids of star-tree documents from the dictionary ids of their group-by dimensions, combined into one
/// `long` key `id0 + card0 * (id1 + card1 * ...)` (the planner rejects key spaces that overflow a long) and numbered
/// through a primitive hash map. At most `numGroupsLimit` groups; documents of further new groups go to the overflow
/// id `numGroupsLimit`, never reported (as the regular group-by). Group values are decoded as the regular group-by
/// decodes them. Not thread-safe: one per segment execution.
final class StarTreeGroupKeys {
  private final ForwardIndexReader[] readers;
  private final Dictionary[] dictionaries;
  private final long[] multipliers;
  private final int numGroupsLimit;
  private final LongIntHashMap map = new LongIntHashMap(1024);
  private final int[][] ids;
  private long[] keys = new long[256];
  private int numGroups;
  private boolean limitReached;

  StarTreeGroupKeys(ForwardIndexReader[] readers, Dictionary[] dictionaries, int numGroupsLimit, int blockSize) {
    this.readers = readers;
    this.dictionaries = dictionaries;
    this.numGroupsLimit = numGroupsLimit;
    this.multipliers = new long[readers.length];
    this.ids = new int[readers.length][blockSize];
    long product = 1;
    for (int c = 0; c < readers.length; c++) {
      multipliers[c] = product;
      product *= Math.max(1, dictionaries[c].length());
    }
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

  /// Group ids of the documents `docIds[0, length)` into `groupIds`.
  void generate(int[] docIds, int length, int[] groupIds) {
    for (int c = 0; c < readers.length; c++) {
      readers[c].readDictIds(docIds, length, ids[c]);
    }
    for (int i = 0; i < length; i++) {
      long key = 0;
      for (int c = 0; c < readers.length; c++) {
        key += ids[c][i] * multipliers[c];
      }
      int group = map.get(key);
      groupIds[i] = group >= 0 ? group : newGroup(key);
    }
  }

  private int newGroup(long key) {
    if (numGroups >= numGroupsLimit) {
      limitReached = true;
      return numGroupsLimit;
    }
    int group = numGroups++;
    map.put(key, group);
    if (group == keys.length) {
      keys = Arrays.copyOf(keys, group * 2);
    }
    keys[group] = key;
    return group;
  }

  private int dictId(int group, int column) {
    long cardinality = Math.max(1, dictionaries[column].length());
    return (int) ((keys[group] / multipliers[column]) % cardinality);
  }

  /// The group-by values of a group in hashable form.
  Object[] keyValues(int group) {
    Object[] values = new Object[readers.length];
    for (int c = 0; c < values.length; c++) {
      values[c] = Values.hashable(dictionaries[c].get(dictId(group, c)));
    }
    return values;
  }

  /// The value of a group with one numeric key column in `long` form (integral values as themselves, floating
  /// values as `Double.doubleToLongBits` of their double value).
  long keyLong(int group) {
    Dictionary dictionary = dictionaries[0];
    int id = dictId(group, 0);
    return switch (dictionary.valueType()) {
      case FLOAT, DOUBLE -> Double.doubleToLongBits(dictionary.getDoubleValue(id));
      default -> dictionary.getLongValue(id);
    };
  }
}
