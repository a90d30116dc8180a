// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.function;

import io.pinot.common.datatable.ColumnDataType;
import io.pinot.query.context.Expression;
import io.pinot.query.context.TableColumns;
import java.util.List;

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

  /// Further column arguments read besides [#argument] (COVAR_POP's second column, FIRSTWITHTIME's time column).
  /// Operators compute a slot for each and hand them to [ResultHolder#bindExtraSlots] after creating a holder.
  default List<Expression> extraArguments() {
    return List.of();
  }

  /// Checks the types of the columns this function reads against the table. Returns false to leave the check to
  /// the caller's default (a numeric single-value [#argument]); functions with other rules (multi-value, BOOLEAN,
  /// several columns) check themselves and return true.
  ///
  /// @throws io.pinot.spi.exception.QueryException QUERY_VALIDATION for a column of a wrong type
  default boolean validateTypes(TableColumns columns) {
    return false;
  }
}
