// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.function;

import io.pinot.query.context.FilterNode;

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
    implements WrappingAggregationFunction {

  @Override
  public String name() {
    return "filter";
  }

  @Override
  public String resultColumnName() {
    return inner.resultColumnName() + " FILTER(WHERE " + FilterExpressions.pinotText(filter) + ")";
  }

  @Override
  public ResultHolder createHolder(int initialCapacity) {
    return inner.createHolder(initialCapacity);
  }
}
