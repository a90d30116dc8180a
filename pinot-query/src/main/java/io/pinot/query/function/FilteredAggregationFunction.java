// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.function;

import io.pinot.common.datatable.ColumnDataType;
import io.pinot.query.context.Expression;
import io.pinot.query.context.FilterNode;
import io.pinot.query.context.TableColumns;
import io.pinot.spi.data.DataType;
import java.util.List;

/// An aggregation with a `FILTER (WHERE condition)` clause (`SUM(x) FILTER (WHERE y > 3)`, compiled as the call
/// `filter(sum(x), greaterthan(y,'3'))`): the inner function over the documents that match both the query's filter
/// and `filter`. The operators plan that conjunction per segment and feed this function's holders (the inner
/// function's) only those documents; groups of a GROUP BY still come from the query's filter alone, so a group
/// whose documents all fail `filter` gets the inner function's empty result, as in Pinot. Result column as Pinot:
/// `sum(x) FILTER(WHERE y > '3')`; types, intermediates and results are the inner function's. The name `filter`
/// keeps star-trees and metadata shortcuts from answering it as its inner function.
///
/// @param inner the aggregation
/// @param filter the aggregation's own filter
public record FilteredAggregationFunction(AggregationFunction inner, FilterNode filter)
    implements AggregationFunction {

  @Override
  public String name() {
    return "filter";
  }

  @Override
  public Expression argument() {
    return inner.argument();
  }

  @Override
  public String resultColumnName() {
    return inner.resultColumnName() + " FILTER(WHERE " + FilterExpressions.pinotText(filter) + ")";
  }

  @Override
  public boolean readsArgument() {
    return inner.readsArgument();
  }

  @Override
  public boolean acceptsStringArgument() {
    return inner.acceptsStringArgument();
  }

  @Override
  public List<Expression> extraArguments() {
    return inner.extraArguments();
  }

  @Override
  public boolean validateTypes(TableColumns columns) {
    if (inner.validateTypes(columns) || !inner.readsArgument() || inner instanceof DistinctCountFunction) {
      return true;
    }
    // The default check of a plain function, under the inner function's name.
    TableColumns.Column column = ColumnChecks.column(columns, inner.argument());
    boolean text = inner.acceptsStringArgument() && column != null
        && column.dataType().storedType() == DataType.STRING;
    ColumnChecks.singleValue(inner.name(), columns, inner.argument(), text);
    return true;
  }

  @Override
  public ColumnDataType intermediateType() {
    return inner.intermediateType();
  }

  @Override
  public ColumnDataType finalType() {
    return inner.finalType();
  }

  @Override
  public ResultHolder createHolder(int initialCapacity) {
    return inner.createHolder(initialCapacity);
  }

  /// Whether any of the functions has its own filter.
  public static boolean anyFiltered(List<AggregationFunction> functions) {
    for (AggregationFunction function : functions) {
      if (function instanceof FilteredAggregationFunction) {
        return true;
      }
    }
    return false;
  }
}
