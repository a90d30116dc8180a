// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.transform;

import io.pinot.common.function.FunctionRegistry;
import io.pinot.common.function.ScalarFunction;
import io.pinot.common.function.ScalarType;
import io.pinot.query.context.Expression;
import io.pinot.query.context.FunctionCall;
import io.pinot.query.context.Identifier;
import io.pinot.query.context.Literal;
import io.pinot.spi.data.DataType;
import io.pinot.spi.exception.QueryErrorCode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/// The result type of a transform expression from the types of the columns it reads, the same on the broker, on
/// servers before any segment is read, and in [TransformCompiler]. The rules follow Pinot's single-stage engine:
/// `plus`, `minus`, `times`, `divide` and `mod` give DOUBLE (BIG_DECIMAL when an operand is BIG_DECIMAL),
/// comparisons and logic give BOOLEAN, `cast` gives its target type, `case` and `coalesce` the widest type of their
/// values, and every other function the result type of its registered signature ([FunctionRegistry#standard()]).
/// Thread-safe (no state).
public final class TransformTypes {
  /// Functions computed by [TransformCompiler] itself rather than through the registry.
  static final Set<String> ARITHMETIC = Set.of("plus", "minus", "times", "divide", "mod");

  private TransformTypes() {
  }

  /// The type of an expression's values.
  ///
  /// @param type the logical type (INT, LONG, FLOAT, DOUBLE, BIG_DECIMAL, BOOLEAN, TIMESTAMP, STRING, JSON, BYTES)
  /// @param singleValue false for multi-value (array) results
  public record ValueType(DataType type, boolean singleValue) {
    ScalarType scalarType() {
      return ScalarType.of(type, singleValue);
    }
  }

  /// The result type of `expression`; `columns` gives the type of a column (null when unknown).
  ///
  /// @throws io.pinot.spi.exception.QueryException UNKNOWN_COLUMN for an unknown column, QUERY_VALIDATION for an
  ///     unknown function or a wrong number of arguments
  public static ValueType of(Expression expression, Function<String, @Nullable ValueType> columns) {
    return switch (expression) {
      case Identifier identifier -> {
        ValueType type = columns.apply(identifier.name());
        if (type == null) {
          throw QueryErrorCode.UNKNOWN_COLUMN.asException("Unknown columnName '" + identifier.name()
              + "' found in the query");
        }
        yield type;
      }
      case Literal literal -> literal(literal);
      case FunctionCall call -> call(call, columns);
    };
  }

  /// The type of a literal: integral numbers INT or LONG (BIG_DECIMAL beyond), other numbers DOUBLE.
  public static ValueType literal(Literal literal) {
    return switch (literal.value()) {
      case BigDecimal decimal -> new ValueType(integralType(decimal), true);
      case Double d -> new ValueType(DataType.DOUBLE, true);
      case Boolean b -> new ValueType(DataType.BOOLEAN, true);
      default -> new ValueType(DataType.STRING, true);
    };
  }

  private static DataType integralType(BigDecimal decimal) {
    if (decimal.signum() != 0 && decimal.stripTrailingZeros().scale() > 0) {
      return DataType.DOUBLE;
    }
    try {
      long value = decimal.longValueExact();
      return value == (int) value ? DataType.INT : DataType.LONG;
    } catch (ArithmeticException e) {
      return DataType.BIG_DECIMAL;
    }
  }

  private static ValueType call(FunctionCall call, Function<String, @Nullable ValueType> columns) {
    List<ValueType> arguments = new ArrayList<>(call.arguments().size());
    for (Expression argument : call.arguments()) {
      arguments.add(of(argument, columns));
    }
    String name = call.name();
    if (ARITHMETIC.contains(name) && arguments.size() == 2) {
      boolean decimal = arguments.get(0).type() == DataType.BIG_DECIMAL
          || arguments.get(1).type() == DataType.BIG_DECIMAL;
      return new ValueType(decimal ? DataType.BIG_DECIMAL : DataType.DOUBLE, true);
    }
    switch (name) {
      case "cast" -> {
        return new ValueType(castTarget(call), true);
      }
      case "case", "casewhen" -> {
        List<ValueType> values = new ArrayList<>();
        for (int i = 1; i < arguments.size(); i += 2) {
          values.add(arguments.get(i));
        }
        if (arguments.size() % 2 == 1) {
          values.add(arguments.getLast());
        }
        return new ValueType(widest(values), true);
      }
      case "coalesce" -> {
        return new ValueType(widest(arguments), true);
      }
      case "valuein" -> {
        if (arguments.size() < 2 || arguments.get(0).singleValue()) {
          throw QueryErrorCode.QUERY_VALIDATION.asException("valueIn needs a multi-value column and values: " + call);
        }
        return new ValueType(arguments.get(0).type(), false);
      }
      case "datetimeconvert" -> {
        lookup(call);
        boolean text = call.arguments().get(2) instanceof Literal format
            && format.text().toUpperCase(Locale.ROOT).contains("SIMPLE_DATE_FORMAT");
        return new ValueType(text ? DataType.STRING : DataType.LONG, true);
      }
      default -> {
        ScalarFunction function = lookup(call);
        List<ScalarType> scalarTypes = new ArrayList<>(arguments.size());
        for (ValueType argument : arguments) {
          scalarTypes.add(argument.scalarType());
        }
        ScalarType result = function.returnType(scalarTypes);
        if (result == ScalarType.OBJECT) {
          return new ValueType(widest(arguments), true);
        }
        if (result == ScalarType.OBJECT_ARRAY) {
          // arrayDistinct(codes) keeps its array's element type; array(a, b) takes its values'; JSON paths are text
          for (ValueType argument : arguments) {
            if (!argument.singleValue()) {
              return new ValueType(argument.type(), false);
            }
          }
          boolean constructor = call.name().equals("array") || call.name().equals("arrayvalueconstructor");
          return new ValueType(constructor ? widest(arguments) : DataType.STRING, false);
        }
        return new ValueType(result.dataType(), !result.isArray());
      }
    }
  }

  /// Whether a call is computed without the registry (arithmetic, `case`, `cast`).
  public static boolean isKnown(FunctionCall call) {
    return ARITHMETIC.contains(call.name()) && call.arguments().size() == 2 || call.name().equals("case")
        || call.name().equals("valuein")
        || call.name().equals("casewhen") || call.name().equals("cast") && call.arguments().size() == 2;
  }

  /// The registered signature of a call.
  ///
  /// @throws io.pinot.spi.exception.QueryException QUERY_VALIDATION naming the function when there is none
  public static ScalarFunction lookup(FunctionCall call) {
    FunctionRegistry registry = FunctionRegistry.standard();
    ScalarFunction function = registry.lookup(call.name(), call.arguments().size());
    if (function == null) {
      throw QueryErrorCode.QUERY_VALIDATION.asException(registry.contains(call.name())
          ? "Function[" + call.name() + "] does not take " + call.arguments().size() + " arguments: " + call
          : "Unsupported function: " + call.name() + " in expression[" + call + "]");
    }
    return function;
  }

  /// The target type of `cast(value, 'TYPE')`.
  public static DataType castTarget(FunctionCall call) {
    if (call.arguments().size() != 2 || !(call.arguments().get(1) instanceof Literal literal)) {
      throw QueryErrorCode.QUERY_VALIDATION.asException("CAST needs a value and a type name: " + call);
    }
    return switch (literal.text().trim().toUpperCase(Locale.ROOT)) {
      case "INT", "INTEGER", "SMALLINT", "TINYINT" -> DataType.INT;
      case "LONG", "BIGINT" -> DataType.LONG;
      case "FLOAT", "REAL" -> DataType.FLOAT;
      case "DOUBLE" -> DataType.DOUBLE;
      case "BIG_DECIMAL", "DECIMAL" -> DataType.BIG_DECIMAL;
      case "BOOLEAN" -> DataType.BOOLEAN;
      case "TIMESTAMP" -> DataType.TIMESTAMP;
      case "STRING", "VARCHAR", "CHAR" -> DataType.STRING;
      case "JSON" -> DataType.JSON;
      case "BYTES", "VARBINARY" -> DataType.BYTES;
      default -> throw QueryErrorCode.QUERY_VALIDATION.asException("Unknown CAST type[" + literal.text() + "] in "
          + call);
    };
  }

  /// The widest of single-value types: numbers widen INT < LONG < FLOAT < DOUBLE < BIG_DECIMAL; equal types stay;
  /// anything else mixed is STRING.
  static DataType widest(List<ValueType> types) {
    DataType widest = null;
    for (ValueType type : types) {
      DataType next = type.type();
      if (widest == null || widest == next) {
        widest = next;
      } else if (numeric(widest) && numeric(next)) {
        widest = rank(next) > rank(widest) ? next : widest;
      } else {
        return DataType.STRING;
      }
    }
    return widest == null ? DataType.STRING : widest;
  }

  private static boolean numeric(DataType type) {
    return rank(type) >= 0;
  }

  private static int rank(DataType type) {
    return switch (type) {
      case INT -> 0;
      case LONG -> 1;
      case FLOAT -> 2;
      case DOUBLE -> 3;
      case BIG_DECIMAL -> 4;
      default -> -1;
    };
  }
}
