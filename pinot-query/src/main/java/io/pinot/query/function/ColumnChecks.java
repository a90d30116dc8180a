// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.function;

import io.pinot.query.context.Expression;
import io.pinot.query.context.Identifier;
import io.pinot.query.context.TableColumns;
import io.pinot.spi.data.DataType;
import io.pinot.spi.exception.QueryErrorCode;
import org.jspecify.annotations.Nullable;

/// Type checks of aggregation arguments against a table's columns, shared by the functions that validate their
/// own columns ([AggregationFunction#validateTypes]). Arguments that are not plain columns (transforms) are left to
/// execution. Stateless and thread-safe.
final class ColumnChecks {
  private ColumnChecks() {
  }

  /// The column of an identifier argument, or null for other expressions and unknown names.
  static TableColumns.@Nullable Column column(TableColumns columns, Expression argument) {
    if (argument instanceof Identifier identifier && !identifier.isStar()) {
      return columns.lookup(identifier.name());
    }
    return null;
  }

  static boolean isNumeric(DataType type) {
    return switch (type.storedType()) {
      case INT, LONG, FLOAT, DOUBLE, BIG_DECIMAL -> true;
      default -> false;
    };
  }

  /// Fails unless the argument is a single-value column (numeric, or any type when `anyType`).
  static void singleValue(String function, TableColumns columns, Expression argument, boolean anyType) {
    TableColumns.Column column = column(columns, argument);
    if (column == null) {
      return;
    }
    if (!column.singleValue()) {
      throw QueryErrorCode.QUERY_VALIDATION.asException("Function[" + function
          + "] does not support multi-value column[" + column.name() + "]");
    }
    if (!anyType && !isNumeric(column.dataType())) {
      throw QueryErrorCode.QUERY_VALIDATION.asException("Function[" + function
          + "] requires a numeric column, got column[" + column.name() + "] of type " + column.dataType());
    }
  }

  /// Fails unless the argument is a multi-value column (numeric, or any type when `anyType`).
  static void multiValue(String function, TableColumns columns, Expression argument, boolean anyType) {
    TableColumns.Column column = column(columns, argument);
    if (argument instanceof Identifier identifier && !identifier.isStar() && column == null) {
      return;
    }
    if (column == null || column.singleValue()) {
      throw QueryErrorCode.QUERY_VALIDATION.asException("Function[" + function
          + "] requires a multi-value column, got " + (column == null ? "expression[" + argument + "]"
          : "single-value column[" + column.name() + "]"));
    }
    if (!anyType && !isNumeric(column.dataType())) {
      throw QueryErrorCode.QUERY_VALIDATION.asException("Function[" + function
          + "] requires a numeric column, got column[" + column.name() + "] of type " + column.dataType());
    }
  }
}
