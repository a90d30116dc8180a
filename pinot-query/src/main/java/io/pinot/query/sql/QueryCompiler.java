// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.sql;

import io.pinot.query.context.Expression;
import io.pinot.query.context.Expressions;
import io.pinot.query.context.FilterNode;
import io.pinot.query.context.Identifier;
import io.pinot.query.context.Literal;
import io.pinot.query.context.OrderByExpression;
import io.pinot.query.context.QueryContext;
import io.pinot.spi.exception.QueryErrorCode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlExplain;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.jspecify.annotations.Nullable;

/// Compiles a parsed query statement into a [QueryContext]: the FROM table, the select list with
/// aliases, WHERE, GROUP BY, HAVING, ORDER BY, LIMIT/OFFSET (default LIMIT 10), then Pinot's rewrites —
/// aliases and ordinals in GROUP BY/HAVING/ORDER BY are replaced by the select expressions — and Pinot's
/// compile-time checks, which fail with SQL_PARSING (150) as in Pinot. `EXPLAIN PLAN FOR <query>` compiles the
/// query and marks it [QueryContext#explain()]. Thread-safe (no state).
public final class QueryCompiler {
  private QueryCompiler() {
  }

  /// Whether the statement's compiled form may be cached (it calls no non-deterministic function such as
  /// `now()`, whose value is fixed at compile time).
  public static boolean isCacheable(SqlNode statement) {
    return !ExpressionConverter.callsNonDeterministic(statement);
  }

  /// Compiles one SELECT statement.
  ///
  /// @throws io.pinot.spi.exception.QueryException SQL_PARSING for invalid queries, QUERY_PLANNING for
  ///     constructs that are not supported yet
  public static QueryContext compile(SqlNode statement) {
    if (statement instanceof SqlExplain explain) {
      // EXPLAIN PLAN FOR <query>: the query compiles as usual and is marked, so that servers return their
      // per-segment plans and the broker merges them instead of running it (Pinot's single-stage explain).
      SqlNode explicandum = explain.getExplicandum();
      if (explicandum instanceof SqlExplain) {
        throw QueryErrorCode.SQL_PARSING.asException("Nested EXPLAIN is not supported");
      }
      return compile(explicandum).toBuilder().explain(true).build();
    }
    SqlNode query = statement;
    SqlNodeList orderList = null;
    SqlNode offsetNode = null;
    SqlNode fetchNode = null;
    if (query instanceof SqlOrderBy orderBy) {
      query = orderBy.query;
      orderList = orderBy.orderList;
      offsetNode = orderBy.offset;
      fetchNode = orderBy.fetch;
    }
    if (!(query instanceof SqlSelect select)) {
      if (query.getKind().belongsTo(SqlKind.QUERY)) {
        throw SqlParsing.unsupported(query.getKind() + " query");
      }
      throw QueryErrorCode.SQL_PARSING.asException("Unsupported SQL type - " + query.getKind());
    }
    if (select.getOrderList() != null && orderList == null) {
      orderList = select.getOrderList();
    }
    offsetNode = offsetNode != null ? offsetNode : select.getOffset();
    fetchNode = fetchNode != null ? fetchNode : select.getFetch();
    QueryContext.Builder builder = QueryContext.builder(tableName(select.getFrom()))
        .limit(limitValue(fetchNode, QueryContext.Builder.DEFAULT_LIMIT)).offset(limitValue(offsetNode, 0));
    return compileSelect(select, orderList, builder);
  }

  private static QueryContext compileSelect(SqlSelect select, @Nullable SqlNodeList orderList,
      QueryContext.Builder builder) {
    List<Expression> selectExpressions = new ArrayList<>();
    List<@Nullable String> aliases = new ArrayList<>();
    for (SqlNode item : select.getSelectList()) {
      if (item instanceof SqlBasicCall call && call.getKind() == SqlKind.AS) {
        selectExpressions.add(ExpressionConverter.convert(call.operand(0)));
        aliases.add(((SqlIdentifier) call.operand(1)).getSimple());
      } else {
        selectExpressions.add(ExpressionConverter.convert(item));
        aliases.add(null);
      }
    }
    AliasRewriter rewriter = new AliasRewriter(selectExpressions, aliases);
    FilterNode filter = select.getWhere() == null ? null : FilterConverter.convert(select.getWhere());
    if (filter != null) {
      QueryValidator.validateWhere(filter);
    }
    List<Expression> groupBy = new ArrayList<>();
    if (select.getGroup() != null) {
      for (SqlNode node : select.getGroup()) {
        groupBy.add(rewriter.apply(rewriter.ordinal(ExpressionConverter.convert(node))));
      }
    }
    FilterNode having = select.getHaving() == null ? null : rewriter.apply(FilterConverter.convert(select.getHaving()));
    List<OrderByExpression> orderBy = new ArrayList<>();
    if (orderList != null) {
      for (SqlNode node : orderList) {
        orderBy.add(orderByExpression(node, rewriter));
      }
    }
    boolean distinct = select.isDistinct();
    if (distinct) {
      if (!groupBy.isEmpty()) {
        throw QueryErrorCode.SQL_PARSING.asException("DISTINCT with GROUP BY is not supported");
      }
      if (selectExpressions.contains(Identifier.STAR)) {
        throw QueryErrorCode.SQL_PARSING.asException("DISTINCT * is not supported");
      }
      groupBy.addAll(selectExpressions);
    }
    QueryValidator.validate(selectExpressions, groupBy, having, orderBy, distinct);
    return builder.select(selectExpressions, aliases).filter(filter).groupBy(groupBy).having(having).orderBy(orderBy)
        .distinct(distinct).build();
  }

  private static OrderByExpression orderByExpression(SqlNode node, AliasRewriter rewriter) {
    boolean ascending = true;
    Boolean nullsLast = null;
    SqlNode expression = node;
    while (expression instanceof SqlBasicCall call && (call.getKind() == SqlKind.DESCENDING
        || call.getKind() == SqlKind.NULLS_FIRST || call.getKind() == SqlKind.NULLS_LAST)) {
      if (call.getKind() == SqlKind.DESCENDING) {
        ascending = false;
      } else if (nullsLast == null) {
        nullsLast = call.getKind() == SqlKind.NULLS_LAST;
      }
      expression = call.operand(0);
    }
    return new OrderByExpression(rewriter.apply(rewriter.ordinal(ExpressionConverter.convert(expression))),
        ascending, nullsLast != null ? nullsLast : ascending);
  }

  private static String tableName(@Nullable SqlNode from) {
    if (from == null) {
      throw QueryErrorCode.QUERY_VALIDATION.asException("Data source (FROM clause) not found");
    }
    if (from instanceof SqlIdentifier identifier) {
      return String.join(".", identifier.names);
    }
    if (from instanceof SqlBasicCall call && call.getKind() == SqlKind.AS
        && call.operand(0) instanceof SqlIdentifier identifier) {
      return String.join(".", identifier.names);
    }
    if (from instanceof SqlJoin) {
      throw QueryErrorCode.QUERY_VALIDATION.asException("JOIN is not supported");
    }
    throw SqlParsing.unsupported("FROM clause[" + from + "]");
  }

  private static int limitValue(@Nullable SqlNode node, int defaultValue) {
    if (node == null) {
      return defaultValue;
    }
    if (node instanceof SqlNumericLiteral literal && literal.isInteger()) {
      BigDecimal value = literal.getValueAs(BigDecimal.class);
      if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
        throw QueryErrorCode.SQL_PARSING.asException("LIMIT and OFFSET must be between 0 and " + Integer.MAX_VALUE);
      }
      return value.intValue();
    }
    throw QueryErrorCode.SQL_PARSING.asException("LIMIT and OFFSET must be integer literals: " + node);
  }

  /// Replaces ordinals (`GROUP BY 1`) and aliases by the select expressions they name, as Pinot's
  /// `OrdinalsUpdater` and `AliasApplier` do.
  private record AliasRewriter(List<Expression> selectExpressions, List<@Nullable String> aliases) {

    Expression ordinal(Expression expression) {
      if (expression instanceof Literal literal && literal.value() instanceof BigDecimal number
          && number.scale() <= 0) {
        int ordinal = number.intValue();
        if (ordinal < 1 || ordinal > selectExpressions.size()) {
          throw QueryErrorCode.SQL_PARSING.asException(
              "Expected Ordinal value to be between 1 and " + selectExpressions.size() + ".");
        }
        return selectExpressions.get(ordinal - 1);
      }
      return expression;
    }

    Expression apply(Expression expression) {
      return Expressions.mapIdentifiers(expression, identifier -> {
        int index = aliases.indexOf(identifier.name());
        return index >= 0 ? selectExpressions.get(index) : identifier;
      });
    }

    FilterNode apply(FilterNode filter) {
      return Expressions.mapFilter(filter, this::apply);
    }
  }
}
