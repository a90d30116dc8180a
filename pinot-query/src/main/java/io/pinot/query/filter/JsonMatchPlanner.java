// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.filter;

import io.pinot.query.context.Predicate;
import io.pinot.segment.spi.DataSource;
import io.pinot.segment.spi.JsonIndexReader;
import io.pinot.spi.exception.QueryErrorCode;

/// Plans `JSON_MATCH(column, 'filter')` on one segment: the column's JSON index answers it with a bitmap (no entry
/// is scanned). As in Pinot, a column without a JSON index is a query error (QUERY_EXECUTION, `Cannot apply
/// JSON_MATCH on column: <column> without json index`), and so is a filter the index cannot evaluate.
/// Thread-safe (no state).
final class JsonMatchPlanner {
  private JsonMatchPlanner() {
  }

  static DocIdSet plan(Predicate.JsonMatch predicate, String column, DataSource dataSource) {
    JsonIndexReader index = dataSource.jsonIndex();
    if (index == null) {
      throw QueryErrorCode.QUERY_EXECUTION.asException("Cannot apply JSON_MATCH on column: " + column
          + " without json index");
    }
    try {
      return new DocIdSet.Bitmap(index.matchingDocIds(predicate.filter()));
    } catch (IllegalArgumentException e) {
      throw QueryErrorCode.QUERY_EXECUTION.asException("Invalid json match filter: " + predicate.filterText()
          + " (" + e.getMessage() + ")");
    }
  }
}
