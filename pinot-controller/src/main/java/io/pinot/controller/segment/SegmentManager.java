// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.segment;

import io.pinot.common.cluster.StateModels;
import io.pinot.common.http.RestException;
import io.pinot.common.metadata.SegmentZkMetadata;
import io.pinot.common.utils.JsonUtils;
import io.pinot.controller.assignment.BalancedSegmentAssignment;
import io.pinot.controller.deepstore.SegmentDeepStore;
import io.pinot.controller.helix.ControllerJobStore;
import io.pinot.controller.helix.IdealStateManager;
import io.pinot.controller.helix.InstanceManager;
import io.pinot.controller.helix.MetadataStore;
import io.pinot.controller.helix.SegmentMessenger;
import io.pinot.segment.spi.ColumnMetadata;
import io.pinot.segment.spi.ColumnPartitionMetadata;
import io.pinot.segment.spi.SegmentMetadata;
import io.pinot.segment.tar.TarGzUtils;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.utils.TableNameBuilder;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Segment upload, replacement and deletion for OFFLINE tables. An upload stores the tarball in the deep
/// store first, then the segment's ZooKeeper metadata, then its assignment in the ideal state; a failure
/// at any step undoes the earlier ones, so a table never lists a segment that cannot be downloaded.
/// Re-uploading a name replaces the segment: new metadata, then a refresh message to its servers.
public final class SegmentManager {
  private static final Logger LOGGER = LoggerFactory.getLogger(SegmentManager.class);
  /// Pinot's job type of segment reloads (one segment or all of a table's) under `/CONTROLLER_JOBS`.
  public static final String RELOAD_JOB_TYPE = "RELOAD_SEGMENT";
  /// Job metadata key naming the segment of a one-segment reload.
  public static final String RELOAD_JOB_SEGMENT_NAME = "segmentName";

  private final MetadataStore store;
  private final IdealStateManager idealStates;
  private final InstanceManager instances;
  private final SegmentMessenger messenger;
  private final SegmentDeepStore deepStore;
  private final Supplier<String> downloadBase;
  private final ControllerJobStore jobs;

  /// @param downloadBase the controller's base URL for download URIs (`http://host:port`), read per upload
  public SegmentManager(MetadataStore store, IdealStateManager idealStates, InstanceManager instances,
      SegmentMessenger messenger, SegmentDeepStore deepStore, Supplier<String> downloadBase, ControllerJobStore jobs) {
    this.store = store;
    this.idealStates = idealStates;
    this.instances = instances;
    this.messenger = messenger;
    this.deepStore = deepStore;
    this.downloadBase = downloadBase;
    this.jobs = jobs;
  }

  /// Adds or replaces the segment in `tarGz`. `tableName` (raw or with type) overrides the table named in the
  /// segment's metadata. With a `downloadUri` (URI push) servers fetch the segment from there and the deep
  /// store keeps no copy; without one the tarball is stored in the deep store and served by the controller.
  public UploadResult upload(Path tarGz, @Nullable String tableName, @Nullable String downloadUri)
      throws IOException {
    SegmentMetadata metadata;
    try {
      metadata = TarGzUtils.readMetadataFromTarGz(tarGz);
    } catch (IOException | RuntimeException e) {
      throw RestException.badRequest("Invalid segment tarball: " + e.getMessage());
    }
    String raw = TableNameBuilder.rawTableName(tableName == null || tableName.isBlank()
        ? metadata.tableName() : tableName);
    String tableNameWithType = TableNameBuilder.offline(raw);
    TableConfig config = store.tableConfig(tableNameWithType);
    if (config == null) {
      throw RestException.notFound("Table " + tableNameWithType + " does not exist");
    }
    String segmentName = metadata.segmentName();
    if (segmentName.isBlank() || segmentName.contains("/") || segmentName.contains("\\")
        || segmentName.equals("..")) {
      throw RestException.badRequest("Invalid segment name[" + segmentName + "]");
    }
    long size = Files.size(tarGz);
    if (downloadUri == null) {
      deepStore.store(raw, segmentName, tarGz);
    }
    SegmentZkMetadata uploaded = toZkMetadata(metadata, raw, size, downloadUri);
    try {
      commit(config, uploaded);
    } catch (RuntimeException e) {
      LOGGER.warn("Upload of segment {} to {} failed: {}", segmentName, tableNameWithType, e.getMessage());
      throw e;
    }
    return new UploadResult(segmentName, tableNameWithType);
  }

  /// The segment an upload added or replaced.
  public record UploadResult(String segmentName, String tableNameWithType) {
  }

  private synchronized void commit(TableConfig config, SegmentZkMetadata uploaded) throws IOException {
    String table = config.tableName();
    SegmentZkMetadata existing = store.segment(table, uploaded.segmentName());
    if (existing != null && idealStates.idealState(table).containsKey(uploaded.segmentName())) {
      if (existing.crc() == uploaded.crc()) {
        LOGGER.info("Segment {} of {} re-uploaded with the same CRC: nothing to refresh", uploaded.segmentName(),
            table);
        return;
      }
      store.putSegment(table, existing.refreshedBy(uploaded, System.currentTimeMillis()));
      int sent = messenger.sendRefresh(table, uploaded.segmentName());
      LOGGER.info("Refreshed segment {} of {} on {} server(s)", uploaded.segmentName(), table, sent);
      return;
    }
    String tag = config.tenants().serverTag(config.tableType());
    Set<String> assigned;
    try {
      assigned = BalancedSegmentAssignment.assign(idealStates.idealState(table), instances.instancesWithTag(tag),
          config.segmentsConfig().replicationNumber());
    } catch (IllegalStateException e) {
      deepStore.delete(TableNameBuilder.rawTableName(table), uploaded.segmentName());
      throw new RestException(Response.Status.SERVICE_UNAVAILABLE, "No server with tag " + tag
          + " can host segment " + uploaded.segmentName() + ": start a server of that tenant");
    }
    store.putSegment(table, uploaded);
    try {
      idealStates.assignSegment(table, uploaded.segmentName(), assigned);
    } catch (RuntimeException e) {
      store.deleteSegment(table, uploaded.segmentName());
      deepStore.delete(TableNameBuilder.rawTableName(table), uploaded.segmentName());
      throw e;
    }
    LOGGER.info("Added segment {} to {} on {}", uploaded.segmentName(), table, assigned);
  }

  /// Deletes a segment from the ideal state (servers drop it), ZooKeeper and the deep store.
  public synchronized void delete(String tableNameWithType, String segmentName) throws IOException {
    boolean known = store.segment(tableNameWithType, segmentName) != null
        || idealStates.idealState(tableNameWithType).containsKey(segmentName);
    if (!known) {
      throw RestException.notFound("Segment " + segmentName + " of table " + tableNameWithType + " not found");
    }
    idealStates.removeSegment(tableNameWithType, segmentName);
    store.deleteSegment(tableNameWithType, segmentName);
    deepStore.delete(TableNameBuilder.rawTableName(tableNameWithType), segmentName);
  }

  /// Asks the servers hosting the table (or one segment) to reload: rebuild indexes and default columns from
  /// the current table config and schema, then swap the segment in without a gap in query service.
  public ReloadResult reload(String tableNameWithType, @Nullable String segmentName) {
    Map<String, Map<String, String>> idealState = idealStates.idealState(tableNameWithType);
    Set<String> servers = new TreeSet<>();
    int numSegments = 0;
    for (Map.Entry<String, Map<String, String>> segment : idealState.entrySet()) {
      if (segmentName == null || segment.getKey().equals(segmentName)) {
        servers.addAll(segment.getValue().keySet());
        numSegments++;
      }
    }
    if (segmentName != null && numSegments == 0) {
      throw RestException.notFound("Segment " + segmentName + " of table " + tableNameWithType + " not found");
    }
    // Taken before the messages go out: servers count the segments (re)loaded at or after this time as done.
    long submissionTimeMs = System.currentTimeMillis();
    List<String> sent = messenger.sendReload(tableNameWithType, segmentName, servers);
    String jobId = UUID.randomUUID().toString();
    Map<String, String> job = new LinkedHashMap<>();
    job.put(ControllerJobStore.JOB_ID, jobId);
    job.put(ControllerJobStore.TABLE_NAME_WITH_TYPE, tableNameWithType);
    job.put(ControllerJobStore.JOB_TYPE, RELOAD_JOB_TYPE);
    job.put(ControllerJobStore.SUBMISSION_TIME_MS, Long.toString(submissionTimeMs));
    job.put(ControllerJobStore.MESSAGE_COUNT, Integer.toString(sent.size()));
    if (segmentName != null) {
      job.put(RELOAD_JOB_SEGMENT_NAME, segmentName);
    }
    boolean stored = true;
    try {
      jobs.put(job);
    } catch (RuntimeException e) {
      // As in Pinot, the reload goes on; only its status cannot be followed.
      LOGGER.error("Failed to store reload job {} of {} in ZooKeeper", jobId, tableNameWithType, e);
      stored = false;
    }
    return new ReloadResult(tableNameWithType, numSegments, sent, jobId, stored);
  }

  /// What a reload request did: the segments concerned, the live servers that were told to reload them, and the job
  /// id under which `GET /segments/segmentReloadStatus/{jobId}` follows it (`jobStored` false when ZooKeeper refused
  /// the job record).
  public record ReloadResult(String tableNameWithType, int numSegments, List<String> servers, String reloadJobId,
      boolean jobStored) {
  }

  /// Apache Pinot's segment reset: each server hosting the segment (or, without a segment name, each segment of the
  /// table; only those in ERROR with `errorSegmentsOnly`) takes it to OFFLINE and Helix brings it back ONLINE,
  /// reloading it. Segments OFFLINE (or absent) on a server are skipped. `targetInstance` limits the reset to
  /// one server. Returns the number of segment replicas reset.
  ///
  /// @throws RestException 404 for an unknown table or segment, 500 when a server could not be messaged
  public int reset(String tableNameWithType, @Nullable String segmentName, @Nullable String targetInstance,
      boolean errorSegmentsOnly) {
    Map<String, Map<String, String>> idealState = idealStates.idealState(tableNameWithType);
    if (idealState.isEmpty() && !idealStates.resourceExists(tableNameWithType)) {
      throw RestException.notFound("Failed to reset segments in table: " + tableNameWithType
          + ". Could not find ideal state for table: " + tableNameWithType);
    }
    if (segmentName != null && !idealState.containsKey(segmentName)) {
      throw RestException.notFound("Failed to reset segments in table: " + tableNameWithType
          + ". Could not find segment: " + segmentName + " in ideal state");
    }
    Map<String, Map<String, String>> externalView = idealStates.externalView(tableNameWithType);
    Map<String, Set<String>> serverToSegments = new TreeMap<>();
    for (Map.Entry<String, Map<String, String>> segment : idealState.entrySet()) {
      if (segmentName != null && !segment.getKey().equals(segmentName)) {
        continue;
      }
      Map<String, String> states = externalView.getOrDefault(segment.getKey(), Map.of());
      for (String server : segment.getValue().keySet()) {
        String state = states.get(server);
        boolean wanted = errorSegmentsOnly ? StateModels.ERROR.equals(state)
            : state != null && !StateModels.OFFLINE.equals(state);
        if (wanted && (targetInstance == null || targetInstance.equals(server))) {
          serverToSegments.computeIfAbsent(server, s -> new TreeSet<>()).add(segment.getKey());
        }
      }
    }
    int reset = 0;
    List<String> failed = new ArrayList<>();
    for (Map.Entry<String, Set<String>> entry : serverToSegments.entrySet()) {
      try {
        reset += messenger.sendReset(entry.getKey(), tableNameWithType, entry.getValue()).size();
      } catch (RuntimeException e) {
        LOGGER.error("Failed to reset segments {} of {} on {}", entry.getValue(), tableNameWithType, entry.getKey(), e);
        failed.add(entry.getKey() + " (" + e.getMessage() + ")");
      }
    }
    if (!failed.isEmpty()) {
      throw new RestException(Response.Status.INTERNAL_SERVER_ERROR, "Failed to reset "
          + (segmentName == null ? "segments" : "segment: " + segmentName) + " of table: " + tableNameWithType
          + " on instances: " + failed);
    }
    LOGGER.info("Reset {} segment replica(s) of {}: {}", reset, tableNameWithType, serverToSegments);
    return reset;
  }

  /// Segment names of a table half from its ideal state, sorted.
  public Set<String> segments(String tableNameWithType) {
    Map<String, Map<String, String>> idealState = idealStates.idealState(tableNameWithType);
    return new TreeSet<>(idealState.keySet());
  }

  private SegmentZkMetadata toZkMetadata(SegmentMetadata metadata, String raw, long size,
      @Nullable String downloadUri) {
    String url = downloadUri != null ? downloadUri
        : downloadUrl(downloadBase.get(), raw, metadata.segmentName());
    String timeUnit = metadata.timeUnit() == null ? null : metadata.timeUnit().name();
    long now = System.currentTimeMillis();
    return new SegmentZkMetadata(metadata.segmentName(), metadata.crc(), metadata.creationTime(), url, now, -1,
        metadata.totalDocs(), metadata.startTime(), metadata.endTime(), timeUnit, metadata.formatVersion(), size,
        partitionFields(metadata));
  }

  /// Pinot's `segment.partition.metadata` (`{"columnPartitionMap": {column: {"functionName", "numPartitions",
  /// "partitions", "functionConfig"}}}`) for a segment with partitioned columns, for brokers to prune on.
  static Map<String, String> partitionFields(SegmentMetadata metadata) {
    Map<String, Object> columns = new LinkedHashMap<>();
    for (ColumnMetadata column : metadata.columns().values()) {
      ColumnPartitionMetadata partition = column.partitionMetadata();
      if (partition != null) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("functionName", partition.functionName());
        entry.put("numPartitions", partition.numPartitions());
        entry.put("partitions", partition.partitions());
        entry.put("functionConfig", partition.functionConfig().isEmpty() ? null : partition.functionConfig());
        columns.put(column.name(), entry);
      }
    }
    return columns.isEmpty() ? Map.of()
        : Map.of(SegmentZkMetadata.PARTITION_METADATA, JsonUtils.toJson(Map.of("columnPartitionMap", columns)));
  }

  /// The controller's download URL of a segment: `<base>/segments/<rawTable>/<segment>`, names URL-encoded.
  public static String downloadUrl(String base, String rawTableName, String segmentName) {
    return base + "/segments/" + encode(rawTableName) + "/" + encode(segmentName);
  }

  private static String encode(String name) {
    return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
