// SPDX-License-Identifier: Apache-2.0
package io.pinot.server.data;

import io.pinot.segment.spi.IndexSegment;
import java.util.ArrayList;
import java.util.List;

/// Segments a query holds (released together by [TableDataManager#release]) and the requested names that
/// were not loaded.
public record AcquiredSegments(List<SegmentDataManager> acquired, List<String> missing) {
  public AcquiredSegments {
    acquired = List.copyOf(acquired);
    missing = List.copyOf(missing);
  }

  public List<IndexSegment> segments() {
    List<IndexSegment> segments = new ArrayList<>(acquired.size());
    for (SegmentDataManager manager : acquired) {
      segments.add(manager.segment());
    }
    return segments;
  }
}
