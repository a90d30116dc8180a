// SPDX-License-Identifier: Apache-2.0
package io.pinot.server.realtime;

import io.pinot.common.metadata.SegmentZkMetadata;
import io.pinot.segment.mutable.LlcSegmentName;
import io.pinot.server.data.InstanceDataManager;
import io.pinot.server.data.PrimaryKeyTracker;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.Schema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The consuming segments of one server and their Helix transitions: OFFLINE→CONSUMING starts consuming at the
/// segment's start offset from ZooKeeper (so a restarted server resumes exactly where the last commit ended),
/// CONSUMING→ONLINE keeps the committed copy this server built, builds it from the same rows, or downloads it,
/// and CONSUMING→OFFLINE stops consuming. Thread-safe; Helix serialises transitions of one segment.
public final class RealtimeSegments implements SegmentCompletion.Host, AutoCloseable {
  private static final Logger LOGGER = LoggerFactory.getLogger(RealtimeSegments.class);
  private static final long STOP_TIMEOUT_MS = 180_000;

  private final InstanceDataManager dataManager;
  private final CompletionClient client;
  private final Predicate<String> segmentsLoaded;
  private final Map<String, ConsumingSegment> consuming = new ConcurrentHashMap<>();

  /// `segmentsLoaded` tells whether every committed segment of a table assigned to this server is loaded (dedup and
  /// partial-upsert consumers wait for it).
  public RealtimeSegments(InstanceDataManager dataManager, CompletionClient client,
      Predicate<String> segmentsLoaded) {
    this.dataManager = dataManager;
    this.client = client;
    this.segmentsLoaded = segmentsLoaded;
  }

  /// OFFLINE→CONSUMING.
  public void startConsuming(String tableNameWithType, SegmentZkMetadata metadata, TableConfig tableConfig,
      Schema schema) {
    String name = metadata.segmentName();
    if (consuming.containsKey(name)) {
      return;
    }
    LlcSegmentName llcName = LlcSegmentName.parse(name);
    int partition = llcName.partitionGroupId();
    long start = metadata.startOffset();
    if (start < 0) {
      throw new IllegalStateException("Segment " + name + " has no " + SegmentZkMetadata.START_OFFSET);
    }
    String threshold = metadata.otherFields().get(SegmentZkMetadata.FLUSH_THRESHOLD_SIZE);
    ConsumingSegment segment = new ConsumingSegment(tableNameWithType, llcName, start,
        threshold == null ? 0 : Integer.parseInt(threshold.trim()), tableConfig, schema, this);
    PrimaryKeyTracker keys = dataManager.addConsumingSegment(tableNameWithType, segment.segment(), tableConfig,
        schema);
    consuming.put(name, segment);
    segment.start(keys == null ? null : keys.partition(partition));
    LOGGER.info("Consuming segment {} of {} from offset {}", name, tableNameWithType, start);
  }

  /// CONSUMING→ONLINE: the segment was committed (`metadata` is DONE).
  public void goOnline(String tableNameWithType, SegmentZkMetadata metadata, @Nullable TableConfig tableConfig,
      @Nullable Schema schema) throws IOException, InterruptedException {
    ConsumingSegment segment = consuming.remove(metadata.segmentName());
    if (segment != null) {
      segment.stopAndJoin(STOP_TIMEOUT_MS);
      String state = segment.state();
      if (state.equals("COMMITTED") || state.equals("RETAINED")) {
        return;
      }
      if (segment.currentOffset() == metadata.endOffset() && !state.equals("ERROR")) {
        install(tableNameWithType, SegmentCompletion.build(segment, this));
        LOGGER.info("Segment {} built locally at the committed offset {}", metadata.segmentName(),
            metadata.endOffset());
        return;
      }
    }
    dataManager.loadSegment(tableNameWithType, metadata.segmentName(), metadata, tableConfig, schema);
  }

  /// CONSUMING→OFFLINE: stops consuming and unloads the segment.
  public void stopConsuming(String tableNameWithType, String segmentName) throws InterruptedException {
    ConsumingSegment segment = consuming.remove(segmentName);
    if (segment != null) {
      segment.stopAndJoin(STOP_TIMEOUT_MS);
    }
    dataManager.offloadSegment(tableNameWithType, segmentName);
  }

  /// Makes every consuming segment of the table end and commit now; returns their names.
  public List<String> forceCommit(String tableNameWithType) {
    List<String> names = new ArrayList<>();
    for (ConsumingSegment segment : consuming.values()) {
      if (segment.tableNameWithType().equals(tableNameWithType)) {
        segment.forceCommit();
        names.add(segment.segmentName());
      }
    }
    return names;
  }

  /// The status of the table's consuming segments on this server.
  public List<ConsumerStatus> statuses(String tableNameWithType) {
    List<ConsumerStatus> statuses = new ArrayList<>();
    for (ConsumingSegment segment : consuming.values()) {
      if (segment.tableNameWithType().equals(tableNameWithType)) {
        statuses.add(segment.status());
      }
    }
    return statuses;
  }

  @Override
  public CompletionClient client() {
    return client;
  }

  @Override
  public Path newBuildDir() throws IOException {
    return dataManager.newWorkDir("build-");
  }

  @Override
  public void install(String tableNameWithType, Path builtSegmentDir) throws IOException {
    dataManager.installBuiltSegment(tableNameWithType, builtSegmentDir);
  }

  @Override
  public boolean allSegmentsLoaded(String tableNameWithType) {
    return segmentsLoaded.test(tableNameWithType);
  }

  @Override
  public void close() {
    for (ConsumingSegment segment : consuming.values()) {
      try {
        segment.stopAndJoin(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    consuming.clear();
    client.close();
  }
}
