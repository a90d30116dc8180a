// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.context;

import static java.util.Objects.requireNonNull;

import java.util.List;

/// A boolean filter tree (WHERE or HAVING): AND, OR, NOT and leaf [Predicate]s. Immutable.
public sealed interface FilterNode permits FilterNode.And, FilterNode.Or, FilterNode.Not, Predicate {

  /// All children must match.
  record And(List<FilterNode> children) implements FilterNode {
    public And {
      children = List.copyOf(requireNonNull(children, "children is null"));
    }

    @Override
    public String toString() {
      return "AND" + children;
    }
  }

  /// At least one child must match.
  record Or(List<FilterNode> children) implements FilterNode {
    public Or {
      children = List.copyOf(requireNonNull(children, "children is null"));
    }

    @Override
    public String toString() {
      return "OR" + children;
    }
  }

  /// The child must not match.
  record Not(FilterNode child) implements FilterNode {
    public Not {
      requireNonNull(child, "child is null");
    }

    @Override
    public String toString() {
      return "NOT(" + child + ")";
    }
  }
}
