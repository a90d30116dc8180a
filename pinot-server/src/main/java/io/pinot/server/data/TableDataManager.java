// SPDX-License-Identifier: Apache-2.0
package io.pinot.server.data;

import io.pinot.segment.spi.IndexSegment;
import io.pinot.spi.data.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/// The loaded segments of one table half on this server, and the table's current schema. Adding a segment
/// under an existing name swaps it atomically: queries see the old or the new copy, never neither.
/// Thread-safe.
public final class TableDataManager {
  private final String tableNameWithType;
  private final Map<String, SegmentDataManager> segments = new ConcurrentHashMap<>();
  private volatile @Nullable Schema schema;

  TableDataManager(String tableNameWithType) {
    this.tableNameWithType = tableNameWithType;
  }

  public String tableNameWithType() {
    return tableNameWithType;
  }

  public @Nullable Schema schema() {
    return schema;
  }

  void setSchema(@Nullable Schema schema) {
    if (schema != null) {
      this.schema = schema;
    }
  }

  void addOrReplace(IndexSegment segment) {
    SegmentDataManager previous = segments.put(segment.segmentName(), new SegmentDataManager(segment));
    if (previous != null) {
      previous.release();
    }
  }

  boolean remove(String segmentName) {
    SegmentDataManager previous = segments.remove(segmentName);
    if (previous != null) {
      previous.release();
      return true;
    }
    return false;
  }

  public boolean hasSegment(String segmentName) {
    return segments.containsKey(segmentName);
  }

  /// Takes a reference on each named segment that is loaded; the others are reported missing.
  public AcquiredSegments acquire(List<String> segmentNames) {
    List<SegmentDataManager> acquired = new ArrayList<>(segmentNames.size());
    List<String> missing = new ArrayList<>();
    for (String name : segmentNames) {
      SegmentDataManager manager = acquire(name);
      if (manager != null) {
        acquired.add(manager);
      } else {
        missing.add(name);
      }
    }
    return new AcquiredSegments(acquired, missing);
  }

  /// A reference on the named segment, or null when it is not loaded. A copy released by a concurrent swap is
  /// retried: the swap puts the new copy in before it releases the old one, so a reload never looks like a gap.
  private @Nullable SegmentDataManager acquire(String segmentName) {
    while (true) {
      SegmentDataManager manager = segments.get(segmentName);
      if (manager == null) {
        return null;
      }
      if (manager.acquire()) {
        return manager;
      }
      if (segments.get(segmentName) == manager) {
        return null;
      }
    }
  }

  public void release(AcquiredSegments acquired) {
    for (SegmentDataManager manager : acquired.acquired()) {
      manager.release();
    }
  }

  /// Names and document counts of the loaded segments, sorted by name.
  public Map<String, Integer> segmentDocCounts() {
    Map<String, Integer> counts = new TreeMap<>();
    for (SegmentDataManager manager : segments.values()) {
      counts.put(manager.segmentName(), manager.segment().numDocs());
    }
    return counts;
  }

  void releaseAll() {
    for (String name : new ArrayList<>(segments.keySet())) {
      remove(name);
    }
  }
}
