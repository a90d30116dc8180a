// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.mutable;

import io.pinot.segment.spi.DataSource;
import io.pinot.spi.data.FieldSpec;
import org.jspecify.annotations.Nullable;

/// One column of a [MutableSegment]: its writer side (two-phase: [#stage] converts and may throw, [#commit]
/// writes every structure and cannot fail for a staged value) and its reader side ([#dataSource], bounded to a
/// document count).
///
/// Statistics (cardinality, minimum and maximum, values per row) are exact for every snapshot: the writer records
/// them every [#STATS_INTERVAL] documents ([#checkpoint]) and a reader completes the last checkpoint at or below
/// its document count by scanning at most `STATS_INTERVAL - 1` documents.
///
/// Thread-safety: the writer methods belong to the segment's single writer thread; [#dataSource] and [#value] may
/// be called from any thread for documents below a document count published to it.
sealed interface MutableColumn permits SingleValueDictionaryColumn, MultiValueDictionaryColumn,
    RawFixedWidthColumn, RawVariableWidthColumn {
  /// Documents between two statistics checkpoints (a power of two).
  int STATS_INTERVAL = 256;

  FieldSpec spec();

  /// Writer: shapes and converts the column's raw value of the next row and keeps it until [#commit].
  ///
  /// @throws IllegalArgumentException when the value cannot be converted (nothing was changed)
  void stage(@Nullable Object raw);

  /// Writer: stores the staged value as document `docId` in every structure of the column.
  void commit(int docId);

  /// Writer: records the statistics of the first `numDocs` documents (a multiple of [#STATS_INTERVAL]).
  void checkpoint(int numDocs);

  /// Reader: the column as seen by a snapshot of the first `numDocs` documents.
  DataSource dataSource(int numDocs);

  /// Reader: the stored value of a document (`Integer`, `Long`, `Float`, `Double`, `BigDecimal`, `String`,
  /// `byte[]`; `Object[]` of them for multi-value columns).
  Object value(int docId);

  /// Reader: compares two documents by value (single-value columns), for sorting at commit time.
  int compareDocs(int a, int b);

  /// Approximate heap bytes held.
  long memoryBytes();
}
