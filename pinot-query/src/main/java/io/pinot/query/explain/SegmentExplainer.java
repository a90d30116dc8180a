// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.explain;

import io.pinot.query.context.Expression;
import io.pinot.query.context.Expressions;
import io.pinot.query.context.FunctionCall;
import io.pinot.query.context.Identifier;
import io.pinot.query.context.OrderByExpression;
import io.pinot.query.context.QueryContext;
import io.pinot.query.context.QueryDeadline;
import io.pinot.query.filter.DocIdSet;
import io.pinot.query.function.AggregationFunction;
import io.pinot.query.function.CountFunction;
import io.pinot.query.function.MetadataAggregation;
import io.pinot.query.startree.StarTreeExecutor;
import io.pinot.segment.spi.IndexSegment;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/// The plan of one query on one segment, as the operators will run it (their choices are made by the same code):
/// - aggregation without GROUP BY: `AGGREGATE_NO_SCAN` when metadata and dictionaries answer an unfiltered query,
///   `FAST_FILTERED_COUNT` over the filter when only COUNTs are asked and the filter is answered by indexes alone,
///   else `AGGREGATE(aggregations:...)`; a fitting star-tree shows as `FILTER_STARTREE_INDEX`;
/// - GROUP BY: `GROUP_BY(groupKeys:..., aggregations:...)`; DISTINCT: `DISTINCT(keyColumns:...)`;
/// - selection: `SELECT(selectList:...)`, or `SELECT_ORDERBY` with ORDER BY;
/// - then `TRANSFORM(...)` when expressions other than columns are computed, `PROJECT(columns)`, `DOC_ID_SET` and the
///   filter ([FilterExplainer]).
///
/// Thread-safe (no state).
final class SegmentExplainer {
  private SegmentExplainer() {
  }

  /// The segment's plan tree.
  ///
  /// @param allColumns the table's columns (for `SELECT *`)
  /// @param useStarTree whether the query may use star-trees (query option `useStarTree`)
  static PlanNode explain(QueryContext query, List<String> allColumns, IndexSegment segment, QueryDeadline deadline,
      boolean useStarTree) {
    boolean starTree = useStarTree && !query.aggregations().isEmpty()
        && StarTreeExecutor.answers(query, segment, deadline);
    FilterExplainer.Explained filter = starTree ? null : FilterExplainer.explain(query.filter(), segment, deadline);
    return switch (query.type()) {
      case AGGREGATION -> aggregation(query, segment, filter);
      case GROUP_BY -> query.distinct()
          ? PlanNode.of("DISTINCT(keyColumns:" + joined(query.groupByExpressions()) + ")",
              project(query.groupByExpressions(), filter))
          : PlanNode.of(groupByText(query), project(aggregationInputs(query, query.groupByExpressions()), filter));
      case SELECTION -> selection(query, allColumns, filter);
    };
  }

  /// The combine operator a server runs for the query, named as Pinot's.
  static String combine(QueryContext query) {
    return switch (query.type()) {
      case AGGREGATION -> "COMBINE_AGGREGATE";
      case GROUP_BY -> query.distinct() ? "COMBINE_DISTINCT" : "COMBINE_GROUP_BY";
      case SELECTION -> query.orderByExpressions().isEmpty() ? "COMBINE_SELECT" : "COMBINE_SELECT_ORDERBY";
    };
  }

  private static PlanNode aggregation(QueryContext query, IndexSegment segment,
      FilterExplainer.@Nullable Explained filter) {
    List<AggregationFunction> functions = query.aggregations();
    if (filter != null && filter.docs() instanceof DocIdSet.All && MetadataAggregation.canAnswer(functions, segment)) {
      return PlanNode.leaf("AGGREGATE_NO_SCAN");
    }
    if (filter != null && filter.docs().isIndexed() && allCounts(functions)) {
      return PlanNode.of("FAST_FILTERED_COUNT", filter.node());
    }
    StringBuilder text = new StringBuilder("AGGREGATE(aggregations:");
    appendAggregations(text, functions);
    return PlanNode.of(text.append(')').toString(), project(aggregationInputs(query, List.of()), filter));
  }

  private static String groupByText(QueryContext query) {
    StringBuilder text = new StringBuilder("GROUP_BY(groupKeys:").append(joined(query.groupByExpressions()))
        .append(", aggregations:");
    appendAggregations(text, query.aggregations());
    return text.append(')').toString();
  }

  private static PlanNode selection(QueryContext query, List<String> allColumns,
      FilterExplainer.@Nullable Explained filter) {
    List<Expression> selected = new ArrayList<>();
    if (query.isSelectStar()) {
      Set<String> sorted = new TreeSet<>();
      for (String column : allColumns) {
        if (!column.startsWith("$")) {
          sorted.add(column);
        }
      }
      for (String column : sorted) {
        selected.add(new Identifier(column));
      }
    } else {
      selected.addAll(query.selectExpressions());
    }
    List<Expression> read = new ArrayList<>(selected);
    for (OrderByExpression orderBy : query.orderByExpressions()) {
      read.add(orderBy.expression());
    }
    String name = query.orderByExpressions().isEmpty() ? "SELECT" : "SELECT_ORDERBY";
    return PlanNode.of(name + "(selectList:" + joined(selected) + ")", project(read, filter));
  }

  /// The expressions the aggregations read besides `extra` (the group keys).
  private static List<Expression> aggregationInputs(QueryContext query, List<Expression> extra) {
    List<Expression> inputs = new ArrayList<>(extra);
    for (AggregationFunction function : query.aggregations()) {
      if (function.readsArgument()) {
        inputs.add(function.argument());
      }
      inputs.addAll(function.extraArguments());
    }
    return inputs;
  }

  /// `[TRANSFORM ->] PROJECT -> DOC_ID_SET -> filter` for the expressions read after filtering.
  private static PlanNode project(List<Expression> expressions,
      FilterExplainer.@Nullable Explained filter) {
    Set<String> columns = new LinkedHashSet<>();
    Set<String> transforms = new TreeSet<>();
    for (Expression expression : expressions) {
      Expressions.collectColumns(expression, columns);
      if (expression instanceof FunctionCall) {
        transforms.add(expression.toString());
      }
    }
    PlanNode filterNode = filter == null ? PlanNode.leaf("FILTER_STARTREE_INDEX") : filter.node();
    PlanNode project = PlanNode.of("PROJECT(" + String.join(", ", columns) + ")",
        PlanNode.of("DOC_ID_SET", filterNode));
    return transforms.isEmpty() ? project : PlanNode.of("TRANSFORM(" + String.join(", ", transforms) + ")", project);
  }

  private static void appendAggregations(StringBuilder text, List<AggregationFunction> functions) {
    for (int i = 0; i < functions.size(); i++) {
      text.append(i == 0 ? "" : ", ").append(functions.get(i).resultColumnName());
    }
  }

  private static String joined(List<Expression> expressions) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < expressions.size(); i++) {
      text.append(i == 0 ? "" : ", ").append(expressions.get(i));
    }
    return text.toString();
  }

  private static boolean allCounts(List<AggregationFunction> functions) {
    for (AggregationFunction function : functions) {
      if (!(function instanceof CountFunction)) {
        return false;
      }
    }
    return true;
  }
}
