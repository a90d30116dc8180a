// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.filter;

/// A predicate evaluated by reading a column's forward index for candidate documents.
///
/// Call protocol: [#filter] with increasing doc ids, block after block, from one thread; it keeps the ids
/// that match (in order, compacted to the front) and counts the entries it read. Not thread-safe: one
/// instance per segment execution.
public interface ScanPredicate {
  /// Keeps the matching ids among `docIds[0, length)` in place and returns how many match.
  int filter(int[] docIds, int length);

  /// Entries read so far (documents for single-value columns, values for multi-value ones).
  long numEntriesScanned();
}
