// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.explain;

import io.pinot.query.context.FilterNode;
import io.pinot.query.context.Predicate;
import io.pinot.query.context.QueryDeadline;
import io.pinot.query.filter.DocIdSet;
import io.pinot.query.filter.FilterPlanListener;
import io.pinot.query.filter.FilterPlanner;
import io.pinot.segment.spi.IndexSegment;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// Explains a WHERE filter on one segment by running the engine's own [FilterPlanner] on it and recording what it
/// decided: the index each predicate used, and which parts matched every or no document. The result mirrors Pinot's
/// filter operators: `FILTER_MATCH_ENTIRE_SEGMENT(docs:N)` and `FILTER_EMPTY` when the whole filter resolves to all
/// or no documents; AND children matching everything and OR children matching nothing are left out (a single
/// remaining child replaces its parent); leaves are `FILTER_SORTED_INDEX`, `FILTER_INVERTED_INDEX`,
/// `FILTER_RANGE_INDEX`, `FILTER_JSON_INDEX`, `FILTER_TEXT_INDEX` or `FILTER_FULL_SCAN`.
///
/// Planning reads indexes (bitmap lookups, dictionary matching) as a query would, but scans only where the engine
/// materializes a scanned child of OR or NOT. Not thread-safe: one instance per segment.
final class FilterExplainer implements FilterPlanListener {
  private final Map<FilterNode, DocIdSet> results = new IdentityHashMap<>();
  private final Map<Predicate, Access> accesses = new IdentityHashMap<>();
  private final int numDocs;

  private FilterExplainer(int numDocs) {
    this.numDocs = numDocs;
  }

  /// The planned documents of the filter and its explain subtree.
  record Explained(DocIdSet docs, PlanNode node) {
  }

  static Explained explain(@Nullable FilterNode filter, IndexSegment segment, QueryDeadline deadline) {
    FilterExplainer explainer = new FilterExplainer(segment.numDocs());
    DocIdSet docs = new FilterPlanner(segment, deadline, explainer, false).plan(filter);
    PlanNode node = switch (docs) {
      case DocIdSet.All all -> explainer.matchAll();
      case DocIdSet.Empty empty -> PlanNode.leaf(ExplainRow.FILTER_EMPTY);
      default -> explainer.node(filter);
    };
    return new Explained(docs, node);
  }

  @Override
  public void leafPlanned(Predicate predicate, Access access) {
    accesses.put(predicate, access);
  }

  @Override
  public void nodePlanned(FilterNode node, DocIdSet result) {
    results.put(node, result);
  }

  private PlanNode matchAll() {
    return PlanNode.leaf(ExplainRow.FILTER_MATCH_ENTIRE_SEGMENT + "(docs:" + numDocs + ")");
  }

  private PlanNode node(@Nullable FilterNode filter) {
    if (filter == null) {
      return matchAll();
    }
    DocIdSet result = results.get(filter);
    if (result instanceof DocIdSet.All) {
      return matchAll();
    }
    if (result instanceof DocIdSet.Empty) {
      return PlanNode.leaf(ExplainRow.FILTER_EMPTY);
    }
    return switch (filter) {
      case FilterNode.And and -> combined("FILTER_AND", and.children(), DocIdSet.All.class);
      case FilterNode.Or or -> combined("FILTER_OR", or.children(), DocIdSet.Empty.class);
      case FilterNode.Not not -> PlanNode.of("FILTER_NOT", node(not.child()));
      case Predicate predicate -> leaf(predicate);
    };
  }

  /// AND or OR without the children that do not change the result (all documents in AND, none in OR).
  private PlanNode combined(String operator, List<FilterNode> children, Class<? extends DocIdSet> neutral) {
    List<PlanNode> kept = new ArrayList<>();
    for (FilterNode child : children) {
      DocIdSet result = results.get(child);
      if (result != null && !neutral.isInstance(result)) {
        kept.add(node(child));
      }
    }
    if (kept.isEmpty()) {
      return neutral == DocIdSet.All.class ? matchAll() : PlanNode.leaf(ExplainRow.FILTER_EMPTY);
    }
    return kept.size() == 1 ? kept.get(0) : new PlanNode(operator, kept);
  }

  private PlanNode leaf(Predicate predicate) {
    Access access = accesses.getOrDefault(predicate, Access.FULL_SCAN);
    String type = PredicateText.type(predicate);
    String text = PredicateText.text(predicate);
    String lookup = switch (access) {
      case SORTED_INDEX -> "FILTER_SORTED_INDEX(indexLookUp:sorted_index,";
      case INVERTED_INDEX -> "FILTER_INVERTED_INDEX(indexLookUp:inverted_index,";
      case RANGE_INDEX -> "FILTER_RANGE_INDEX(indexLookUp:range_index,";
      case JSON_INDEX -> "FILTER_JSON_INDEX(indexLookUp:json_index,";
      case TEXT_INDEX -> "FILTER_TEXT_INDEX(indexLookUp:text_index,";
      case FULL_SCAN, NONE -> "FILTER_FULL_SCAN(";
    };
    return PlanNode.leaf(lookup + "operator:" + type + ",predicate:" + text + ")");
  }
}
