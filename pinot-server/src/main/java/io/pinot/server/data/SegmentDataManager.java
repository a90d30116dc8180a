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

  SegmentDataManager(IndexSegment segment) {
    this.segment = segment;
  }

  public IndexSegment segment() {
    return segment;
  }

  public String segmentName() {
    return segment.segmentName();
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
