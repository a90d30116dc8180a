// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.reduce;

import io.pinot.common.datatable.ColumnDataType;
import io.pinot.common.datatable.DataSchema;
import io.pinot.common.datatable.DataTable;
import io.pinot.common.response.ResultTable;
import io.pinot.query.CompiledQuery;
import io.pinot.query.QueryOptions;
import io.pinot.query.context.QueryContext;
import io.pinot.query.explain.ExplainPlanReducer;
import io.pinot.spi.exception.QueryErrorCode;
import io.pinot.spi.exception.QueryException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/// Merges the DataTables servers returned for a query into the final result, with the same merge code
/// servers use to combine segments: aggregation intermediates merge, groups merge then HAVING, ORDER BY
/// and LIMIT apply, selections merge sorted (top `limit + offset`) or until LIMIT. Statistics are summed
/// and server errors collected. The result schema comes from a response with rows when there is one,
/// else from any response with a schema; without any, the result has no table (all servers failed).
/// Stateless and thread-safe.
public final class BrokerReducer {

  /// Reduces the responses of a resolved query (see [CompiledQuery#resolve]).
  ///
  /// @throws QueryException MERGE_RESPONSE (500) when the responses cannot be merged
  public ReducedResult reduce(CompiledQuery query, List<DataTable> serverResponses) {
    long startNanos = System.nanoTime();
    StatsAggregator aggregator = new StatsAggregator();
    DataSchema schema = null;
    boolean schemaHasRows = false;
    for (DataTable table : serverResponses) {
      aggregator.add(table);
      if (table.dataSchema() != null && (schema == null || !schemaHasRows && table.numRows() > 0)) {
        schema = table.dataSchema();
        schemaHasRows = table.numRows() > 0;
      }
    }
    ResultTable resultTable = null;
    if (query.context().explain()) {
      // EXPLAIN PLAN FOR: the servers' plan rows are merged instead of results (see ExplainPlanReducer).
      resultTable = ExplainPlanReducer.reduce(query.context(), serverResponses,
          QueryOptions.isTrue(query.queryOptions(), QueryOptions.EXPLAIN_PLAN_VERBOSE));
    } else if (schema != null) {
      try {
        resultTable = reduce(query.context(), schema, serverResponses);
      } catch (QueryException e) {
        throw e;
      } catch (RuntimeException e) {
        throw QueryErrorCode.MERGE_RESPONSE.asException("Cannot merge server responses: " + e.getMessage(), e);
      }
    }
    long reduceTimeMs = (System.nanoTime() - startNanos) / 1_000_000;
    return new ReducedResult(resultTable, aggregator.stats(), aggregator.exceptions(),
        aggregator.numGroupsLimitReached(), reduceTimeMs);
  }

  private static @Nullable ResultTable reduce(QueryContext query, DataSchema schema, List<DataTable> tables) {
    return switch (query.type()) {
      case AGGREGATION -> {
        AggregationResult result = new AggregationResult(query.aggregations());
        for (DataTable table : tables) {
          if (table.dataSchema() != null) {
            result.mergeDataTable(table);
          }
        }
        yield ResultFinisher.aggregation(query, result);
      }
      case GROUP_BY -> {
        int numKeys = query.groupByExpressions().size();
        List<String> keyNames = schema.columnNames().subList(0, numKeys);
        List<ColumnDataType> keyTypes = schema.columnDataTypes().subList(0, numKeys);
        GroupByResult result = new GroupByResult(keyNames, keyTypes, query.aggregations(), Integer.MAX_VALUE,
            query.nullHandlingEnabled());
        for (DataTable table : tables) {
          if (table.dataSchema() != null) {
            result.mergeDataTable(table);
          }
        }
        yield ResultFinisher.groupBy(query, result);
      }
      case SELECTION -> selection(query, schema, tables);
    };
  }

  private static ResultTable selection(QueryContext query, DataSchema schema, List<DataTable> tables) {
    SelectionLayout layout = SelectionLayout.of(query, schema.columnNames());
    boolean ordered = !query.orderByExpressions().isEmpty();
    int maxRows = (int) Math.min(Integer.MAX_VALUE, ordered ? (long) query.limit() + query.offset() : query.limit());
    SelectionResult result = new SelectionResult(schema, layout.comparator(), maxRows);
    for (DataTable table : tables) {
      if (table.numRows() > 0 && table.dataSchema() != null && sameColumns(table.dataSchema(), schema)) {
        result.mergeDataTable(table);
      }
    }
    return ResultFinisher.selection(query, layout, schema, result.rows());
  }

  private static boolean sameColumns(DataSchema a, DataSchema b) {
    return a.columnDataTypes().equals(b.columnDataTypes());
  }

}
