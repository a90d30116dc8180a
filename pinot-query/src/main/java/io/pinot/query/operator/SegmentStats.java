// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.operator;

/// Execution statistics of the segments one worker processed, with Pinot's meanings (documents matching
/// the filter and processed, entries read by scan-based filters, entries read after filtering, segments
/// with at least one matching document). Not thread-safe: one per worker, summed at the end.
public final class SegmentStats {
  long numDocsScanned;
  long numEntriesScannedInFilter;
  long numEntriesScannedPostFilter;
  long totalDocs;
  int numSegmentsProcessed;
  int numSegmentsMatched;
  boolean numGroupsLimitReached;

  public long numDocsScanned() {
    return numDocsScanned;
  }

  public long numEntriesScannedInFilter() {
    return numEntriesScannedInFilter;
  }

  public long numEntriesScannedPostFilter() {
    return numEntriesScannedPostFilter;
  }

  public long totalDocs() {
    return totalDocs;
  }

  public int numSegmentsProcessed() {
    return numSegmentsProcessed;
  }

  public int numSegmentsMatched() {
    return numSegmentsMatched;
  }

  public boolean numGroupsLimitReached() {
    return numGroupsLimitReached;
  }

  public void addTotalDocs(long docs) {
    totalDocs += docs;
  }

  public void setNumGroupsLimitReached() {
    numGroupsLimitReached = true;
  }

  /// Records one processed segment.
  public void addSegment(long docsScanned, long entriesInFilter, long entriesPostFilter) {
    numSegmentsProcessed++;
    if (docsScanned > 0) {
      numSegmentsMatched++;
    }
    numDocsScanned += docsScanned;
    numEntriesScannedInFilter += entriesInFilter;
    numEntriesScannedPostFilter += entriesPostFilter;
  }

  public void add(SegmentStats other) {
    numDocsScanned += other.numDocsScanned;
    numEntriesScannedInFilter += other.numEntriesScannedInFilter;
    numEntriesScannedPostFilter += other.numEntriesScannedPostFilter;
    totalDocs += other.totalDocs;
    numSegmentsProcessed += other.numSegmentsProcessed;
    numSegmentsMatched += other.numSegmentsMatched;
    numGroupsLimitReached |= other.numGroupsLimitReached;
  }
}
