// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.context;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/// Tree rewrites and walks over expressions and filters. Thread-safe (no state).
public final class Expressions {
  private Expressions() {
  }

  /// The expression with every identifier (except `*`) replaced by `mapper`'s result.
  public static Expression mapIdentifiers(Expression expression, Function<Identifier, Expression> mapper) {
    return switch (expression) {
      case Identifier identifier -> identifier.isStar() ? identifier : mapper.apply(identifier);
      case Literal literal -> literal;
      case FunctionCall call -> {
        List<Expression> arguments = new ArrayList<>(call.arguments().size());
        for (Expression argument : call.arguments()) {
          arguments.add(mapIdentifiers(argument, mapper));
        }
        yield new FunctionCall(call.name(), arguments);
      }
    };
  }

  /// The filter with every predicate's left-hand side replaced by `mapper`'s result.
  public static FilterNode mapFilter(FilterNode filter, UnaryOperator<Expression> mapper) {
    return switch (filter) {
      case FilterNode.And and -> new FilterNode.And(mapChildren(and.children(), mapper));
      case FilterNode.Or or -> new FilterNode.Or(mapChildren(or.children(), mapper));
      case FilterNode.Not not -> new FilterNode.Not(mapFilter(not.child(), mapper));
      case Predicate.Eq eq -> new Predicate.Eq(mapper.apply(eq.lhs()), eq.value());
      case Predicate.NotEq notEq -> new Predicate.NotEq(mapper.apply(notEq.lhs()), notEq.value());
      case Predicate.In in -> new Predicate.In(mapper.apply(in.lhs()), in.values());
      case Predicate.NotIn notIn -> new Predicate.NotIn(mapper.apply(notIn.lhs()), notIn.values());
      case Predicate.Range range -> new Predicate.Range(mapper.apply(range.lhs()), range.lower(),
          range.lowerInclusive(), range.upper(), range.upperInclusive());
      case Predicate.Like like -> new Predicate.Like(mapper.apply(like.lhs()), like.pattern());
      case Predicate.RegexpLike regexpLike -> new Predicate.RegexpLike(mapper.apply(regexpLike.lhs()),
          regexpLike.pattern(), regexpLike.caseInsensitive());
      case Predicate.TextMatch textMatch -> new Predicate.TextMatch(mapper.apply(textMatch.lhs()),
          textMatch.query(), textMatch.options());
      case Predicate.JsonMatch json -> new Predicate.JsonMatch(mapper.apply(json.lhs()), json.filterText(),
          json.filter());
    };
  }

  private static List<FilterNode> mapChildren(List<FilterNode> children, UnaryOperator<Expression> mapper) {
    List<FilterNode> mapped = new ArrayList<>(children.size());
    for (FilterNode child : children) {
      mapped.add(mapFilter(child, mapper));
    }
    return mapped;
  }

  /// Adds the names of the columns an expression reads (not `*`) to `columns`.
  public static void collectColumns(Expression expression, Set<String> columns) {
    switch (expression) {
      case Identifier identifier -> {
        if (!identifier.isStar()) {
          columns.add(identifier.name());
        }
      }
      case Literal literal -> {
      }
      case FunctionCall call -> {
        for (Expression argument : call.arguments()) {
          collectColumns(argument, columns);
        }
      }
    }
  }

  /// Adds the names of the columns a filter reads to `columns`.
  public static void collectColumns(FilterNode filter, Set<String> columns) {
    switch (filter) {
      case FilterNode.And and -> and.children().forEach(child -> collectColumns(child, columns));
      case FilterNode.Or or -> or.children().forEach(child -> collectColumns(child, columns));
      case FilterNode.Not not -> collectColumns(not.child(), columns);
      case Predicate predicate -> collectColumns(predicate.lhs(), columns);
    }
  }
}
