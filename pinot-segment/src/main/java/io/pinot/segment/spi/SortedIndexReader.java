// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.spi;

/// Doc-id ranges of a sorted single-value dictionary column: all documents with dictionary id `d` are
/// `[docIdStart(d), docIdEnd(d))`, and ranges of increasing ids are adjacent. Thread-safe.
public interface SortedIndexReader {
  int docIdStart(int dictId);

  /// Exclusive end of the range of `dictId`.
  int docIdEnd(int dictId);
}
