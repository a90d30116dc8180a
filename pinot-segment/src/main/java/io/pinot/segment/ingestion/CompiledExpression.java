// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.ingestion;

import io.pinot.common.function.FunctionRegistry;
import io.pinot.common.function.ScalarFunction;
import io.pinot.common.function.ScalarType;
import io.pinot.segment.ingestion.Expression.Call;
import io.pinot.segment.ingestion.Expression.Identifier;
import io.pinot.segment.ingestion.Expression.Literal;
import io.pinot.spi.data.readers.GenericRow;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/// An ingestion expression compiled against a [FunctionRegistry], evaluated once per input row (Pinot's
/// `InbuiltFunctionEvaluator`). Functions are resolved by name and arity at compile time; calls whose arguments are
/// all constants are folded (except non-deterministic ones such as `now()`); functions with constant arguments get
/// their specialized body (compiled regular expressions, JSON paths, date patterns). `AND`, `OR` and `CASE`
/// evaluate lazily with SQL's three-valued logic; any other function with a null argument gives null unless it
/// accepts nulls, as in Pinot's ingestion. Groovy scripts are rejected. Immutable and thread-safe.
public final class CompiledExpression {
  private final String text;
  private final Node root;
  private final List<String> inputColumns;

  private sealed interface Node permits Constant, Column, Function, And, Or, CaseWhen {
    @Nullable Object evaluate(GenericRow row);
  }

  private record Constant(@Nullable Object value) implements Node {
    @Override
    public @Nullable Object evaluate(GenericRow row) {
      return value;
    }
  }

  private record Column(String name) implements Node {
    @Override
    public @Nullable Object evaluate(GenericRow row) {
      return row.getValue(name);
    }
  }

  private record Function(ScalarFunction function, Node[] arguments) implements Node {
    @Override
    public @Nullable Object evaluate(GenericRow row) {
      @Nullable Object[] values = new Object[arguments.length];
      for (int i = 0; i < values.length; i++) {
        values[i] = arguments[i].evaluate(row);
      }
      return function.invoke(values);
    }
  }

  private record And(Node[] operands) implements Node {
    @Override
    public @Nullable Object evaluate(GenericRow row) {
      boolean sawNull = false;
      for (Node operand : operands) {
        Boolean value = bool(operand.evaluate(row));
        if (value == null) {
          sawNull = true;
        } else if (!value) {
          return false;
        }
      }
      return sawNull ? null : true;
    }
  }

  private record Or(Node[] operands) implements Node {
    @Override
    public @Nullable Object evaluate(GenericRow row) {
      boolean sawNull = false;
      for (Node operand : operands) {
        Boolean value = bool(operand.evaluate(row));
        if (value == null) {
          sawNull = true;
        } else if (value) {
          return true;
        }
      }
      return sawNull ? null : false;
    }
  }

  /// `case(condition1, value1, ..., [else])`: only the chosen branch is evaluated.
  private record CaseWhen(Node[] arguments) implements Node {
    @Override
    public @Nullable Object evaluate(GenericRow row) {
      int pairs = arguments.length / 2;
      for (int i = 0; i < pairs; i++) {
        if (Boolean.TRUE.equals(bool(arguments[2 * i].evaluate(row)))) {
          return arguments[2 * i + 1].evaluate(row);
        }
      }
      return arguments.length % 2 == 1 ? arguments[arguments.length - 1].evaluate(row) : null;
    }
  }

  private CompiledExpression(String text, Node root, List<String> inputColumns) {
    this.text = text;
    this.root = root;
    this.inputColumns = List.copyOf(inputColumns);
  }

  /// Parses and compiles an expression.
  ///
  /// @throws IllegalArgumentException when the expression is malformed, uses Groovy, or names an unknown function
  ///     or a function with the wrong number of arguments
  public static CompiledExpression compile(String text, FunctionRegistry registry) {
    Objects.requireNonNull(text, "text is null");
    Expression parsed = ExpressionParser.parse(text);
    Set<String> columns = new LinkedHashSet<>();
    Node root = new Compiler(text, registry, columns).compile(parsed);
    return new CompiledExpression(text, root, new ArrayList<>(columns));
  }

  /// Evaluates the expression on a row.
  ///
  /// @throws RuntimeException when a function rejects its arguments
  public @Nullable Object evaluate(GenericRow row) {
    return root.evaluate(row);
  }

  /// The input fields the expression reads, in order of first appearance.
  public List<String> inputColumns() {
    return inputColumns;
  }

  /// Whether the whole expression folded to a constant.
  public boolean isConstant() {
    return root instanceof Constant;
  }

  @Override
  public String toString() {
    return text;
  }

  private static @Nullable Boolean bool(@Nullable Object value) {
    return value == null ? null : (Boolean) ScalarType.BOOLEAN.convert(value);
  }

  /// Turns parsed expressions into nodes. Not thread-safe.
  private record Compiler(String text, FunctionRegistry registry, Set<String> columns) {
    Node compile(Expression expression) {
      return switch (expression) {
        case Literal literal -> new Constant(literal.value());
        case Identifier identifier -> {
          columns.add(identifier.name());
          yield new Column(identifier.name());
        }
        case Call call -> call(call);
      };
    }

    private Node call(Call call) {
      String canonical = FunctionRegistry.canonicalize(call.name());
      if (canonical.equals("groovy")) {
        throw new IllegalArgumentException("Groovy functions are disabled (as in Apache Pinot, where "
            + "controller.disable.ingestion.groovy defaults to true): rewrite '" + text + "' with the built-in scalar "
            + "functions, e.g. CASE WHEN ... THEN ... END, concat(a, b, ' '), arrayMax(values)");
      }
      Node[] arguments = new Node[call.arguments().size()];
      for (int i = 0; i < arguments.length; i++) {
        arguments[i] = compile(call.arguments().get(i));
      }
      switch (canonical) {
        case "and" -> {
          return foldLogic(new And(arguments), arguments);
        }
        case "or" -> {
          return foldLogic(new Or(arguments), arguments);
        }
        case "case", "casewhen" -> {
          if (arguments.length < 2) {
            throw new IllegalArgumentException("Invalid expression '" + text + "': CASE needs WHEN and THEN");
          }
          return foldLogic(new CaseWhen(arguments), arguments);
        }
        default -> {
          return function(call, arguments);
        }
      }
    }

    private Node function(Call call, Node[] arguments) {
      ScalarFunction function = registry.lookup(call.name(), arguments.length);
      if (function == null) {
        throw new IllegalArgumentException(registry.contains(call.name())
            ? "Unsupported function: " + call.name() + " with " + arguments.length + " arguments in '" + text + "'"
            : "Unsupported function: " + call.name() + " in '" + text + "'");
      }
      if (function.name().equals("cast") && arguments[1] instanceof Constant(Object type) && type != null) {
        checkCastType(type.toString());
      }
      @Nullable Object[] constants = new Object[arguments.length];
      boolean allConstant = true;
      for (int i = 0; i < arguments.length; i++) {
        if (arguments[i] instanceof Constant(Object value)) {
          constants[i] = value;
        } else {
          allConstant = false;
        }
      }
      ScalarFunction specialized;
      try {
        specialized = function.specialize(constants);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("Invalid expression '" + text + "': " + e.getMessage(), e);
      }
      Node node = new Function(specialized, arguments);
      if (allConstant && function.deterministic()) {
        try {
          return new Constant(node.evaluate(new GenericRow()));
        } catch (RuntimeException e) {
          throw new IllegalArgumentException("Invalid expression '" + text + "': " + e.getMessage(), e);
        }
      }
      return node;
    }

    private static Node foldLogic(Node node, Node[] arguments) {
      for (Node argument : arguments) {
        if (!(argument instanceof Constant)) {
          return node;
        }
      }
      return new Constant(node.evaluate(new GenericRow()));
    }

    private void checkCastType(String type) {
      String upper = type.toUpperCase(Locale.ROOT);
      if (!upper.matches("INT|INTEGER|LONG|BIGINT|FLOAT|REAL|DOUBLE|BIG_DECIMAL|DECIMAL|BOOLEAN|TIMESTAMP|STRING"
          + "|VARCHAR|CHAR|JSON|BYTES|VARBINARY|SMALLINT|TINYINT|UTINYINT|USMALLINT|UINTEGER")) {
        throw new IllegalArgumentException("Invalid expression '" + text + "': unknown CAST type " + type);
      }
    }
  }
}
