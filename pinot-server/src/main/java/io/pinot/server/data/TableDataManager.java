// SPDX-License-Identifier: Apache-2.0
package io.pinot.server.data;

import io.pinot.segment.spi.IndexSegment;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/// The loaded segments of one table half on this server, and the table's current schema. Adding a segment
/// under an existing name swaps it atomically: queries see the old or the new copy, never neither.
/// Thread-safe. An upsert or dedup table also keeps its [PrimaryKeyTracker] in step with the segments served.
public final class TableDataManager {
  private final String tableNameWithType;
  private final Map<String, SegmentDataManager> segments = new ConcurrentHashMap<>();
  /// Segment name → time of its last failed reload (epoch ms); cleared when the segment is loaded again.
  private final Map<String, Long> reloadFailures = new ConcurrentHashMap<>();
  private volatile @Nullable Schema schema;
  private volatile @Nullable PrimaryKeyTracker keys;
  private boolean configured;

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

  /// Sets up the primary-key tracker of an upsert or dedup table, once, from the first config seen.
  ///
  /// @throws IllegalArgumentException naming the offending key when the upsert or dedup config is invalid
  synchronized void configure(@Nullable TableConfig tableConfig, @Nullable Schema schema) {
    setSchema(schema);
    if (!configured && tableConfig != null && schema != null) {
      keys = PrimaryKeyTracker.of(tableConfig, schema);
      configured = true;
    }
  }

  /// The primary-key metadata of an upsert or dedup table, else null.
  public @Nullable PrimaryKeyTracker keys() {
    return keys;
  }

  /// Serves `segment`, replacing the copy of the same name. Calls for one segment name must not run concurrently.
  void addOrReplace(IndexSegment segment) {
    PrimaryKeyTracker tracker = keys;
    if (tracker != null) {
      SegmentDataManager current = segments.get(segment.segmentName());
      if (current != null) {
        tracker.replace(segment, current.segment());
      } else {
        tracker.add(segment);
      }
    }
    reloadFailures.remove(segment.segmentName());
    SegmentDataManager previous = segments.put(segment.segmentName(), new SegmentDataManager(segment));
    if (previous != null) {
      previous.release();
    }
  }

  /// Records that a reload found the loaded copy current: for reload jobs it counts as reloaded now.
  void markReloaded(String segmentName) {
    SegmentDataManager manager = segments.get(segmentName);
    if (manager != null) {
      manager.markLoaded(System.currentTimeMillis());
    }
    reloadFailures.remove(segmentName);
  }

  /// Records that a reload of the segment failed now (it keeps serving its previous copy).
  void recordReloadFailure(String segmentName) {
    reloadFailures.put(segmentName, System.currentTimeMillis());
  }

  /// Progress of a reload job submitted at `sinceMs` over the named segments (all loaded ones when null): a segment
  /// is done when its copy was loaded at or after `sinceMs`, failed when its last reload failed since then.
  public ReloadStatus reloadStatus(@Nullable List<String> segmentNames, long sinceMs) {
    List<String> names = segmentNames == null ? new ArrayList<>(segments.keySet()) : segmentNames;
    int success = 0;
    int failures = 0;
    for (String name : names) {
      SegmentDataManager manager = segments.get(name);
      Long failedAt = reloadFailures.get(name);
      if (manager != null && manager.loadTimeMs() >= sinceMs) {
        success++;
      } else if (failedAt != null && failedAt >= sinceMs) {
        failures++;
      }
    }
    return new ReloadStatus(names.size(), success, failures);
  }

  /// Pinot's `ServerReloadStatusResponse` counts for one table on one server.
  public record ReloadStatus(int totalSegmentCount, int successCount, int failureCount) {
  }

  boolean remove(String segmentName) {
    reloadFailures.remove(segmentName);
    SegmentDataManager previous = segments.remove(segmentName);
    if (previous != null) {
      PrimaryKeyTracker tracker = keys;
      if (tracker != null) {
        tracker.remove(previous.segment());
      }
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
