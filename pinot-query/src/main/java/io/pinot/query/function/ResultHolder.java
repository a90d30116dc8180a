// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.function;

import io.pinot.common.datatable.DataTableBuilder;
import io.pinot.common.datatable.DataTable;

/// The per-group state of one aggregation function: an array-like store indexed by dense group id
/// (aggregation without GROUP BY uses group 0). New groups start at the function's identity (0 for SUM,
/// +Infinity for MIN...).
///
/// Call protocol on a server: [#ensureCapacity] before aggregating into a group id, `aggregate*` per
/// block, then [#finishSegment] once per segment before merging. Across segments and servers:
/// [#merge] and [#mergeIntermediate] (identity start + merge = copy), [#writeIntermediate] to a
/// DataTable cell of type `intermediateType()`, and [#finalResult] at the end. Not thread-safe.
public interface ResultHolder {
  /// Receives the slots of the function's [AggregationFunction#extraArguments], in order, once after creation
  /// on a server (before any `aggregate*` call).
  default void bindExtraSlots(int[] slots) {
  }

  /// Makes group ids `[0, numGroups)` valid, initialising new ones to the identity.
  void ensureCapacity(int numGroups);

  /// Aggregates `length` documents of the block into group 0. `slot` is the argument's slot (-1 for none).
  void aggregate(ValueBlock block, int slot, int length);

  /// Aggregates document `i` of the block into group `groupIds[i]`.
  void aggregateGroupBy(ValueBlock block, int slot, int length, int[] groupIds);

  /// Aggregates document `i` into each group `groupIds[offsets[i] .. offsets[i + 1])` (multi-value keys).
  void aggregateGroupByMultiValue(ValueBlock block, int slot, int length, int[] offsets, int[] groupIds);

  /// Aggregates pre-aggregated documents (a star-tree's) into groups `groupIds[i]`: document `i` stands for
  /// `counts[i]` rows, and `slot` holds this function's aggregate of those rows (the sum for SUM and AVG, the extreme
  /// for MIN and MAX, the distinct dictionary ids as a multi-value column for DISTINCTCOUNT); -1 for COUNT. The
  /// default treats each document as one value, which is right when the aggregate of aggregates is the aggregate;
  /// COUNT and AVG override it to weigh documents by their counts.
  default void aggregateGroupByPreAggregated(ValueBlock block, int slot, long[] counts, int length, int[] groupIds) {
    aggregateGroupBy(block, slot, length, groupIds);
  }

  /// Converts segment-local state (dictionary ids) of groups `[0, numGroups)` into values, using the block
  /// that read the argument. Called once after the last block of a segment.
  default void finishSegment(ValueBlock block, int slot, int numGroups) {
  }

  /// Merges group `otherGroup` of `other` (a holder of the same function) into `group`. May take over the
  /// other group's state: `other` must not be used after merging.
  void merge(int group, ResultHolder other, int otherGroup);

  /// Merges every group `g < numGroups` of `other` into group `targets[g]` (skipping -1), as [#merge] does one by one.
  default void mergeAll(int[] targets, ResultHolder other, int numGroups) {
    for (int g = 0; g < numGroups; g++) {
      if (targets[g] >= 0) {
        merge(targets[g], other, g);
      }
    }
  }

  /// Merges an intermediate result read from a DataTable cell into `group`.
  void mergeIntermediate(int group, DataTable table, int row, int column);

  /// Writes the intermediate result of `group` into the current row of the builder.
  void writeIntermediate(int group, DataTableBuilder builder, int column);

  /// The final result of `group` (`Long`, `Double` or `Integer`, per the function's final type).
  Comparable<?> finalResult(int group);
}
