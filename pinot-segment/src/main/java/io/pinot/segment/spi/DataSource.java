// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.spi;

import org.jspecify.annotations.Nullable;

/// Everything stored for one column of a segment: metadata, the forward index and the optional
/// dictionary and indexes. Indexes that were not built are `null` (the default methods suit implementations
/// without them).
public interface DataSource {
  ColumnMetadata metadata();

  ForwardIndexReader forwardIndex();

  /// The sorted dictionary, or null for raw (no-dictionary) columns.
  @Nullable Dictionary dictionary();

  /// The bitmap inverted index (dictId → docIds), or null when not built.
  @Nullable InvertedIndexReader invertedIndex();

  /// The doc-id ranges per dictId, present when the column is sorted (and dictionary-encoded, single-value).
  @Nullable SortedIndexReader sortedIndex();

  /// The range index, or null when not built.
  default @Nullable RangeIndexReader rangeIndex() {
    return null;
  }

  /// The bloom filter, or null when not built.
  default @Nullable BloomFilterReader bloomFilter() {
    return null;
  }

  /// The null value vector, or null when null values are not recorded for the column.
  default @Nullable NullValueVectorReader nullValueVector() {
    return null;
  }

  /// The JSON index (`JSON_MATCH`), or null when not built.
  default @Nullable JsonIndexReader jsonIndex() {
    return null;
  }

  /// The Lucene text index (`TEXT_MATCH`), or null when not built.
  default @Nullable TextIndexReader textIndex() {
    return null;
  }

  /// The FST index over the dictionary values (`REGEXP_LIKE`, `LIKE`), or null when not built.
  default @Nullable FstIndexReader fstIndex() {
    return null;
  }
}
