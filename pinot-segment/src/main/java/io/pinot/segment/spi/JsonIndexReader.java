// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.spi;

import org.roaringbitmap.buffer.MutableRoaringBitmap;

/// A JSON index: the documents of a JSON (or JSON-holding STRING) column matching a [JsonFilter], as
/// `JSON_MATCH(column, 'filter')` asks. Thread-safe.
public interface JsonIndexReader {
  /// The documents matching the filter (a new bitmap the caller owns).
  ///
  /// @throws IllegalArgumentException when the filter cannot be evaluated (an array index that is not a number,
  ///     an invalid regular expression)
  MutableRoaringBitmap matchingDocIds(JsonFilter filter);

  /// Number of flattened records the index holds (a document holds zero or more).
  int numFlattenedDocs();
}
