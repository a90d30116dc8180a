// SPDX-License-Identifier: Apache-2.0
/// Pinot's scalar function library, shared by ingestion (`transformConfigs`, `filterConfig`) and the query engine
/// (transforms and literal folding).
///
/// Use: `FunctionRegistry.standard().lookup(name, arity)` resolves a [io.pinot.common.function.ScalarFunction]
/// by Pinot's name (case-insensitive, underscores ignored, aliases included) and argument count. A function declares
/// its argument and result [io.pinot.common.function.ScalarType]s (polymorphic ones derive the result type with
/// `returnType(argumentTypes)`), whether it is deterministic (only deterministic calls may be folded at compile
/// time), and offers three ways to run:
/// - `invoke(Object...)`: boxed values of any Java type, converted to the declared types; a null argument gives a
///   null result unless the function accepts nulls (this is ingestion's per-row path and literal folding's path);
/// - `specialize(constants)`: once per expression, a copy whose body has its constant arguments prepared
///   (compiled regular expressions, JSON paths, date patterns);
/// - `longKernel()` / `doubleKernel()`: block kernels over primitive arrays for single-argument LONG or DOUBLE
///   functions, for block-at-a-time transform operators; null when a function has none (fall back to `invoke`).
///
/// Adding a function is one `define(...)` in the library class of its group. Everything here is immutable and
/// thread-safe.
package io.pinot.common.function;
