// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.sql;

import io.pinot.common.function.FunctionRegistry;
import io.pinot.common.function.ScalarFunction;
import io.pinot.query.context.Expression;
import io.pinot.query.context.FunctionCall;
import io.pinot.query.context.Identifier;
import io.pinot.query.context.Literal;
import io.pinot.query.function.AggregationFunctions;
import io.pinot.spi.exception.QueryErrorCode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.fun.SqlBetweenOperator;
import org.apache.calcite.sql.fun.SqlCase;
import org.apache.calcite.sql.fun.SqlLikeOperator;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/// Converts Calcite expression nodes into [Expression]s: identifiers (compound names joined with `.`),
/// literals, and function calls with Pinot's canonical names (`COUNT(DISTINCT x)` becomes
/// `distinctcount(x)`, arithmetic operators become `plus`, `minus`, `times`, `divide`, `mod`).
/// Comparison and logical operators become the scalar functions `equals`, `greaterthan`, `and`...; `CAST(x AS T)`
/// becomes `cast(x,'T')` and `CASE` becomes `case(when1,then1,...,[else])`, as in Pinot.
/// Constructs the engine cannot run yet fail with QUERY_PLANNING (720). Thread-safe (no state).
final class ExpressionConverter {
  private ExpressionConverter() {
  }

  /// SQL operators that become calls of the scalar functions of the same meaning.
  private static final Map<SqlKind, String> OPERATOR_FUNCTIONS = Map.ofEntries(
      Map.entry(SqlKind.EQUALS, "equals"), Map.entry(SqlKind.NOT_EQUALS, "notequals"),
      Map.entry(SqlKind.GREATER_THAN, "greaterthan"), Map.entry(SqlKind.GREATER_THAN_OR_EQUAL, "greaterthanorequal"),
      Map.entry(SqlKind.LESS_THAN, "lessthan"), Map.entry(SqlKind.LESS_THAN_OR_EQUAL, "lessthanorequal"),
      Map.entry(SqlKind.AND, "and"), Map.entry(SqlKind.OR, "or"), Map.entry(SqlKind.NOT, "not"),
      Map.entry(SqlKind.IS_DISTINCT_FROM, "isdistinctfrom"),
      Map.entry(SqlKind.IS_NOT_DISTINCT_FROM, "isnotdistinctfrom"), Map.entry(SqlKind.IN, "in"),
      Map.entry(SqlKind.NOT_IN, "notin"), Map.entry(SqlKind.BETWEEN, "between"), Map.entry(SqlKind.LIKE, "like"),
      Map.entry(SqlKind.COALESCE, "coalesce"), Map.entry(SqlKind.IS_NULL, "isnull"),
      Map.entry(SqlKind.IS_NOT_NULL, "isnotnull"));

  static Expression convert(SqlNode node) {
    return switch (node) {
      case SqlIdentifier identifier -> identifier(identifier);
      case SqlLiteral literal -> literal(literal);
      case SqlCase sqlCase -> caseWhen(sqlCase);
      // A time unit keyword (`TIMESTAMPADD(DAY, 2, ts)`) is the unit's name, as the functions take it.
      case SqlIntervalQualifier unit -> new Literal(unit.timeUnitRange.startUnit.name());
      case SqlBasicCall call -> call(call);
      case SqlNodeList list -> throw SqlParsing.unsupported("Expression list " + list);
      default -> throw SqlParsing.unsupported("Expression[" + node + "]");
    };
  }

  static Identifier identifier(SqlIdentifier identifier) {
    if (identifier.isStar()) {
      if (identifier.names.size() > 1) {
        throw SqlParsing.unsupported("Qualified star[" + identifier + "]");
      }
      return Identifier.STAR;
    }
    return new Identifier(String.join(".", identifier.names));
  }

  static Literal literal(SqlLiteral literal) {
    if (literal instanceof SqlNumericLiteral numeric) {
      BigDecimal value = numeric.getValueAs(BigDecimal.class);
      return numeric.isExact() ? new Literal(value) : new Literal(value.doubleValue());
    }
    if (literal instanceof SqlCharStringLiteral) {
      return new Literal(literal.getValueAs(String.class));
    }
    SqlTypeName type = literal.getTypeName();
    if (type == SqlTypeName.BOOLEAN) {
      return new Literal(literal.booleanValue());
    }
    if (type == SqlTypeName.NULL) {
      throw SqlParsing.unsupported("NULL literal (null handling)");
    }
    Object value = literal.toValue();
    if (value == null) {
      throw SqlParsing.unsupported("Literal[" + literal + "]");
    }
    return new Literal(value.toString());
  }

  private static Expression call(SqlBasicCall call) {
    SqlKind kind = call.getKind();
    switch (kind) {
      case MINUS_PREFIX -> {
        if (call.operand(0) instanceof SqlNumericLiteral numeric) {
          Literal value = literal(numeric);
          return value.value() instanceof BigDecimal decimal ? new Literal(decimal.negate())
              : new Literal(-(Double) value.value());
        }
        return new FunctionCall("minus", List.of(new Literal(BigDecimal.ZERO), convert(call.operand(0))));
      }
      case PLUS_PREFIX -> {
        return convert(call.operand(0));
      }
      case PLUS, MINUS, TIMES, DIVIDE, MOD -> {
        return fold(new FunctionCall(arithmeticName(kind), operands(call)));
      }
      case AS -> throw QueryErrorCode.SQL_PARSING.asException("Alias is only allowed in the SELECT list: " + call);
      case CAST -> {
        return cast(call);
      }
      case OTHER, ITEM, DOT -> throw SqlParsing.unsupported(kind.name() + " expression[" + call + "]");
      case FILTER -> {
        // `agg FILTER (WHERE condition)`: the aggregation and its condition, see FilteredAggregationFunction.
        return new FunctionCall(AggregationFunctions.FILTER, List.of(convert(call.operand(0)),
            convert(call.operand(1))));
      }
      default -> {
        String operatorName = OPERATOR_FUNCTIONS.get(kind);
        if (operatorName != null) {
          Expression operator = fold(new FunctionCall(operatorName, operands(call)));
          boolean negated = call.getOperator() instanceof SqlBetweenOperator between && between.isNegated()
              || call.getOperator() instanceof SqlLikeOperator like && like.isNegated();
          return negated ? fold(new FunctionCall("not", List.of(operator))) : operator;
        }
        return function(call);
      }
    }
  }

  /// `CAST(x AS type)`: `cast(x,'TYPE')`, folded when `x` is a literal.
  private static Expression cast(SqlBasicCall call) {
    if (!(call.operand(1) instanceof SqlDataTypeSpec type)) {
      throw SqlParsing.unsupported("CAST expression[" + call + "]");
    }
    String typeName = type.getTypeName().getSimple().toUpperCase(Locale.ROOT);
    return fold(new FunctionCall("cast", List.of(convert(call.operand(0)), new Literal(typeName))));
  }

  /// `CASE WHEN c1 THEN v1 ... [ELSE e] END` as Pinot's `case(c1,v1,...,[e])`; `CASE x WHEN a THEN ...` compares
  /// `x` with each `a`.
  private static Expression caseWhen(SqlCase sqlCase) {
    List<Expression> arguments = new ArrayList<>();
    SqlNode value = sqlCase.getValueOperand();
    Expression compared = value == null ? null : convert(value);
    SqlNodeList whens = sqlCase.getWhenOperands();
    SqlNodeList thens = sqlCase.getThenOperands();
    for (int i = 0; i < whens.size(); i++) {
      Expression when = convert(whens.get(i));
      arguments.add(compared == null ? when : new FunctionCall("equals", List.of(compared, when)));
      arguments.add(convert(thens.get(i)));
    }
    SqlNode elseNode = sqlCase.getElseOperand();
    if (elseNode != null && !(elseNode instanceof SqlLiteral literal && literal.getTypeName() == SqlTypeName.NULL)) {
      arguments.add(convert(elseNode));
    }
    return new FunctionCall("case", arguments);
  }

  private static Expression function(SqlCall call) {
    String name = FunctionCall.canonicalName(call.getOperator().getName());
    SqlLiteral quantifier = call.getFunctionQuantifier();
    if (quantifier != null && "DISTINCT".equals(quantifier.toValue())) {
      name = switch (name) {
        case "count" -> "distinctcount";
        case "sum" -> "distinctsum";
        case "avg" -> "distinctavg";
        default -> {
          if (AggregationFunctions.isAggregation(name)) {
            throw QueryErrorCode.SQL_PARSING.asException("Function '" + call.getOperator().getName()
                + "' on DISTINCT is not supported.");
          }
          yield name;
        }
      };
    }
    return fold(new FunctionCall(name, operands(call)));
  }

  /// A call of a registered scalar function on literals only is evaluated now ([LiteralFolding]); anything else
  /// stays a call.
  private static Expression fold(FunctionCall call) {
    return LiteralFolding.fold(call);
  }

  /// Whether a statement calls a non-deterministic scalar function (`now()`), whose folded value must not
  /// be cached with the compiled query.
  static boolean callsNonDeterministic(SqlNode node) {
    Boolean found = node.accept(new SqlBasicVisitor<Boolean>() {
      @Override
      public Boolean visit(SqlCall call) {
        ScalarFunction function = FunctionRegistry.standard().lookup(call.getOperator().getName(),
            call.operandCount());
        if (function != null && !function.deterministic()) {
          return Boolean.TRUE;
        }
        for (SqlNode operand : call.getOperandList()) {
          if (operand != null && Boolean.TRUE.equals(operand.accept(this))) {
            return Boolean.TRUE;
          }
        }
        return Boolean.FALSE;
      }

      @Override
      public Boolean visit(SqlNodeList list) {
        for (SqlNode item : list) {
          if (item != null && Boolean.TRUE.equals(item.accept(this))) {
            return Boolean.TRUE;
          }
        }
        return Boolean.FALSE;
      }
    });
    return Boolean.TRUE.equals(found);
  }

  private static List<Expression> operands(SqlCall call) {
    List<Expression> operands = new ArrayList<>(call.operandCount());
    for (SqlNode operand : call.getOperandList()) {
      if (operand instanceof SqlNodeList list) {
        for (SqlNode item : list) {
          operands.add(convert(item));
        }
      } else if (operand != null) {
        operands.add(convert(operand));
      }
    }
    return operands;
  }

  private static String arithmeticName(SqlKind kind) {
    return switch (kind) {
      case PLUS -> "plus";
      case MINUS -> "minus";
      case TIMES -> "times";
      case DIVIDE -> "divide";
      default -> "mod";
    };
  }
}
