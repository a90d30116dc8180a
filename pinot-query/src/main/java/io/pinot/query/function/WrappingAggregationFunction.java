// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.function;

import io.pinot.common.datatable.ColumnDataType;
import io.pinot.query.context.Expression;
import io.pinot.query.context.TableColumns;
import io.pinot.spi.data.DataType;
import java.util.List;

/// An aggregation that runs another one over some of the documents (a FILTER clause, null skipping): argument,
/// types and type checks are the inner function's.
public interface WrappingAggregationFunction extends AggregationFunction {
  /// The wrapped aggregation.
  AggregationFunction inner();

  @Override
  default Expression argument() {
    return inner().argument();
  }

  @Override
  default boolean readsArgument() {
    return inner().readsArgument();
  }

  @Override
  default boolean acceptsStringArgument() {
    return inner().acceptsStringArgument();
  }

  @Override
  default List<Expression> extraArguments() {
    return inner().extraArguments();
  }

  @Override
  default boolean validateTypes(TableColumns columns) {
    return validateWrapped(inner(), columns);
  }

  @Override
  default ColumnDataType intermediateType() {
    return inner().intermediateType();
  }

  @Override
  default ColumnDataType finalType() {
    return inner().finalType();
  }

  /// The type check of a wrapped function: its own, else the default check of a plain function under its name.
  private static boolean validateWrapped(AggregationFunction inner, TableColumns columns) {
    if (inner.validateTypes(columns) || !inner.readsArgument() || inner instanceof DistinctCountFunction) {
      return true;
    }
    TableColumns.Column column = ColumnChecks.column(columns, inner.argument());
    boolean text = inner.acceptsStringArgument() && column != null
        && column.dataType().storedType() == DataType.STRING;
    ColumnChecks.singleValue(inner.name(), columns, inner.argument(), text);
    return true;
  }
}
