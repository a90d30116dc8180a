// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.context;

/// An expression of a compiled query: a column, a literal or a function call. The `toString()` of each
/// kind is Pinot's canonical text, which names result columns (`count(*)`, `sum(runs)`). Immutable.
public sealed interface Expression permits Identifier, Literal, FunctionCall {
}
