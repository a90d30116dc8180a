// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.explain;

import static java.util.Objects.requireNonNull;

import java.util.List;

/// One operator of a segment's plan as EXPLAIN PLAN shows it (`FILTER_SORTED_INDEX(...)`), with its inputs.
/// Equal trees mean equal plans, which is how identical segment plans are merged. Immutable.
///
/// @param operator the operator text in Pinot's form, e.g. `DOC_ID_SET` or `PROJECT(country, price)`
/// @param children the operators feeding this one, in order
record PlanNode(String operator, List<PlanNode> children) {

  PlanNode {
    requireNonNull(operator, "operator is null");
    children = List.copyOf(children);
  }

  static PlanNode leaf(String operator) {
    return new PlanNode(operator, List.of());
  }

  static PlanNode of(String operator, PlanNode child) {
    return new PlanNode(operator, List.of(child));
  }

  /// Appends this tree to `rows` in pre-order, numbering operators from `nextId[0]` (advanced) under `parentId`.
  void flatten(List<ExplainRow> rows, int[] nextId, int parentId) {
    int id = nextId[0]++;
    rows.add(new ExplainRow(operator, id, parentId));
    for (PlanNode child : children) {
      child.flatten(rows, nextId, id);
    }
  }
}
