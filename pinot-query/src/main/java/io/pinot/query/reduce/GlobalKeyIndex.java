// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.reduce;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/// The group keys of a single dictionary-encoded group-by column numbered by a [GlobalDictionary]: a group is found
/// from its value's global id by one array lookup, and its value is decoded only when asked for. Not thread-safe.
final class GlobalKeyIndex implements GroupKeyIndex {
  private final GlobalDictionary.Snapshot ids;
  /// Global id → group id + 1 (0: no group); made with the first group, so an unused copy costs nothing.
  private int @Nullable [] groups;
  private int[] globalIds = new int[64];
  private int size;

  GlobalKeyIndex(GlobalDictionary.Snapshot ids) {
    this.ids = ids;
  }

  GlobalDictionary.Snapshot ids() {
    return ids;
  }

  @Override
  public int size() {
    return size;
  }

  /// The group of a global id, or -1.
  int findGlobal(int globalId) {
    return groups == null ? -1 : groups[globalId] - 1;
  }

  /// Adds the group of a global id that has none yet and returns it.
  int addGlobal(int globalId) {
    if (groups == null) {
      groups = new int[ids.size()];
    }
    if (size == globalIds.length) {
      globalIds = Arrays.copyOf(globalIds, size * 2);
    }
    globalIds[size] = globalId;
    groups[globalId] = size + 1;
    return size++;
  }

  int globalId(int group) {
    return globalIds[group];
  }

  @Override
  public int find(Object[] key) {
    int globalId = ids.find(key[0]);
    return globalId < 0 ? -1 : findGlobal(globalId);
  }

  @Override
  public int add(Object[] key) {
    int globalId = ids.find(key[0]);
    if (globalId < 0) {
      throw new IllegalStateException("Group value " + key[0] + " is not in the global dictionary");
    }
    return addGlobal(globalId);
  }

  @Override
  public Object[] key(int group) {
    return new Object[]{ids.value(globalIds[group])};
  }

  @Override
  public void ensureCapacity(int expectedSize) {
    int wanted = Math.min(expectedSize, ids.size());
    if (wanted > globalIds.length) {
      globalIds = Arrays.copyOf(globalIds, wanted);
    }
  }
}
