// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.context;

import static java.util.Objects.requireNonNull;

import io.pinot.query.function.AggregationFunction;
import io.pinot.query.function.AggregationFunctions;
import io.pinot.query.function.NullSkippingFunction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// A compiled single-stage query: what to select, filter, group, order and limit, after aliases and
/// ordinals were applied (GROUP BY, HAVING and ORDER BY refer to expressions, never to aliases). Derived
/// facts (the [QueryType] and the distinct [AggregationFunction]s of SELECT, HAVING and ORDER BY, in
/// order of first use) are computed once. Immutable and thread-safe.
public final class QueryContext {
  private final String tableName;
  private final List<Expression> selectExpressions;
  private final List<@Nullable String> aliases;
  private final @Nullable FilterNode filter;
  private final List<Expression> groupByExpressions;
  private final @Nullable FilterNode having;
  private final List<OrderByExpression> orderByExpressions;
  private final int limit;
  private final int offset;
  private final boolean distinct;
  private final boolean explain;
  private final boolean nullHandlingEnabled;
  private final QueryType type;
  private final List<AggregationFunction> aggregations;
  private final Map<Expression, Integer> aggregationIndexes;

  private QueryContext(Builder builder) {
    this.tableName = requireNonNull(builder.tableName, "tableName is null");
    this.selectExpressions = List.copyOf(builder.selectExpressions);
    this.aliases = Collections.unmodifiableList(new ArrayList<>(builder.aliases));
    if (this.aliases.size() != this.selectExpressions.size()) {
      throw new IllegalArgumentException("One alias entry per select expression is required");
    }
    this.filter = builder.filter;
    this.groupByExpressions = List.copyOf(builder.groupByExpressions);
    this.having = builder.having;
    this.orderByExpressions = List.copyOf(builder.orderByExpressions);
    this.limit = builder.limit;
    this.offset = builder.offset;
    this.distinct = builder.distinct;
    this.explain = builder.explain;
    this.nullHandlingEnabled = builder.nullHandlingEnabled;
    Map<Expression, Integer> indexes = new LinkedHashMap<>();
    List<AggregationFunction> functions = new ArrayList<>();
    for (Expression expression : selectExpressions) {
      collectAggregations(expression, functions, indexes, nullHandlingEnabled);
    }
    if (having != null) {
      collectAggregations(having, functions, indexes, nullHandlingEnabled);
    }
    for (OrderByExpression orderBy : orderByExpressions) {
      collectAggregations(orderBy.expression(), functions, indexes, nullHandlingEnabled);
    }
    this.aggregations = List.copyOf(functions);
    this.aggregationIndexes = Collections.unmodifiableMap(indexes);
    this.type = !this.groupByExpressions.isEmpty() ? QueryType.GROUP_BY
        : functions.isEmpty() ? QueryType.SELECTION : QueryType.AGGREGATION;
  }

  public static Builder builder(String tableName) {
    return new Builder(tableName);
  }

  /// A builder of the same query with other parts.
  public Builder toBuilder() {
    return new Builder(tableName).select(selectExpressions, aliases).filter(filter).groupBy(groupByExpressions)
        .having(having).orderBy(orderByExpressions).limit(limit).offset(offset).distinct(distinct).explain(explain)
        .nullHandlingEnabled(nullHandlingEnabled);
  }

  /// Builds a [QueryContext]. Defaults: no filter, no GROUP BY, no HAVING, no ORDER BY, LIMIT 10
  /// (Pinot's implicit limit), OFFSET 0. Not thread-safe.
  public static final class Builder {
    /// Pinot's implicit LIMIT of selection and group-by queries.
    public static final int DEFAULT_LIMIT = 10;

    private final String tableName;
    private List<Expression> selectExpressions = List.of();
    private List<@Nullable String> aliases = List.of();
    private @Nullable FilterNode filter;
    private List<Expression> groupByExpressions = List.of();
    private @Nullable FilterNode having;
    private List<OrderByExpression> orderByExpressions = List.of();
    private int limit = DEFAULT_LIMIT;
    private int offset;
    private boolean distinct;
    private boolean explain;
    private boolean nullHandlingEnabled;

    private Builder(String tableName) {
      this.tableName = tableName;
    }

    /// @param newAliases one entry per select expression, null where there is no alias
    public Builder select(List<Expression> expressions, List<@Nullable String> newAliases) {
      this.selectExpressions = expressions;
      this.aliases = newAliases;
      return this;
    }

    public Builder filter(@Nullable FilterNode newFilter) {
      this.filter = newFilter;
      return this;
    }

    /// Empty without GROUP BY; DISTINCT puts its select list here.
    public Builder groupBy(List<Expression> expressions) {
      this.groupByExpressions = expressions;
      return this;
    }

    public Builder having(@Nullable FilterNode newHaving) {
      this.having = newHaving;
      return this;
    }

    public Builder orderBy(List<OrderByExpression> expressions) {
      this.orderByExpressions = expressions;
      return this;
    }

    public Builder limit(int newLimit) {
      if (newLimit < 0) {
        throw new IllegalArgumentException("LIMIT must not be negative");
      }
      this.limit = newLimit;
      return this;
    }

    public Builder offset(int newOffset) {
      if (newOffset < 0) {
        throw new IllegalArgumentException("OFFSET must not be negative");
      }
      this.offset = newOffset;
      return this;
    }

    /// Marks a `SELECT DISTINCT` (result columns keep the select names).
    public Builder distinct(boolean isDistinct) {
      this.distinct = isDistinct;
      return this;
    }

    /// Marks an `EXPLAIN PLAN FOR` query: servers and the broker answer with the plan instead of running it.
    public Builder explain(boolean isExplain) {
      this.explain = isExplain;
      return this;
    }

    /// Sets Pinot's `enableNullHandling` query option (three-valued logic, null-skipping aggregations).
    public Builder nullHandlingEnabled(boolean enabled) {
      this.nullHandlingEnabled = enabled;
      return this;
    }

    /// @throws io.pinot.spi.exception.QueryException QUERY_PLANNING for aggregations not supported yet
    public QueryContext build() {
      return new QueryContext(this);
    }
  }

  private static void collectAggregations(Object node, List<AggregationFunction> functions,
      Map<Expression, Integer> indexes, boolean nullHandling) {
    switch (node) {
      case FunctionCall call when AggregationFunctions.isAggregation(call.name()) -> {
        if (!indexes.containsKey(call)) {
          AggregationFunction function = AggregationFunctions.create(call);
          if (nullHandling) {
            function = NullSkippingFunction.of(call, function);
          }
          int index = functions.indexOf(function);
          if (index < 0) {
            index = functions.size();
            functions.add(function);
          }
          indexes.put(call, index);
        }
      }
      case FunctionCall call -> {
        for (Expression argument : call.arguments()) {
          collectAggregations(argument, functions, indexes, nullHandling);
        }
      }
      case FilterNode.And and -> and.children().forEach(child -> collectAggregations(child, functions, indexes,
          nullHandling));
      case FilterNode.Or or -> or.children().forEach(child -> collectAggregations(child, functions, indexes,
          nullHandling));
      case FilterNode.Not not -> collectAggregations(not.child(), functions, indexes, nullHandling);
      case Predicate predicate -> collectAggregations(predicate.lhs(), functions, indexes, nullHandling);
      default -> {
      }
    }
  }

  public String tableName() {
    return tableName;
  }

  public List<Expression> selectExpressions() {
    return selectExpressions;
  }

  public List<@Nullable String> aliases() {
    return aliases;
  }

  public @Nullable FilterNode filter() {
    return filter;
  }

  public List<Expression> groupByExpressions() {
    return groupByExpressions;
  }

  public @Nullable FilterNode having() {
    return having;
  }

  public List<OrderByExpression> orderByExpressions() {
    return orderByExpressions;
  }

  public int limit() {
    return limit;
  }

  public int offset() {
    return offset;
  }

  public boolean distinct() {
    return distinct;
  }

  public QueryType type() {
    return type;
  }

  /// Whether this is an `EXPLAIN PLAN FOR` query.
  public boolean explain() {
    return explain;
  }

  /// Whether the query runs with `enableNullHandling=true`.
  public boolean nullHandlingEnabled() {
    return nullHandlingEnabled;
  }

  /// The distinct aggregation functions, in order of first use.
  public List<AggregationFunction> aggregations() {
    return aggregations;
  }

  /// The index in [#aggregations()] of an aggregation call, or -1 when the expression is not one.
  public int aggregationIndex(Expression expression) {
    Integer index = aggregationIndexes.get(expression);
    return index == null ? -1 : index;
  }

  /// Whether the select list is `*`.
  public boolean isSelectStar() {
    return selectExpressions.size() == 1 && selectExpressions.get(0) instanceof Identifier id && id.isStar();
  }

  @Override
  public String toString() {
    return "QueryContext{table=" + tableName + ", select=" + selectExpressions + ", filter=" + filter + ", groupBy="
        + groupByExpressions + ", having=" + having + ", orderBy=" + orderByExpressions + ", limit=" + limit
        + ", offset=" + offset + "}";
  }
}
