// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.explain;

import io.pinot.common.datatable.DataTableBuilder;
import io.pinot.common.datatable.MetadataKey;
import io.pinot.query.context.QueryContext;
import io.pinot.query.context.QueryDeadline;
import io.pinot.segment.spi.IndexSegment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/// A server's answer to `EXPLAIN PLAN FOR`: each segment left after pruning is planned as the query would run on
/// it ([SegmentExplainer]), identical plans are merged, and the rows are returned as Pinot's servers return them —
/// the combine operator (id 2 under 1), then per distinct plan a `PLAN_START(numSegmentsForThisPlan:N)` row followed
/// by the plan's operators (ids from 3). When every segment was pruned the rows are
/// `PLAN_START(numSegmentsForThisPlan:<segments queried>)` and `ALL_SEGMENTS_PRUNED_ON_SERVER` (3 under 2), without a
/// combine row. The metadata counts the segments whose filter matched nothing or everything
/// (`explainPlanNumEmptyFilterSegments`, `explainPlanNumMatchAllFilterSegments`). Nothing is executed beyond filter
/// planning. Thread-safe (no state).
public final class ServerExplainPlan {
  private ServerExplainPlan() {
  }

  /// The explain DataTable of a resolved query.
  ///
  /// @param allColumns the table's columns (for `SELECT *`)
  /// @param segments the segments left after pruning
  /// @param numSegmentsQueried the segments of the request, pruned or not
  /// @param useStarTree whether the query may use star-trees
  public static DataTableBuilder build(QueryContext query, List<String> allColumns, List<IndexSegment> segments,
      int numSegmentsQueried, QueryDeadline deadline, boolean useStarTree) {
    DataTableBuilder builder = new DataTableBuilder(ExplainRow.SCHEMA);
    if (segments.isEmpty()) {
      add(builder, ExplainRow.planStart(numSegmentsQueried));
      add(builder, new ExplainRow(ExplainRow.ALL_SEGMENTS_PRUNED_ON_SERVER, ExplainRow.FIRST_SEGMENT_OPERATOR_ID,
          ExplainRow.COMBINE_ID));
      return builder;
    }
    Map<PlanNode, Integer> plans = new LinkedHashMap<>();
    for (IndexSegment segment : segments) {
      deadline.check();
      PlanNode plan = SegmentExplainer.explain(query, allColumns, segment, deadline, useStarTree);
      plans.merge(plan, 1, Integer::sum);
    }
    add(builder, new ExplainRow(SegmentExplainer.combine(query), ExplainRow.COMBINE_ID, ExplainRow.BROKER_REDUCE_ID));
    long numEmpty = 0;
    long numMatchAll = 0;
    for (Map.Entry<PlanNode, Integer> plan : plans.entrySet()) {
      add(builder, ExplainRow.planStart(plan.getValue()));
      List<ExplainRow> rows = new ArrayList<>();
      plan.getKey().flatten(rows, new int[]{ExplainRow.FIRST_SEGMENT_OPERATOR_ID}, ExplainRow.COMBINE_ID);
      boolean empty = false;
      boolean matchAll = false;
      for (ExplainRow row : rows) {
        add(builder, row);
        empty |= row.operator().startsWith(ExplainRow.FILTER_EMPTY);
        matchAll |= row.operator().startsWith(ExplainRow.FILTER_MATCH_ENTIRE_SEGMENT);
      }
      numEmpty += empty ? plan.getValue() : 0;
      numMatchAll += matchAll ? plan.getValue() : 0;
    }
    builder.putMetadata(MetadataKey.EXPLAIN_PLAN_NUM_EMPTY_FILTER_SEGMENTS, numEmpty);
    builder.putMetadata(MetadataKey.EXPLAIN_PLAN_NUM_MATCH_ALL_FILTER_SEGMENTS, numMatchAll);
    return builder;
  }

  private static void add(DataTableBuilder builder, ExplainRow row) {
    builder.startRow();
    builder.setString(0, row.operator());
    builder.setInt(1, row.operatorId());
    builder.setInt(2, row.parentId());
  }
}
