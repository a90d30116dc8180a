// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.function;

import io.pinot.common.datatable.CustomObject;
import io.pinot.common.datatable.DataTable;
import io.pinot.common.datatable.DataTableBuilder;
import java.util.Arrays;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/// The per-group states of an aggregation holder whose intermediate result is one mergeable object per group (value
/// counts for PERCENTILE, value frequencies for MODE): created on first use, merged by taking the other state over or
/// adding it in, and carried in DataTable OBJECT cells of one object type. Not thread-safe.
///
/// @param <S> the state type
final class GroupStates<S extends GroupStates.State<S>> {
  /// A mergeable, serializable per-group state.
  interface State<S> {
    void addAll(S other);

    void addSerialized(byte[] bytes);

    byte[] serialize();
  }

  private final Supplier<S> factory;
  private final int objectType;
  private Object[] states;

  GroupStates(int capacity, Supplier<S> factory, int objectType) {
    this.factory = factory;
    this.objectType = objectType;
    this.states = new Object[Math.max(1, capacity)];
  }

  void ensureCapacity(int numGroups) {
    if (numGroups > states.length) {
      states = Arrays.copyOf(states, Math.max(numGroups, states.length * 2));
    }
  }

  /// The state of a group, or null when it has none yet.
  @SuppressWarnings("unchecked")
  @Nullable S get(int group) {
    return (S) states[group];
  }

  /// The state of a group, created empty when absent.
  S getOrCreate(int group) {
    S state = get(group);
    if (state == null) {
      state = factory.get();
      states[group] = state;
    }
    return state;
  }

  /// Merges group `otherGroup` of `other` into `group` (taking the state over when `group` has none).
  void merge(int group, GroupStates<S> other, int otherGroup) {
    S from = other.get(otherGroup);
    if (from == null) {
      return;
    }
    S into = get(group);
    if (into == null) {
      states[group] = from;
    } else {
      into.addAll(from);
    }
  }

  /// Adds a DataTable cell's serialized state (a null cell adds nothing).
  void mergeIntermediate(int group, DataTable table, int row, int column) {
    CustomObject object = table.getCustomObject(row, column);
    if (object != null) {
      ObjectTypes.expect(object, objectType);
      getOrCreate(group).addSerialized(object.bytes());
    }
  }

  void writeIntermediate(int group, DataTableBuilder builder, int column) {
    builder.setCustomObject(column, new CustomObject(objectType, getOrCreate(group).serialize()));
  }
}
