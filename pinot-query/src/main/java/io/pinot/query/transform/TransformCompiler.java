// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.transform;

import io.pinot.common.function.ScalarFunction;
import io.pinot.query.context.Expression;
import io.pinot.query.context.FunctionCall;
import io.pinot.query.context.Identifier;
import io.pinot.query.context.Literal;
import io.pinot.query.filter.NullBitmaps;
import io.pinot.query.function.AggregationFunctions;
import io.pinot.query.operator.BlockValues;
import io.pinot.query.operator.ProjectionBlock;
import io.pinot.query.transform.TransformTypes.ValueType;
import io.pinot.segment.spi.NullValueVectorReader;
import io.pinot.spi.data.DataType;
import io.pinot.spi.exception.QueryErrorCode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/// Compiles a transform expression (a literal or a function call over columns) into [BlockValues] evaluated block by
/// block over the slots of its arguments in a [ProjectionBlock]: arithmetic and `case` as typed loops, functions
/// with a typed kernel through the kernel, every other registered scalar function row by row. Result types follow
/// [TransformTypes]. Thread-safe (no state).
public final class TransformCompiler {
  private TransformCompiler() {
  }

  /// The values of `expression` in `block`.
  ///
  /// @throws io.pinot.spi.exception.QueryException QUERY_VALIDATION for unknown functions or wrong arguments,
  ///     QUERY_EXECUTION when a column is missing
  public static BlockValues compile(Expression expression, ProjectionBlock block) {
    return switch (expression) {
      case Identifier identifier -> block.source(block.slot(identifier.name()));
      case Literal literal -> new ConstantValues(TransformTypes.literal(literal).type(), literalValue(literal));
      case FunctionCall call -> call(call, block);
    };
  }

  /// The type of an expression in a segment (the segment's column types).
  public static ValueType typeOf(Expression expression, ProjectionBlock block) {
    return TransformTypes.of(expression, column -> {
      int slot = block.slot(column);
      return new ValueType(block.logicalType(slot), block.isSingleValue(slot));
    });
  }

  private static BlockValues call(FunctionCall call, ProjectionBlock block) {
    if (AggregationFunctions.isAggregation(call.name())) {
      throw QueryErrorCode.QUERY_VALIDATION.asException("Aggregation function[" + call.name()
          + "] cannot be nested in expression[" + call + "]");
    }
    ValueType type = typeOf(call, block);
    if (call.name().equals("valuein")) {
      return valueIn(call, block);
    }
    if (!type.singleValue()) {
      return new ArrayCallValues(call.toString(), TransformTypes.lookup(call), readers(call, block), type.type());
    }
    List<Expression> arguments = call.arguments();
    if (TransformTypes.ARITHMETIC.contains(call.name()) && arguments.size() == 2
        && type.type() == DataType.DOUBLE) {
      int left = numericSlot(arguments.get(0), block, call);
      int right = numericSlot(arguments.get(1), block, call);
      return new ArithmeticValues(block, call.name(), left, right);
    }
    if ((call.name().equals("isnull") || call.name().equals("isnotnull")) && arguments.size() == 1) {
      NullValueVectorReader vector = null;
      if (arguments.get(0) instanceof Identifier column) {
        block.slot(column.name());
        vector = block.segment().dataSource(column.name()).nullValueVector();
      }
      return new NullFlagValues(block, vector, call.name().equals("isnotnull"));
    }
    if (call.name().equals("case") || call.name().equals("casewhen")) {
      return caseWhen(call, block, type.type());
    }
    if (call.name().equals("cast")) {
      int slot = block.slot(arguments.get(0));
      if (block.isSingleValue(slot) && block.logicalType(slot) == type.type()) {
        return block.source(slot);
      }
    }
    ScalarFunction function = TransformTypes.lookup(call);
    if (arguments.size() == 1 && !(arguments.get(0) instanceof Literal)
        && KernelValues.applies(function, type.type())) {
      int slot = block.slot(arguments.get(0));
      if (block.isSingleValue(slot)) {
        return new KernelValues(block, slot, function, type.type());
      }
    }
    return new ScalarCallValues(call.toString(), function, readers(call, block), type.type());
  }

  /// Readers of a row-by-row call's arguments (under `enableNullHandling`, COALESCE's read nulls as null).
  private static ArgumentReader[] readers(FunctionCall call, ProjectionBlock block) {
    List<Expression> arguments = call.arguments();
    ArgumentReader[] readers = new ArgumentReader[arguments.size()];
    boolean nullAware = block.nullHandling() && call.name().equals("coalesce");
    for (int i = 0; i < readers.length; i++) {
      Expression argument = arguments.get(i);
      readers[i] = argument instanceof Literal literal ? ArgumentReader.constant(literalValue(literal))
          : ArgumentReader.slot(block, block.slot(argument));
      if (nullAware && !(argument instanceof Literal)) {
        readers[i].nullFor(NullBitmaps.ofExpression(block.segment(), argument));
      }
    }
    return readers;
  }

  private static BlockValues valueIn(FunctionCall call, ProjectionBlock block) {
    List<Object> values = new ArrayList<>();
    for (Expression argument : call.arguments().subList(1, call.arguments().size())) {
      if (!(argument instanceof Literal literal)) {
        throw QueryErrorCode.QUERY_VALIDATION.asException("valueIn takes literal values: " + call);
      }
      values.add(literal.value());
    }
    return new ValueInValues(block, block.slot(call.arguments().get(0)), values);
  }

  private static int numericSlot(Expression argument, ProjectionBlock block, FunctionCall call) {
    int slot = block.slot(argument);
    if (!block.isSingleValue(slot)) {
      throw QueryErrorCode.QUERY_VALIDATION.asException("Arguments of " + call.name()
          + " must be single-valued: " + call);
    }
    DataType type = block.logicalType(slot);
    if (type == DataType.BYTES || type == DataType.JSON || type == DataType.STRING) {
      throw QueryErrorCode.QUERY_VALIDATION.asException("Cannot apply " + call.name() + " to the " + type
          + " value " + argument + " in " + call + (type == DataType.STRING ? "; CAST it to a number first" : ""));
    }
    return slot;
  }

  private static BlockValues caseWhen(FunctionCall call, ProjectionBlock block, DataType type) {
    List<Expression> arguments = call.arguments();
    int pairs = arguments.size() / 2;
    int[] conditions = new int[pairs];
    int[] values = new int[pairs];
    for (int i = 0; i < pairs; i++) {
      conditions[i] = block.slot(arguments.get(2 * i));
      if (block.logicalType(conditions[i]) != DataType.BOOLEAN) {
        throw QueryErrorCode.QUERY_VALIDATION.asException("WHEN condition[" + arguments.get(2 * i)
            + "] is not a boolean expression in " + call);
      }
      values[i] = block.slot(arguments.get(2 * i + 1));
    }
    int elseSlot = arguments.size() % 2 == 1 ? block.slot(arguments.getLast()) : -1;
    return new CaseValues(block, conditions, values, elseSlot, type);
  }

  /// A literal's value in a scalar function's argument form (exact integers as `Long`).
  static @Nullable Object literalValue(Literal literal) {
    if (literal.value() instanceof BigDecimal decimal) {
      return switch (TransformTypes.literal(literal).type()) {
        case INT -> decimal.intValueExact();
        case LONG -> decimal.longValueExact();
        case DOUBLE -> decimal.doubleValue();
        default -> decimal;
      };
    }
    return literal.value();
  }
}
