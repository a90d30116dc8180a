// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.explain;

import io.pinot.common.datatable.DataTable;
import io.pinot.common.response.ResultTable;
import io.pinot.query.context.QueryContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// Merges the servers' EXPLAIN PLAN rows into the broker's answer, as Pinot's broker does: `BROKER_REDUCE(...)`
/// (id 1 under 0; with `havingFilter:`, `sort:` and `limit:` as the query has them), the servers' combine operator
/// (2 under 1), then the distinct segment plans, identical plans from several servers merged with their
/// `numSegmentsForThisPlan` summed. Without `explainPlanVerbose=true` one plan is shown, chosen by Pinot's
/// precedence: a plan with a real filter, else one matching whole segments, else one matching nothing, else the
/// all-segments-pruned one — the deepest of its kind. Verbose output lists every distinct plan in the order the
/// servers returned them. Thread-safe (no state).
public final class ExplainPlanReducer {
  private ExplainPlanReducer() {
  }

  /// The explain result table of the server responses (responses without rows, e.g. failed servers, are skipped).
  public static ResultTable reduce(QueryContext query, List<DataTable> responses, boolean verbose) {
    List<Object[]> rows = new ArrayList<>();
    rows.add(new ExplainRow(brokerReduce(query), ExplainRow.BROKER_REDUCE_ID, 0).toArray());
    String combine = null;
    Map<List<ExplainRow>, Integer> plans = new LinkedHashMap<>();
    for (DataTable response : responses) {
      if (response.dataSchema() == null || !response.dataSchema().equals(ExplainRow.SCHEMA)) {
        continue;
      }
      List<ExplainRow> plan = null;
      int numSegments = 0;
      for (int row = 0; row < response.numRows(); row++) {
        ExplainRow explainRow = new ExplainRow(response.getString(row, 0), response.getInt(row, 1),
            response.getInt(row, 2));
        String operator = explainRow.operator();
        if (operator.startsWith(ExplainRow.COMBINE)) {
          combine = combine == null ? operator : combine;
        } else if (operator.startsWith(ExplainRow.PLAN_START)) {
          addPlan(plans, plan, numSegments);
          plan = new ArrayList<>();
          numSegments = Integer.parseInt(operator.substring(ExplainRow.PLAN_START.length(), operator.length() - 1));
        } else if (plan != null) {
          plan.add(explainRow);
        }
      }
      addPlan(plans, plan, numSegments);
    }
    if (combine != null) {
      rows.add(new ExplainRow(combine, ExplainRow.COMBINE_ID, ExplainRow.BROKER_REDUCE_ID).toArray());
    }
    List<Map.Entry<List<ExplainRow>, Integer>> chosen = new ArrayList<>(plans.entrySet());
    if (!verbose && chosen.size() > 1) {
      chosen = List.of(best(chosen));
    }
    for (Map.Entry<List<ExplainRow>, Integer> plan : chosen) {
      rows.add(ExplainRow.planStart(plan.getValue()).toArray());
      for (ExplainRow row : plan.getKey()) {
        boolean orphan = combine == null && row.operator().equals(ExplainRow.ALL_SEGMENTS_PRUNED_ON_SERVER);
        // Without any combine operator (every segment pruned everywhere) the marker hangs under BROKER_REDUCE.
        rows.add(orphan ? new ExplainRow(row.operator(), ExplainRow.COMBINE_ID, ExplainRow.BROKER_REDUCE_ID).toArray()
            : row.toArray());
      }
    }
    return new ResultTable(ExplainRow.SCHEMA, rows);
  }

  private static void addPlan(Map<List<ExplainRow>, Integer> plans, @Nullable List<ExplainRow> plan,
      int numSegments) {
    if (plan != null && !plan.isEmpty()) {
      plans.merge(List.copyOf(plan), numSegments, Integer::sum);
    }
  }

  /// Pinot's choice for non-verbose output: other > match-all > empty > all pruned, then the most rows.
  private static Map.Entry<List<ExplainRow>, Integer> best(List<Map.Entry<List<ExplainRow>, Integer>> plans) {
    Map.Entry<List<ExplainRow>, Integer> best = null;
    int bestRank = -1;
    for (Map.Entry<List<ExplainRow>, Integer> plan : plans) {
      int rank = rank(plan.getKey());
      if (rank > bestRank || rank == bestRank && plan.getKey().size() > best.getKey().size()) {
        best = plan;
        bestRank = rank;
      }
    }
    return best;
  }

  private static int rank(List<ExplainRow> plan) {
    int rank = 3;
    for (ExplainRow row : plan) {
      String operator = row.operator();
      if (operator.equals(ExplainRow.ALL_SEGMENTS_PRUNED_ON_SERVER)) {
        rank = Math.min(rank, 0);
      } else if (operator.startsWith(ExplainRow.FILTER_EMPTY)) {
        rank = Math.min(rank, 1);
      } else if (operator.startsWith(ExplainRow.FILTER_MATCH_ENTIRE_SEGMENT)) {
        rank = Math.min(rank, 2);
      }
    }
    return rank;
  }

  private static String brokerReduce(QueryContext query) {
    StringBuilder text = new StringBuilder("BROKER_REDUCE(");
    if (query.having() != null) {
      text.append("havingFilter:").append(PredicateText.text(query.having())).append(',');
    }
    if (!query.orderByExpressions().isEmpty()) {
      text.append("sort:").append(query.orderByExpressions()).append(',');
    }
    return text.append("limit:").append(query.limit()).append(')').toString();
  }
}
