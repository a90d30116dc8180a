// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.filter;

import io.pinot.query.context.Predicate;
import io.pinot.segment.spi.DataSource;
import io.pinot.segment.spi.TextIndexReader;
import io.pinot.spi.exception.QueryErrorCode;

/// Answers `TEXT_MATCH(column, 'query'[, 'options'])` from the column's Lucene text index as a bitmap. As in Pinot, a
/// column without a text index (in this segment) fails the query with QUERY_EXECUTION (200), and so does a query
/// the index cannot parse. Thread-safe (no state).
final class TextMatchFilter {
  private TextMatchFilter() {
  }

  static DocIdSet plan(Predicate.TextMatch textMatch, String column, DataSource dataSource) {
    TextIndexReader index = dataSource.textIndex();
    if (index == null) {
      throw QueryErrorCode.QUERY_EXECUTION.asException("Cannot apply TEXT_MATCH on column: " + column
          + " without text index");
    }
    try {
      return new DocIdSet.Bitmap(index.docIds(textMatch.query(), textMatch.options()));
    } catch (IllegalArgumentException e) {
      throw QueryErrorCode.QUERY_EXECUTION.asException("Caught exception while searching the text index for "
          + "column[" + column + "]: " + e.getMessage(), e);
    }
  }
}
