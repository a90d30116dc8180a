// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.realtime;

import io.pinot.common.cluster.StateModels;
import io.pinot.common.metadata.SegmentZkMetadata;
import io.pinot.controller.deepstore.SegmentDeepStore;
import io.pinot.controller.helix.IdealStateManager;
import io.pinot.controller.helix.InstanceManager;
import io.pinot.controller.helix.MetadataStore;
import io.pinot.controller.segment.SegmentManager;
import io.pinot.segment.mutable.LlcSegmentName;
import io.pinot.segment.spi.SegmentMetadata;
import io.pinot.segment.tar.TarGzUtils;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.stream.StreamConfig;
import io.pinot.spi.stream.StreamException;
import io.pinot.spi.stream.StreamMetadataProvider;
import io.pinot.spi.stream.StreamPlugins;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The consuming-segment life cycle of REALTIME tables on the controller (Apache Pinot's
/// `PinotLLCRealtimeSegmentManager`): one CONSUMING segment per stream partition, named
/// `table__partition__sequence__time`, with its start offset in ZooKeeper; a commit stores the built segment
/// in the deep store, marks it DONE with its end offset, and starts the partition's next segment at that offset,
/// in one ideal-state update. [#ensureAllPartitionsConsuming] repairs a commit interrupted halfway and picks up
/// new partitions. Methods are synchronized: one commit or repair at a time.
public final class RealtimeSegmentManager {
  private static final Logger LOGGER = LoggerFactory.getLogger(RealtimeSegmentManager.class);
  /// Ideal-state simple field Pinot sets while a table's consumption is paused.
  public static final String IS_TABLE_PAUSED = "isTablePaused";
  private static final long STREAM_TIMEOUT_MS = 15_000;

  private final MetadataStore store;
  private final IdealStateManager idealStates;
  private final InstanceManager instances;
  private final SegmentDeepStore deepStore;
  private final Supplier<String> downloadBase;
  private final Map<String, FlushThresholdComputer> thresholds = new ConcurrentHashMap<>();

  public RealtimeSegmentManager(MetadataStore store, IdealStateManager idealStates, InstanceManager instances,
      SegmentDeepStore deepStore, Supplier<String> downloadBase) {
    this.store = store;
    this.idealStates = idealStates;
    this.instances = instances;
    this.deepStore = deepStore;
    this.downloadBase = downloadBase;
  }

  /// Creates the first CONSUMING segment of every partition of a new REALTIME table.
  public synchronized void setUpNewTable(TableConfig config) throws StreamException {
    ensureAllPartitionsConsuming(config);
  }

  /// Makes every partition of the table have a CONSUMING segment (unless paused): creates the first segment of
  /// a new partition, the successor of a DONE segment whose commit stopped before creating it, a retry (from the same
  /// start offset) of a segment that stopped consuming on every replica, and puts back ideal-state entries a failed
  /// commit left out. Returns the segments created.
  public synchronized List<String> ensureAllPartitionsConsuming(TableConfig config) throws StreamException {
    String table = config.tableName();
    StreamConfig stream = StreamConfig.of(config);
    Map<Integer, SegmentZkMetadata> latest = latestSegments(table);
    Map<String, Map<String, String>> idealState = idealStates.idealState(table);
    boolean paused = isPaused(table);
    Map<String, Map<String, String>> changes = new LinkedHashMap<>();
    List<SegmentZkMetadata> created = new ArrayList<>();
    try (StreamMetadataProvider provider = StreamPlugins.consumerFactory(stream).metadataProvider(stream)) {
      int partitions = provider.partitionCount(STREAM_TIMEOUT_MS);
      for (int partition = 0; partition < partitions; partition++) {
        SegmentZkMetadata last = latest.get(partition);
        long start;
        if (last != null && last.isInProgress()) {
          Map<String, String> lastStates = idealState.get(last.segmentName());
          if (lastStates == null) {
            changes.put(last.segmentName(), states(config, partition, StateModels.CONSUMING));
            continue;
          }
          if (paused || !allOffline(lastStates)) {
            continue;
          }
          // Consumption stopped on every replica (an error): as Pinot, a new segment retries from the same offset.
          LOGGER.info("Table {}: segment {} stopped consuming on every replica; retrying from offset {}", table,
              last.segmentName(), last.startOffset());
          start = last.startOffset();
        } else {
          if (last != null) {
            Map<String, String> lastStates = idealState.get(last.segmentName());
            if (lastStates == null || lastStates.containsValue(StateModels.CONSUMING)) {
              changes.put(last.segmentName(), states(config, partition, StateModels.ONLINE));
            }
          }
          if (paused) {
            continue;
          }
          start = last != null ? last.endOffset() : provider.startOffset(partition, stream, STREAM_TIMEOUT_MS);
        }
        int sequence = last == null ? 0 : LlcSegmentName.parse(last.segmentName()).sequenceNumber() + 1;
        SegmentZkMetadata next = inProgress(config, partition, sequence, start);
        created.add(next);
        changes.put(next.segmentName(), states(config, partition, StateModels.CONSUMING));
      }
    }
    for (SegmentZkMetadata segment : created) {
      store.putSegment(table, segment);
    }
    if (!changes.isEmpty()) {
      idealStates.setSegmentStates(table, changes);
      LOGGER.info("Table {}: consuming segments set up or repaired: {}", table, changes.keySet());
    }
    return created.stream().map(SegmentZkMetadata::segmentName).toList();
  }

  /// Commits a consuming segment built by a server: stores `tarGz` in the deep store, marks the segment DONE
  /// with `endOffset`, and (unless paused) creates the partition's next segment starting there; the ideal state
  /// turns the committed segment ONLINE and the next one CONSUMING in one update. A segment not ended by a force
  /// commit (`forced`) tunes the size-based flush threshold.
  public synchronized void commitSegment(TableConfig config, String segmentName, long endOffset, Path tarGz,
      boolean forced) throws IOException {
    String table = config.tableName();
    SegmentZkMetadata consuming = store.segment(table, segmentName);
    if (consuming == null || !consuming.isInProgress()) {
      throw new IllegalStateException("Segment " + segmentName + " of " + table + " is not consuming");
    }
    SegmentMetadata built = TarGzUtils.readMetadataFromTarGz(tarGz);
    String raw = config.rawTableName();
    deepStore.store(raw, segmentName, tarGz);
    SegmentZkMetadata done = committed(consuming, built, endOffset, tarGz.toFile().length(), raw);
    store.putSegment(table, done);
    if (StreamConfig.of(config).flushThresholdRows() == 0 && !forced) {
      String threshold = consuming.otherFields().get(SegmentZkMetadata.FLUSH_THRESHOLD_SIZE);
      thresholds.computeIfAbsent(table, t -> new FlushThresholdComputer()).onCommit(built.totalDocs(),
          TarGzUtils.uncompressedSize(tarGz), threshold == null ? -1 : Long.parseLong(threshold),
          System.currentTimeMillis() - consuming.creationTime());
    }
    LlcSegmentName name = LlcSegmentName.parse(segmentName);
    Map<String, Map<String, String>> changes = new LinkedHashMap<>();
    Map<String, String> current = idealStates.idealState(table).get(segmentName);
    Map<String, String> online = states(config, name.partitionGroupId(), StateModels.ONLINE);
    if (current != null && !current.isEmpty()) {
      online = new TreeMap<>();
      for (String instance : current.keySet()) {
        online.put(instance, StateModels.ONLINE);
      }
    }
    changes.put(segmentName, online);
    if (!isPaused(table)) {
      SegmentZkMetadata next = inProgress(config, name.partitionGroupId(), name.sequenceNumber() + 1, endOffset);
      store.putSegment(table, next);
      changes.put(next.segmentName(), states(config, name.partitionGroupId(), StateModels.CONSUMING));
    }
    idealStates.setSegmentStates(table, changes);
    LOGGER.info("Committed segment {} of {} at offset {} ({} docs); next: {}", segmentName, table, endOffset,
        built.totalDocs(), changes.keySet());
  }

  /// Marks the table paused (no new consuming segments) or resumed; a resume restarts consumption at once.
  public synchronized void setPaused(TableConfig config, boolean paused) throws StreamException {
    idealStates.setSimpleField(config.tableName(), IS_TABLE_PAUSED, Boolean.toString(paused));
    if (!paused) {
      ensureAllPartitionsConsuming(config);
    }
  }

  private static boolean allOffline(Map<String, String> states) {
    return !states.isEmpty() && states.values().stream().allMatch(StateModels.OFFLINE::equals);
  }

  public boolean isPaused(String tableNameWithType) {
    return Boolean.parseBoolean(idealStates.simpleField(tableNameWithType, IS_TABLE_PAUSED));
  }

  /// The newest segment (highest sequence number) of each partition.
  public Map<Integer, SegmentZkMetadata> latestSegments(String tableNameWithType) {
    Map<Integer, SegmentZkMetadata> latest = new TreeMap<>();
    Map<Integer, Integer> sequences = new TreeMap<>();
    for (SegmentZkMetadata segment : store.segments(tableNameWithType)) {
      if (!LlcSegmentName.isLlcSegmentName(segment.segmentName())) {
        continue;
      }
      LlcSegmentName name = LlcSegmentName.parse(segment.segmentName());
      Integer known = sequences.get(name.partitionGroupId());
      if (known == null || name.sequenceNumber() > known) {
        sequences.put(name.partitionGroupId(), name.sequenceNumber());
        latest.put(name.partitionGroupId(), segment);
      }
    }
    return latest;
  }

  private SegmentZkMetadata inProgress(TableConfig config, int partition, int sequence, long startOffset) {
    long now = System.currentTimeMillis();
    LlcSegmentName name = LlcSegmentName.of(config.rawTableName(), partition, sequence, now);
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put(SegmentZkMetadata.REALTIME_STATUS, SegmentZkMetadata.STATUS_IN_PROGRESS);
    fields.put(SegmentZkMetadata.START_OFFSET, Long.toString(startOffset));
    fields.put(SegmentZkMetadata.NUM_REPLICAS, Integer.toString(replicas(config)));
    fields.put(SegmentZkMetadata.FLUSH_THRESHOLD_SIZE, Integer.toString(rowThreshold(config)));
    return new SegmentZkMetadata(name.toString(), -1, now, null, now, -1, -1, -1, -1, null, null, -1, fields);
  }

  /// The row threshold of a new consuming segment: the configured rows, or with rows 0 the size-tuned threshold.
  private int rowThreshold(TableConfig config) {
    StreamConfig stream = StreamConfig.of(config);
    return stream.flushThresholdRows() > 0 ? stream.flushThresholdRows()
        : thresholds.computeIfAbsent(config.tableName(), t -> new FlushThresholdComputer()).nextThreshold(stream);
  }

  private SegmentZkMetadata committed(SegmentZkMetadata consuming, SegmentMetadata built, long endOffset,
      long size, String raw) {
    Map<String, String> fields = new LinkedHashMap<>(consuming.otherFields());
    fields.put(SegmentZkMetadata.REALTIME_STATUS, SegmentZkMetadata.STATUS_DONE);
    fields.put(SegmentZkMetadata.END_OFFSET, Long.toString(endOffset));
    String url = SegmentManager.downloadUrl(downloadBase.get(), raw, consuming.segmentName());
    String timeUnit = built.timeUnit() == null ? null : built.timeUnit().name();
    return new SegmentZkMetadata(consuming.segmentName(), built.crc(), built.creationTime(), url,
        consuming.pushTime(), -1, built.totalDocs(), built.startTime(), built.endTime(), timeUnit,
        built.formatVersion(), size, fields);
  }

  /// The servers of partition `partition`: `replicasPerPartition` (or `replication`) of the REALTIME tenant's
  /// servers, taken round-robin from the partition number so partitions spread evenly.
  private Map<String, String> states(TableConfig config, int partition, String state) {
    String tag = config.tenants().serverTag(config.tableType());
    List<String> servers = new ArrayList<>(new TreeSet<>(instances.instancesWithTag(tag)));
    if (servers.isEmpty()) {
      throw new IllegalStateException("No server with tag " + tag + " can consume " + config.tableName()
          + ": start a server of that tenant");
    }
    int replicas = Math.min(replicas(config), servers.size());
    Map<String, String> states = new TreeMap<>();
    for (int i = 0; i < replicas; i++) {
      states.put(servers.get((partition + i) % servers.size()), state);
    }
    return states;
  }

  static int replicas(TableConfig config) {
    String perPartition = config.segmentsConfig().replicasPerPartition();
    if (perPartition != null && !perPartition.isBlank()) {
      return Math.max(1, Integer.parseInt(perPartition.trim()));
    }
    return config.segmentsConfig().replicationNumber();
  }
}
