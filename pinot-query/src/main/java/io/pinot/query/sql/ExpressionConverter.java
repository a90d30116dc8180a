// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.sql;

import io.pinot.query.context.Expression;
import io.pinot.query.context.FunctionCall;
import io.pinot.query.context.Identifier;
import io.pinot.query.context.Literal;
import io.pinot.query.function.AggregationFunctions;
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
        return new FunctionCall(arithmeticName(kind), operands(call));
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
    return new FunctionCall(name, operands(call));
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
