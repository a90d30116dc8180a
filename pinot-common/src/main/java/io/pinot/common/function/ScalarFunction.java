// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.function;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/// One signature of a scalar function: its canonical name, argument and result types, and its implementation.
/// Several signatures may share a name when their arities differ (`substr(s, begin)`, `substr(s, begin, end)`).
///
/// Two ways to call it:
/// - [#invoke(Object...)], the boxed path used per ingestion row and for literal folding: every argument is
///   converted to its declared [ScalarType] ([ScalarType#convert]), a null argument makes the result null unless
///   the function [#nullableArguments() accepts nulls], and the [Body] computes the result;
/// - typed block kernels ([#longKernel()], [#doubleKernel()]), present on the functions whose single argument and
///   result are LONG or DOUBLE (`toEpochSeconds`, `abs`, `sqrt`...), which a query engine calls once per block of
///   primitive values with no boxing. Callers fall back to [#invoke] when a kernel is absent.
///
/// Polymorphic functions (`plus`, `abs`, `greatest`, comparisons) declare OBJECT arguments, dispatch on the runtime
/// types of the values, and derive their result type from the argument types with [#returnType(List)].
/// Immutable and thread-safe: bodies and kernels keep no state.
///
/// @param name the canonical name (lower case, no underscores), as [FunctionRegistry#canonicalize] makes it
/// @param argumentTypes the declared argument types; with `varArgs` the last one repeats
/// @param varArgs whether the last argument may repeat (including zero times)
/// @param returnType the declared result type (OBJECT for polymorphic functions)
/// @param returnTypeRule derives the result type from argument types, or null to use `returnType`
/// @param nullableArguments whether the body receives null arguments (else a null argument gives a null result)
/// @param deterministic whether equal arguments always give equal results (`now()` does not)
/// @param body the implementation on converted arguments
/// @param longKernel the block implementation of a LONG to LONG function, or null
/// @param doubleKernel the block implementation of a DOUBLE to DOUBLE function, or null
/// @param specializer prepares a faster body when some arguments are constants (compiled regular expressions,
///     parsed date patterns), or null
public record ScalarFunction(String name, List<ScalarType> argumentTypes, boolean varArgs, ScalarType returnType,
    @Nullable ReturnTypeRule returnTypeRule, boolean nullableArguments, boolean deterministic, Body body,
    @Nullable LongKernel longKernel, @Nullable DoubleKernel doubleKernel, @Nullable Specializer specializer) {

  /// The implementation of a function on arguments already converted to their declared types.
  @FunctionalInterface
  public interface Body {
    /// Computes the result; may return null (SQL NULL).
    ///
    /// @throws RuntimeException when the arguments are invalid for the function (bad pattern, unknown unit...)
    @Nullable Object apply(@Nullable Object[] arguments);
  }

  /// Derives a polymorphic function's result type from its argument types.
  @FunctionalInterface
  public interface ReturnTypeRule {
    ScalarType resolve(List<ScalarType> argumentTypes);
  }

  /// Block kernel of a LONG to LONG function: `out[i] = f(in[i])` for `i < length`; `in` and `out` may be the same
  /// array.
  @FunctionalInterface
  public interface LongKernel {
    void apply(long[] in, long[] out, int length);
  }

  /// Block kernel of a DOUBLE to DOUBLE function: `out[i] = f(in[i])` for `i < length`; `in` and `out` may be the
  /// same array.
  @FunctionalInterface
  public interface DoubleKernel {
    void apply(double[] in, double[] out, int length);
  }

  /// Prepares a body for calls whose constant arguments are known in advance (Pinot's "Const" function variants).
  @FunctionalInterface
  public interface Specializer {
    /// A body equivalent to the function's for arguments whose constant positions hold `constants[i]` (converted
    /// to the declared types; null where the argument is not constant).
    ///
    /// @throws RuntimeException when a constant is invalid (a malformed regular expression...)
    Body specialize(@Nullable Object[] constants);
  }

  public ScalarFunction {
    Objects.requireNonNull(name, "name is null");
    argumentTypes = List.copyOf(argumentTypes);
    Objects.requireNonNull(returnType, "returnType is null");
    Objects.requireNonNull(body, "body is null");
    if (varArgs && argumentTypes.isEmpty()) {
      throw new IllegalArgumentException("Function[" + name + "] with varArgs needs an argument type");
    }
  }

  /// Whether the function accepts `count` arguments.
  public boolean acceptsArity(int count) {
    return varArgs ? count >= argumentTypes.size() - 1 : count == argumentTypes.size();
  }

  /// The declared type of argument `index` (0-based).
  public ScalarType argumentType(int index) {
    return varArgs && index >= argumentTypes.size() - 1 ? argumentTypes.getLast() : argumentTypes.get(index);
  }

  /// The result type for arguments of the given types.
  public ScalarType returnType(List<ScalarType> actualArgumentTypes) {
    return returnTypeRule == null ? returnType : returnTypeRule.resolve(actualArgumentTypes);
  }

  /// Evaluates the function on boxed values of any Java type (see the class documentation).
  ///
  /// @throws IllegalArgumentException when the number of arguments is wrong or an argument cannot be converted
  /// @throws RuntimeException when the function rejects its arguments
  public @Nullable Object invoke(@Nullable Object... arguments) {
    if (!acceptsArity(arguments.length)) {
      throw new IllegalArgumentException("Function[" + name + "] does not take " + arguments.length + " arguments");
    }
    @Nullable Object[] converted = new Object[arguments.length];
    for (int i = 0; i < arguments.length; i++) {
      Object argument = arguments[i];
      if (argument == null) {
        if (!nullableArguments) {
          return null;
        }
        continue;
      }
      try {
        converted[i] = argumentType(i).convert(argument);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("Function[" + name + "] argument " + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return body.apply(converted);
  }

  /// This function with its body specialized for the given constant arguments (null entries are not constant);
  /// the same function when it has no specializer. Call once per expression, then [#invoke] per row.
  ///
  /// @throws IllegalArgumentException when a constant cannot be converted or is invalid for the function
  public ScalarFunction specialize(@Nullable Object[] constantArguments) {
    if (specializer == null) {
      return this;
    }
    @Nullable Object[] converted = new Object[constantArguments.length];
    for (int i = 0; i < constantArguments.length; i++) {
      Object constant = constantArguments[i];
      converted[i] = constant == null ? null : argumentType(i).convert(constant);
    }
    return new ScalarFunction(name, argumentTypes, varArgs, returnType, returnTypeRule, nullableArguments,
        deterministic, specializer.specialize(converted), longKernel, doubleKernel, null);
  }

  /// The signature as `name(TYPE, TYPE...) -> TYPE`, for messages and documentation.
  public String signature() {
    StringBuilder text = new StringBuilder(name).append('(');
    for (int i = 0; i < argumentTypes.size(); i++) {
      text.append(i == 0 ? "" : ", ").append(argumentTypes.get(i));
    }
    return text.append(varArgs ? "...) -> " : ") -> ").append(returnType).toString();
  }
}
