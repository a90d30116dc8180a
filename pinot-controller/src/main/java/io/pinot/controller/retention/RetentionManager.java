// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.retention;

import io.pinot.common.metadata.SegmentZkMetadata;
import io.pinot.controller.helix.MetadataStore;
import io.pinot.controller.segment.SegmentManager;
import io.pinot.spi.config.table.SegmentsConfig;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.config.table.TableType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Apache Pinot's `RetentionManager` periodic task: deletes the segments whose end time is older than their table's
/// retention (`segmentsConfig.retentionTimeUnit` and `retentionTimeValue`) from the ideal state (the servers drop
/// them), ZooKeeper and the deep store. It leaves alone tables without a retention, OFFLINE tables refreshed by
/// REFRESH pushes (`segmentPushType` or `ingestionConfig.batchIngestionConfig.segmentIngestionType`), REALTIME
/// segments still consuming, and segments without a valid end time. Thread-safe.
public final class RetentionManager {
  private static final Logger LOGGER = LoggerFactory.getLogger(RetentionManager.class);
  /// Pinot's name of the task, for `/periodictask/run?taskname=`.
  public static final String TASK_NAME = "RetentionManager";

  private final MetadataStore store;
  private final SegmentManager segments;
  private final LongSupplier clock;

  public RetentionManager(MetadataStore store, SegmentManager segments, LongSupplier clock) {
    this.store = store;
    this.segments = segments;
    this.clock = clock;
  }

  /// Runs the task over every table, or over one table with type; returns the segments deleted, by table.
  public synchronized Map<String, List<String>> run(@Nullable String tableNameWithType) {
    Map<String, List<String>> deleted = new LinkedHashMap<>();
    List<String> tables = tableNameWithType == null ? store.tableNamesWithType() : List.of(tableNameWithType);
    for (String table : tables) {
      TableConfig config = store.tableConfig(table);
      if (config == null) {
        continue;
      }
      long retentionMs = retentionMs(config);
      if (retentionMs <= 0 || isRefreshTable(config)) {
        continue;
      }
      long cutoff = clock.getAsLong() - retentionMs;
      List<String> expired = new ArrayList<>();
      for (SegmentZkMetadata segment : store.segments(table)) {
        if (isExpired(segment, cutoff)) {
          try {
            segments.delete(table, segment.segmentName());
            expired.add(segment.segmentName());
          } catch (IOException | RuntimeException e) {
            LOGGER.warn("Retention could not delete segment {} of {}: {}", segment.segmentName(), table, e.toString());
          }
        }
      }
      if (!expired.isEmpty()) {
        LOGGER.info("Retention deleted {} segments of {} (end time before {}): {}", expired.size(), table, cutoff,
            expired);
        deleted.put(table, expired);
      }
    }
    return deleted;
  }

  /// The table's retention in milliseconds, or 0 without one (or with one that does not parse).
  static long retentionMs(TableConfig config) {
    SegmentsConfig segmentsConfig = config.segmentsConfig();
    if (segmentsConfig.retentionTimeUnit() == null
        || segmentsConfig.retentionTimeValue() == null) {
      return 0;
    }
    try {
      TimeUnit unit = TimeUnit.valueOf(segmentsConfig.retentionTimeUnit().trim().toUpperCase(Locale.ROOT));
      return unit.toMillis(Long.parseLong(segmentsConfig.retentionTimeValue().trim()));
    } catch (IllegalArgumentException e) {
      LOGGER.warn("Table {} has an invalid retention {} {}", config.tableName(), segmentsConfig.retentionTimeValue(),
          segmentsConfig.retentionTimeUnit());
      return 0;
    }
  }

  private static boolean isRefreshTable(TableConfig config) {
    if (config.tableType() != TableType.OFFLINE) {
      return false;
    }
    String pushType = config.segmentsConfig().segmentPushType();
    if (config.otherFields().get("ingestionConfig") instanceof Map<?, ?> ingestion
        && ingestion.get("batchIngestionConfig") instanceof Map<?, ?> batch
        && batch.get("segmentIngestionType") instanceof String type) {
      pushType = type;
    }
    return pushType != null && pushType.trim().equalsIgnoreCase("REFRESH");
  }

  private static boolean isExpired(SegmentZkMetadata segment, long cutoffMs) {
    if (segment.isInProgress() || segment.endTime() <= 0 || segment.timeUnit() == null) {
      return false;
    }
    long endMs;
    try {
      endMs = TimeUnit.valueOf(segment.timeUnit().trim().toUpperCase(Locale.ROOT)).toMillis(segment.endTime());
    } catch (IllegalArgumentException e) {
      return false;
    }
    return endMs < cutoffMs;
  }
}
