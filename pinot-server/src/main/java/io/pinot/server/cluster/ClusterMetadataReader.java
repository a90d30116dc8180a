// SPDX-License-Identifier: Apache-2.0
package io.pinot.server.cluster;

import io.pinot.common.cluster.PropertyStorePaths;
import io.pinot.common.cluster.ZnRecords;
import io.pinot.common.metadata.SegmentZkMetadata;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.Schema;
import org.apache.helix.AccessOption;
import org.apache.helix.HelixManager;
import org.apache.helix.store.zk.ZkHelixPropertyStore;
import org.apache.helix.zookeeper.datamodel.ZNRecord;
import org.jspecify.annotations.Nullable;

/// Reads segment metadata, table configs and schemas from the property store. Used on segment state
/// transitions only, never on the query path.
final class ClusterMetadataReader {
  private final HelixManager manager;

  /// The manager may still be disconnected: the store is looked up on each call, after the connection.
  ClusterMetadataReader(HelixManager manager) {
    this.manager = manager;
  }

  private ZkHelixPropertyStore<ZNRecord> store() {
    return manager.getHelixPropertyStore();
  }

  @Nullable SegmentZkMetadata segment(String tableNameWithType, String segmentName) {
    ZNRecord record = store().get(PropertyStorePaths.segment(tableNameWithType, segmentName), null,
        AccessOption.PERSISTENT);
    return record == null ? null : ZnRecords.toSegmentMetadata(record);
  }

  @Nullable TableConfig tableConfig(String tableNameWithType) {
    ZNRecord tableRecord = store().get(PropertyStorePaths.tableConfig(tableNameWithType), null,
        AccessOption.PERSISTENT);
    return tableRecord == null ? null : ZnRecords.toTableConfig(tableRecord);
  }

  @Nullable Schema schemaOfTable(String tableNameWithType) {
    TableConfig config = tableConfig(tableNameWithType);
    if (config == null) {
      return null;
    }
    ZNRecord schemaRecord = store().get(PropertyStorePaths.schema(config.schemaName()), null, AccessOption.PERSISTENT);
    return schemaRecord == null ? null : ZnRecords.toSchema(schemaRecord);
  }
}
