// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.ingestion;

import java.util.List;

/// The outcome of a successful ingestion job: the segments created (empty for push-only jobs), how many
/// tarballs were pushed, and the time each phase took. Immutable.
public record IngestionJobResult(List<SegmentReport> segments, int numPushed, long creationMillis,
    long pushMillis) {

  public IngestionJobResult {
    segments = List.copyOf(segments);
  }

  public long totalDocs() {
    long total = 0;
    for (SegmentReport segment : segments) {
      total += segment.numDocs();
    }
    return total;
  }

  public long totalFilteredRows() {
    long total = 0;
    for (SegmentReport segment : segments) {
      total += segment.numFilteredRows();
    }
    return total;
  }

  public long totalSkippedRows() {
    long total = 0;
    for (SegmentReport segment : segments) {
      total += segment.numSkippedRows();
    }
    return total;
  }
}
