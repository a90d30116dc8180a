// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.filter;

import io.pinot.query.context.FilterNode;
import io.pinot.query.context.Predicate;

/// Observes how a [FilterPlanner] answers a filter on one segment, for `EXPLAIN PLAN`: which index each leaf
/// predicate used and what each planned node resolved to. Called on the planning thread, children before parents;
/// nodes skipped by short-circuiting (the rest of an AND after an empty child, of an OR after a full one) are not
/// reported. Implementations need not be thread-safe (one listener per planner).
public interface FilterPlanListener {

  /// How a leaf predicate was answered.
  enum Access {
    /// No index work: the predicate matched every or no dictionary value (the result is all or no documents).
    NONE,
    SORTED_INDEX,
    INVERTED_INDEX,
    RANGE_INDEX,
    JSON_INDEX,
    TEXT_INDEX,
    /// A scan of the forward index (dictionary ids or raw values).
    FULL_SCAN
  }

  /// A leaf predicate was planned with the given access path.
  void leafPlanned(Predicate predicate, Access access);

  /// A node (leaf or not) was planned to the given documents.
  void nodePlanned(FilterNode node, DocIdSet result);
}
