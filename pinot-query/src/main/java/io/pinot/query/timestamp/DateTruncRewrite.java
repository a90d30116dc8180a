// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.timestamp;

import io.pinot.query.context.Expression;
import io.pinot.query.context.Expressions;
import io.pinot.query.context.FilterNode;
import io.pinot.query.context.FunctionCall;
import io.pinot.query.context.Identifier;
import io.pinot.query.context.OrderByExpression;
import io.pinot.query.context.QueryContext;
import io.pinot.query.context.TableColumns;
import io.pinot.segment.spi.IndexSegment;
import io.pinot.spi.data.DataType;
import io.pinot.spi.exception.QueryErrorCode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/// Pinot's timestamp index query rewrite: every `DATETRUNC(unit, ts)` of a resolved query (in SELECT, WHERE, GROUP
/// BY, ORDER BY and HAVING) becomes the virtual column of the same name ([DateTruncCall]), typed LONG as
/// `DATETRUNC` returns. Brokers and servers rewrite the same way, so result columns keep the call's name. Servers
/// then [#wrap] their segments so that each answers the virtual column from its derived `$ts$DAY` column (with its
/// dictionary and range index) when the segment has one, or computes it from `ts` when it has not (a segment built
/// before the index was configured): filters on `DATETRUNC('DAY', ts)` use the index where it exists and results
/// are the same everywhere.
///
/// @param query the rewritten query (the query itself when it calls no `DATETRUNC`)
/// @param columns the table columns with the virtual columns added
/// @param calls the virtual columns by name
public record DateTruncRewrite(QueryContext query, TableColumns columns, Map<String, DateTruncCall> calls) {
  public DateTruncRewrite {
    calls = Collections.unmodifiableMap(new LinkedHashMap<>(calls));
  }

  /// Rewrites a query whose column names are resolved against `columns`.
  ///
  /// @throws io.pinot.spi.exception.QueryException QUERY_VALIDATION when the truncated column is not a single-value
  ///     TIMESTAMP or LONG column
  public static DateTruncRewrite of(QueryContext query, TableColumns columns) {
    Map<String, DateTruncCall> calls = new LinkedHashMap<>();
    List<Expression> select = new ArrayList<>();
    for (Expression expression : query.selectExpressions()) {
      select.add(rewrite(expression, calls));
    }
    List<Expression> groupBy = new ArrayList<>();
    for (Expression expression : query.groupByExpressions()) {
      groupBy.add(rewrite(expression, calls));
    }
    List<OrderByExpression> orderBy = new ArrayList<>();
    for (OrderByExpression order : query.orderByExpressions()) {
      orderBy.add(order.withExpression(rewrite(order.expression(), calls)));
    }
    FilterNode filter = query.filter() == null ? null
        : Expressions.mapFilter(query.filter(), expression -> rewrite(expression, calls));
    FilterNode having = query.having() == null ? null
        : Expressions.mapFilter(query.having(), expression -> rewrite(expression, calls));
    if (calls.isEmpty()) {
      return new DateTruncRewrite(query, columns, Map.of());
    }
    TableColumns extended = columns;
    for (DateTruncCall call : calls.values()) {
      TableColumns.Column source = columns.lookup(call.source());
      if (source == null || !source.singleValue() || source.dataType().storedType() != DataType.LONG) {
        throw QueryErrorCode.QUERY_VALIDATION.asException("DATETRUNC needs a single-value TIMESTAMP or LONG "
            + "column, got column[" + call.source() + "]");
      }
      extended = extended.withVirtualColumn(new TableColumns.Column(call.name(), DataType.LONG, true));
    }
    QueryContext rewritten = query.toBuilder().select(select, query.aliases()).filter(filter).groupBy(groupBy)
        .having(having).orderBy(orderBy).build();
    return new DateTruncRewrite(rewritten, extended, calls);
  }

  /// The segments answering the virtual columns (the segments themselves when there are none). The wrappers live
  /// as long as the query and never close the segments.
  public List<IndexSegment> wrap(List<IndexSegment> segments) {
    if (calls.isEmpty()) {
      return segments;
    }
    List<IndexSegment> wrapped = new ArrayList<>(segments.size());
    for (IndexSegment segment : segments) {
      wrapped.add(new DateTruncSegment(segment, calls));
    }
    return wrapped;
  }

  private static Expression rewrite(Expression expression, Map<String, DateTruncCall> calls) {
    DateTruncCall call = DateTruncCall.match(expression);
    if (call != null) {
      calls.putIfAbsent(call.name(), call);
      return new Identifier(call.name());
    }
    if (expression instanceof FunctionCall function) {
      List<Expression> arguments = new ArrayList<>(function.arguments().size());
      for (Expression argument : function.arguments()) {
        arguments.add(rewrite(argument, calls));
      }
      return new FunctionCall(function.name(), arguments);
    }
    return expression;
  }
}
