// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.helix;

import io.pinot.common.cluster.PropertyStorePaths;
import io.pinot.common.cluster.ZnRecords;
import io.pinot.common.metadata.SegmentZkMetadata;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.Schema;
import java.util.ArrayList;
import java.util.List;
import org.apache.helix.AccessOption;
import org.apache.helix.store.zk.ZkHelixPropertyStore;
import org.apache.helix.zookeeper.datamodel.ZNRecord;
import org.jspecify.annotations.Nullable;

/// Schemas, table configs and segment metadata in the Helix property store, at Apache Pinot's paths
/// (`/SCHEMAS/<name>`, `/CONFIGS/TABLE/<tableNameWithType>`, `/SEGMENTS/<tableNameWithType>/<segment>`).
/// Thread-safe (ZooKeeper serialises writes; callers coordinate read-modify-write sequences).
public final class MetadataStore {
  private final ZkHelixPropertyStore<ZNRecord> store;

  public MetadataStore(ZkHelixPropertyStore<ZNRecord> store) {
    this.store = store;
  }

  public List<String> schemaNames() {
    return children(PropertyStorePaths.SCHEMAS);
  }

  public @Nullable Schema schema(String name) {
    ZNRecord record = store.get(PropertyStorePaths.schema(name), null, AccessOption.PERSISTENT);
    return record == null ? null : ZnRecords.toSchema(record);
  }

  public void putSchema(Schema schema) {
    write(PropertyStorePaths.schema(schema.schemaName()), ZnRecords.fromSchema(schema));
  }

  public boolean deleteSchema(String name) {
    return store.remove(PropertyStorePaths.schema(name), AccessOption.PERSISTENT);
  }

  public List<String> tableNamesWithType() {
    return children(PropertyStorePaths.TABLE_CONFIGS);
  }

  public @Nullable TableConfig tableConfig(String tableNameWithType) {
    ZNRecord record = store.get(PropertyStorePaths.tableConfig(tableNameWithType), null, AccessOption.PERSISTENT);
    return record == null ? null : ZnRecords.toTableConfig(record);
  }

  public void putTableConfig(TableConfig config) {
    write(PropertyStorePaths.tableConfig(config.tableName()), ZnRecords.fromTableConfig(config));
  }

  public void deleteTableConfig(String tableNameWithType) {
    store.remove(PropertyStorePaths.tableConfig(tableNameWithType), AccessOption.PERSISTENT);
  }

  public List<String> segmentNames(String tableNameWithType) {
    return children(PropertyStorePaths.segments(tableNameWithType));
  }

  public @Nullable SegmentZkMetadata segment(String tableNameWithType, String segmentName) {
    ZNRecord record = store.get(PropertyStorePaths.segment(tableNameWithType, segmentName), null,
        AccessOption.PERSISTENT);
    return record == null ? null : ZnRecords.toSegmentMetadata(record);
  }

  /// All segment records of a table, read in one batch.
  public List<SegmentZkMetadata> segments(String tableNameWithType) {
    List<String> paths = new ArrayList<>();
    for (String name : segmentNames(tableNameWithType)) {
      paths.add(PropertyStorePaths.segment(tableNameWithType, name));
    }
    List<SegmentZkMetadata> result = new ArrayList<>();
    if (paths.isEmpty()) {
      return result;
    }
    for (ZNRecord record : store.get(paths, null, AccessOption.PERSISTENT, false)) {
      if (record != null) {
        result.add(ZnRecords.toSegmentMetadata(record));
      }
    }
    return result;
  }

  public void putSegment(String tableNameWithType, SegmentZkMetadata metadata) {
    write(PropertyStorePaths.segment(tableNameWithType, metadata.segmentName()),
        ZnRecords.fromSegmentMetadata(metadata));
  }

  public void deleteSegment(String tableNameWithType, String segmentName) {
    store.remove(PropertyStorePaths.segment(tableNameWithType, segmentName), AccessOption.PERSISTENT);
  }

  public void deleteAllSegments(String tableNameWithType) {
    store.remove(PropertyStorePaths.segments(tableNameWithType), AccessOption.PERSISTENT);
  }

  private void write(String path, ZNRecord record) {
    if (!store.set(path, record, AccessOption.PERSISTENT)) {
      throw new IllegalStateException("Failed to write " + path + " to ZooKeeper");
    }
  }

  private List<String> children(String path) {
    List<String> names = store.getChildNames(path, AccessOption.PERSISTENT);
    return names == null ? new ArrayList<>() : new ArrayList<>(names);
  }
}
