// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.spi;

import org.jspecify.annotations.Nullable;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/// A column's text index: answers `TEXT_MATCH(column, 'query'[, 'options'])` with the matching documents.
/// Thread-safe.
public interface TextIndexReader {
  /// The documents matching a Lucene query (phrases, boolean operators, prefix and wildcard terms, regular
  /// expressions, fuzzy terms...). `options` is Pinot's optional `key=value,key=value` text (`parser`,
  /// `defaultOperator`, `allowLeadingWildcard`...), or null.
  ///
  /// @throws IllegalArgumentException when the query or an option is invalid
  ImmutableRoaringBitmap docIds(String query, @Nullable String options);
}
