// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.spi;

import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/// Pinot's "null value vector" of one column: the documents whose input value was null (or missing, or an empty
/// multi-value array) and now hold the column's default value. Present only when null handling is enabled for the
/// column (schema `enableColumnBasedNullHandling` without `notNull`, or the table's legacy
/// `tableIndexConfig.nullHandlingEnabled`). The bitmap is a view over mapped memory: callers must not keep it past
/// the segment's life. Thread-safe.
public interface NullValueVectorReader {
  /// The null documents.
  ImmutableRoaringBitmap nullBitmap();

  /// Whether a document's value was null.
  default boolean isNull(int docId) {
    return nullBitmap().contains(docId);
  }
}
