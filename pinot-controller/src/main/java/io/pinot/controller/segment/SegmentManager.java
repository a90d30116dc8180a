// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.segment;

import io.pinot.common.http.RestException;
import io.pinot.common.metadata.SegmentZkMetadata;
import io.pinot.common.utils.JsonUtils;
import io.pinot.controller.assignment.BalancedSegmentAssignment;
import io.pinot.controller.deepstore.SegmentDeepStore;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

  private final MetadataStore store;
  private final IdealStateManager idealStates;
  private final InstanceManager instances;
  private final SegmentMessenger messenger;
  private final SegmentDeepStore deepStore;
  private final Supplier<String> downloadBase;

  /// @param downloadBase the controller's base URL for download URIs (`http://host:port`), read per upload
  public SegmentManager(MetadataStore store, IdealStateManager idealStates, InstanceManager instances,
      SegmentMessenger messenger, SegmentDeepStore deepStore, Supplier<String> downloadBase) {
    this.store = store;
    this.idealStates = idealStates;
    this.instances = instances;
    this.messenger = messenger;
    this.deepStore = deepStore;
    this.downloadBase = downloadBase;
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
    List<String> sent = messenger.sendReload(tableNameWithType, segmentName, servers);
    return new ReloadResult(tableNameWithType, numSegments, sent, UUID.randomUUID().toString());
  }

  /// What a reload request did: the segments concerned and the live servers that were told to reload them.
  public record ReloadResult(String tableNameWithType, int numSegments, List<String> servers, String reloadJobId) {
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
