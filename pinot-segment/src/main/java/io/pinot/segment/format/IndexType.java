// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.format;

/// The index kinds stored in `columns.psf`, with the names used in `index_map` (Pinot's v3 names where Pinot
/// has the same index).
public enum IndexType {
  DICTIONARY("dictionary"),
  FORWARD_INDEX("forward_index"),
  INVERTED_INDEX("inverted_index"),
  SORTED_INDEX("sorted_index"),
  RANGE_INDEX("range_index"),
  BLOOM_FILTER("bloom_filter"),
  NULL_VALUE_VECTOR("nullvalue_vector"),
  TEXT_INDEX("text_index"),
  FST_INDEX("fst_index"),
  JSON_INDEX("json_index");

  private final String indexName;

  IndexType(String indexName) {
    this.indexName = indexName;
  }

  /// The name in `index_map` keys.
  public String indexName() {
    return indexName;
  }

  public static IndexType fromIndexName(String name) {
    for (IndexType type : values()) {
      if (type.indexName.equals(name)) {
        return type;
      }
    }
    throw new IllegalArgumentException("Unknown index type " + name);
  }
}
