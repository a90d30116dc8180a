// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.function;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/// The scalar functions by Pinot's names. Names are case-insensitive and underscores are ignored, as in Pinot's
/// `FunctionRegistry.canonicalize`, so `toEpochSeconds`, `TOEPOCHSECONDS` and `to_epoch_seconds` are one function;
/// aliases (`ceil`/`ceiling`, `dayOfMonth`/`day`) are registered as further names of the same signatures.
///
/// [#standard()] holds the built-in library: string, regexp, arithmetic, date-time, JSON, array, hash, conversion
/// and logical/comparison functions, plus the operator functions a SQL expression compiles to (`plus`, `equals`,
/// `and`, `case`...). A registry is immutable and thread-safe once built.
public final class FunctionRegistry {
  private static final FunctionRegistry STANDARD = createStandard();

  private final Map<String, List<ScalarFunction>> functions;

  private FunctionRegistry(Map<String, List<ScalarFunction>> functions) {
    Map<String, List<ScalarFunction>> copy = new TreeMap<>();
    functions.forEach((name, signatures) -> copy.put(name, List.copyOf(signatures)));
    this.functions = Collections.unmodifiableMap(copy);
  }

  /// The built-in function library.
  public static FunctionRegistry standard() {
    return STANDARD;
  }

  private static FunctionRegistry createStandard() {
    Builder builder = new Builder();
    StringFunctions.register(builder);
    RegexpFunctions.register(builder);
    ArithmeticFunctions.register(builder);
    DateTimeFunctions.register(builder);
    JsonFunctions.register(builder);
    ArrayFunctions.register(builder);
    HashFunctions.register(builder);
    ConversionFunctions.register(builder);
    LogicalFunctions.register(builder);
    return builder.build();
  }

  /// The canonical form of a function name: lower case without underscores.
  public static String canonicalize(String name) {
    StringBuilder canonical = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c != '_') {
        canonical.append(c);
      }
    }
    return canonical.toString().toLowerCase(Locale.ROOT);
  }

  /// The signature of `name` taking `arity` arguments, or null when there is none.
  public @Nullable ScalarFunction lookup(String name, int arity) {
    List<ScalarFunction> signatures = functions.get(canonicalize(name));
    if (signatures == null) {
      return null;
    }
    for (ScalarFunction signature : signatures) {
      if (!signature.varArgs() && signature.acceptsArity(arity)) {
        return signature;
      }
    }
    for (ScalarFunction signature : signatures) {
      if (signature.acceptsArity(arity)) {
        return signature;
      }
    }
    return null;
  }

  /// All signatures registered under `name` (empty when the name is unknown).
  public List<ScalarFunction> signatures(String name) {
    return functions.getOrDefault(canonicalize(name), List.of());
  }

  /// Whether any signature is registered under `name`.
  public boolean contains(String name) {
    return functions.containsKey(canonicalize(name));
  }

  /// The canonical names, sorted.
  public List<String> names() {
    return List.copyOf(functions.keySet());
  }

  /// Collects function definitions; not thread-safe. The libraries register through [#define].
  public static final class Builder {
    private final Map<String, List<ScalarFunction>> functions = new TreeMap<>();

    /// Starts the definition of one signature registered under `name` and every alias.
    public Definition define(String name, String... aliases) {
      List<String> names = new ArrayList<>();
      names.add(name);
      names.addAll(Arrays.asList(aliases));
      return new Definition(this, names);
    }

    void add(List<String> names, ScalarFunction template) {
      for (String name : names) {
        String canonical = canonicalize(name);
        List<ScalarFunction> signatures = functions.computeIfAbsent(canonical, key -> new ArrayList<>());
        for (ScalarFunction existing : signatures) {
          if (existing.varArgs() == template.varArgs()
              && existing.argumentTypes().size() == template.argumentTypes().size()) {
            throw new IllegalStateException("Function[" + canonical + "] is defined twice with "
                + template.argumentTypes().size() + " arguments");
          }
        }
        signatures.add(new ScalarFunction(canonical, template.argumentTypes(), template.varArgs(),
            template.returnType(), template.returnTypeRule(), template.nullableArguments(), template.deterministic(),
            template.body(), template.longKernel(), template.doubleKernel(), template.specializer()));
      }
    }

    public FunctionRegistry build() {
      return new FunctionRegistry(functions);
    }
  }

  /// The definition of one signature under construction; [#body] completes and registers it. Not thread-safe.
  public static final class Definition {
    private final Builder builder;
    private final List<String> names;
    private List<ScalarType> argumentTypes = List.of();
    private boolean varArgs;
    private ScalarType returnType = ScalarType.OBJECT;
    private ScalarFunction.@Nullable ReturnTypeRule rule;
    private boolean nullableArguments;
    private boolean deterministic = true;
    private ScalarFunction.@Nullable LongKernel longKernel;
    private ScalarFunction.@Nullable DoubleKernel doubleKernel;
    private ScalarFunction.@Nullable Specializer specializer;

    private Definition(Builder builder, List<String> names) {
      this.builder = builder;
      this.names = List.copyOf(names);
    }

    public Definition args(ScalarType... types) {
      this.argumentTypes = List.of(types);
      return this;
    }

    /// The last argument type repeats (zero or more times).
    public Definition varArgs() {
      this.varArgs = true;
      return this;
    }

    public Definition returns(ScalarType type) {
      this.returnType = type;
      return this;
    }

    public Definition returns(ScalarFunction.ReturnTypeRule typeRule) {
      this.rule = typeRule;
      return this;
    }

    /// The body receives null arguments instead of the call returning null.
    public Definition nullable() {
      this.nullableArguments = true;
      return this;
    }

    public Definition nondeterministic() {
      this.deterministic = false;
      return this;
    }

    public Definition longKernel(ScalarFunction.LongKernel kernel) {
      this.longKernel = kernel;
      return this;
    }

    public Definition doubleKernel(ScalarFunction.DoubleKernel kernel) {
      this.doubleKernel = kernel;
      return this;
    }

    public Definition specializer(ScalarFunction.Specializer value) {
      this.specializer = value;
      return this;
    }

    /// Completes the definition with its implementation and registers it.
    public void body(ScalarFunction.Body body) {
      builder.add(names, new ScalarFunction(names.getFirst(), argumentTypes, varArgs, returnType, rule,
          nullableArguments, deterministic, body, longKernel, doubleKernel, specializer));
    }
  }
}
