// SPDX-License-Identifier: Apache-2.0
package io.pinot.server.data;

import io.pinot.segment.spi.IndexSegment;
import java.util.concurrent.atomic.AtomicInteger;

/// A loaded segment shared by the table (one reference) and the queries using it (one each). The segment is
/// closed, and its memory unmapped, when the last reference is released, so a segment replaced or dropped
/// while queries run stays valid until they finish. Thread-safe.
public final class SegmentDataManager {
  private final IndexSegment segment;
  private final AtomicInteger references = new AtomicInteger(1);
  private volatile long loadTimeMs = System.currentTimeMillis();

  SegmentDataManager(IndexSegment segment) {
    this.segment = segment;
  }

  public IndexSegment segment() {
    return segment;
  }

  public String segmentName() {
    return segment.segmentName();
  }

  /// When this copy was loaded, or last confirmed current by a reload that had nothing to change (epoch ms). A
  /// reload job counts the segment done once this is at or after the job's submission (Pinot's `getLoadTimeMs`).
  public long loadTimeMs() {
    return loadTimeMs;
  }

  void markLoaded(long timeMs) {
    loadTimeMs = timeMs;
  }

  /// Takes a reference; false when the segment is already closed.
  boolean acquire() {
    while (true) {
      int current = references.get();
      if (current <= 0) {
        return false;
      }
      if (references.compareAndSet(current, current + 1)) {
        return true;
      }
    }
  }

  /// Drops a reference, closing the segment on the last one.
  void release() {
    if (references.decrementAndGet() == 0) {
      segment.close();
    }
  }
}
