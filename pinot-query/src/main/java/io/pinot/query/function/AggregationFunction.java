// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.function;

import io.pinot.common.datatable.ColumnDataType;
import io.pinot.query.context.Expression;

/// An aggregation of a query (`sum(runs)`): its name, argument, result naming and types, and a factory
/// of [ResultHolder]s that do the work. Instances are immutable descriptions, shared by all segments and
/// threads of a query; they are created by [AggregationFunctions].
public interface AggregationFunction {
  /// Pinot's lower-case function name (`count`, `sum`, `distinctcount`).
  String name();

  /// The argument; [io.pinot.query.context.Identifier#STAR] for `count(*)`.
  Expression argument();

  /// Pinot's result column name, e.g. `sum(runs)`; `count(*)` for every COUNT without null handling.
  default String resultColumnName() {
    return name() + "(" + argument() + ")";
  }

  /// Whether the function reads its argument's values (false for COUNT).
  boolean readsArgument();

  /// Whether a single-value STRING argument is accepted besides numeric ones (true for DISTINCTCOUNTHLL).
  default boolean acceptsStringArgument() {
    return false;
  }

  /// The DataTable column type of the intermediate result servers send.
  ColumnDataType intermediateType();

  /// The column type of the final result (`columnDataTypes` of the broker response).
  ColumnDataType finalType();

  ResultHolder createHolder(int initialCapacity);
}
