// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.sql;

import io.pinot.query.context.Expression;
import io.pinot.query.context.FunctionCall;
import io.pinot.query.context.Identifier;
import io.pinot.query.context.Literal;
import io.pinot.query.function.AggregationFunctions;
import io.pinot.query.function.ScalarFunction;
import io.pinot.query.function.ScalarFunctions;
import io.pinot.spi.exception.QueryErrorCode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/// Converts Calcite expression nodes into [Expression]s: identifiers (compound names joined with `.`),
/// literals, and function calls with Pinot's canonical names (`COUNT(DISTINCT x)` becomes
/// `distinctcount(x)`, arithmetic operators become `plus`, `minus`, `times`, `divide`, `mod`).
/// Constructs the engine cannot run yet fail with QUERY_PLANNING (720). Thread-safe (no state).
final class ExpressionConverter {
  private ExpressionConverter() {
  }

  static Expression convert(SqlNode node) {
    return switch (node) {
      case SqlIdentifier identifier -> identifier(identifier);
      case SqlLiteral literal -> literal(literal);
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
      case CAST, CASE, OTHER, ITEM, DOT -> throw SqlParsing.unsupported(kind.name() + " expression[" + call + "]");
      default -> {
        return function(call);
      }
    }
  }

  private static Expression function(SqlCall call) {
    if (call.getKind().belongsTo(SqlKind.BINARY_COMPARISON) || call.getKind() == SqlKind.AND
        || call.getKind() == SqlKind.OR || call.getKind() == SqlKind.NOT) {
      throw SqlParsing.unsupported("Boolean expression[" + call + "] outside WHERE and HAVING");
    }
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

  /// A call of a registered scalar function on literals only is evaluated now (as Pinot's
  /// `CompileTimeFunctionsInvoker`); anything else stays a call.
  private static Expression fold(FunctionCall call) {
    ScalarFunction function = ScalarFunctions.lookup(call.name());
    if (function == null || !function.acceptsArity(call.arguments().size())) {
      return call;
    }
    List<Object> values = new ArrayList<>(call.arguments().size());
    for (Expression argument : call.arguments()) {
      if (!(argument instanceof Literal literal)) {
        return call;
      }
      values.add(literal.value());
    }
    try {
      return new Literal(function.evaluate(values));
    } catch (RuntimeException e) {
      throw QueryErrorCode.SQL_PARSING.asException("Cannot evaluate " + call + ": " + e.getMessage());
    }
  }

  /// Whether a statement calls a non-deterministic scalar function (`now()`), whose folded value must not
  /// be cached with the compiled query.
  static boolean callsNonDeterministic(SqlNode node) {
    Boolean found = node.accept(new SqlBasicVisitor<Boolean>() {
      @Override
      public Boolean visit(SqlCall call) {
        ScalarFunction function = ScalarFunctions.lookup(FunctionCall.canonicalName(call.getOperator().getName()));
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
      if (operand != null) {
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
