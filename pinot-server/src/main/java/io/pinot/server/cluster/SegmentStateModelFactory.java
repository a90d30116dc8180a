// SPDX-License-Identifier: Apache-2.0
package io.pinot.server.cluster;

import io.pinot.common.cluster.StateModels;
import io.pinot.common.metadata.SegmentZkMetadata;
import io.pinot.server.data.InstanceDataManager;
import io.pinot.server.realtime.RealtimeSegments;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.Schema;
import org.apache.helix.NotificationContext;
import org.apache.helix.model.Message;
import org.apache.helix.participant.statemachine.StateModel;
import org.apache.helix.participant.statemachine.StateModelFactory;
import org.apache.helix.participant.statemachine.StateModelInfo;
import org.apache.helix.participant.statemachine.Transition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Apache Pinot's `SegmentOnlineOfflineStateModel` on a server: OFFLINE→ONLINE loads a segment (from the
/// local copy or downloaded), ONLINE→OFFLINE unloads it, OFFLINE→DROPPED deletes it; OFFLINE→CONSUMING,
/// CONSUMING→ONLINE and CONSUMING→OFFLINE drive a REALTIME segment's consumption
/// (see [RealtimeSegments]). A failed transition
/// throws, and Helix puts the segment in ERROR on this server.
public final class SegmentStateModelFactory extends StateModelFactory<StateModel> {
  private static final Logger LOGGER = LoggerFactory.getLogger(SegmentStateModelFactory.class);

  private final InstanceDataManager dataManager;
  private final ClusterMetadataReader metadata;
  private final RealtimeSegments realtime;

  SegmentStateModelFactory(InstanceDataManager dataManager, ClusterMetadataReader metadata,
      RealtimeSegments realtime) {
    this.dataManager = dataManager;
    this.metadata = metadata;
    this.realtime = realtime;
  }

  @Override
  public StateModel createNewStateModel(String resourceName, String partitionName) {
    return new SegmentStateModel(resourceName, partitionName);
  }

  /// The transitions of one segment of one table.
  @StateModelInfo(states = "{'OFFLINE','ONLINE','CONSUMING','DROPPED'}", initialState = "OFFLINE")
  public final class SegmentStateModel extends StateModel {
    private final String table;
    private final String segment;

    SegmentStateModel(String table, String segment) {
      this.table = table;
      this.segment = segment;
    }

    @Transition(from = StateModels.OFFLINE, to = StateModels.ONLINE)
    public void onBecomeOnlineFromOffline(Message message, NotificationContext context) throws Exception {
      SegmentZkMetadata zkMetadata = metadata.segment(table, segment);
      if (zkMetadata == null) {
        throw new IllegalStateException("No ZooKeeper metadata for segment " + segment + " of " + table);
      }
      dataManager.loadSegment(table, segment, zkMetadata, metadata.tableConfig(table), metadata.schemaOfTable(table));
      LOGGER.info("Segment {} of {} is ONLINE", segment, table);
    }

    @Transition(from = StateModels.OFFLINE, to = StateModels.CONSUMING)
    public void onBecomeConsumingFromOffline(Message message, NotificationContext context) {
      SegmentZkMetadata zkMetadata = required();
      TableConfig config = metadata.tableConfig(table);
      Schema schema = metadata.schemaOfTable(table);
      if (config == null || schema == null) {
        throw new IllegalStateException("Table config or schema of " + table + " is missing");
      }
      if (!zkMetadata.isInProgress()) {
        // Committed while this transition was queued: serve the committed copy.
        throw new IllegalStateException("Segment " + segment + " of " + table + " is no longer consuming");
      }
      realtime.startConsuming(table, zkMetadata, config, schema);
    }

    @Transition(from = StateModels.CONSUMING, to = StateModels.ONLINE)
    public void onBecomeOnlineFromConsuming(Message message, NotificationContext context) throws Exception {
      realtime.goOnline(table, required(), metadata.tableConfig(table), metadata.schemaOfTable(table));
      LOGGER.info("Segment {} of {} is ONLINE after consuming", segment, table);
    }

    @Transition(from = StateModels.CONSUMING, to = StateModels.OFFLINE)
    public void onBecomeOfflineFromConsuming(Message message, NotificationContext context) throws Exception {
      realtime.stopConsuming(table, segment);
    }

    private SegmentZkMetadata required() {
      SegmentZkMetadata zkMetadata = metadata.segment(table, segment);
      if (zkMetadata == null) {
        throw new IllegalStateException("No ZooKeeper metadata for segment " + segment + " of " + table);
      }
      return zkMetadata;
    }

    @Transition(from = StateModels.ONLINE, to = StateModels.OFFLINE)
    public void onBecomeOfflineFromOnline(Message message, NotificationContext context) {
      dataManager.offloadSegment(table, segment);
    }

    @Transition(from = StateModels.OFFLINE, to = StateModels.DROPPED)
    public void onBecomeDroppedFromOffline(Message message, NotificationContext context) throws Exception {
      dataManager.deleteSegment(table, segment);
    }

    @Transition(from = StateModels.ERROR, to = StateModels.OFFLINE)
    public void onBecomeOfflineFromError(Message message, NotificationContext context) {
      dataManager.offloadSegment(table, segment);
    }

    @Transition(from = StateModels.ERROR, to = StateModels.DROPPED)
    public void onBecomeDroppedFromError(Message message, NotificationContext context) throws Exception {
      dataManager.deleteSegment(table, segment);
    }
  }
}
