// SPDX-License-Identifier: Apache-2.0
package io.pinot.server.cluster;

import io.pinot.common.metadata.SegmentZkMetadata;
import io.pinot.server.data.InstanceDataManager;
import io.pinot.server.realtime.RealtimeSegments;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.Schema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.helix.NotificationContext;
import org.apache.helix.messaging.handling.HelixTaskResult;
import org.apache.helix.messaging.handling.MessageHandler;
import org.apache.helix.messaging.handling.MultiTypeMessageHandlerFactory;
import org.apache.helix.model.Message;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Handles Apache Pinot's user-defined segment messages: `SEGMENT_REFRESH` (a re-uploaded segment is
/// downloaded and swapped in while the old copy keeps serving queries) and `SEGMENT_RELOAD` (one segment, or
/// all of a table's when the message names none, is rebuilt from its local copy with the current table config
/// and schema and swapped in the same way).
final class SegmentRefreshHandlerFactory implements MultiTypeMessageHandlerFactory {
  private static final Logger LOGGER = LoggerFactory.getLogger(SegmentRefreshHandlerFactory.class);
  static final String SEGMENT_REFRESH = "SEGMENT_REFRESH";
  static final String SEGMENT_RELOAD = "SEGMENT_RELOAD";
  /// Pinot's `ForceCommitMessage` sub-type: every consuming segment of the table on this server commits now.
  static final String FORCE_COMMIT = "FORCE_COMMIT";

  private final InstanceDataManager dataManager;
  private final ClusterMetadataReader metadata;
  private final RealtimeSegments realtime;

  SegmentRefreshHandlerFactory(InstanceDataManager dataManager, ClusterMetadataReader metadata,
      RealtimeSegments realtime) {
    this.dataManager = dataManager;
    this.metadata = metadata;
    this.realtime = realtime;
  }

  @Override
  public MessageHandler createHandler(Message message, NotificationContext context) {
    return new MessageHandler(message, context) {
      @Override
      public HelixTaskResult handleMessage() {
        HelixTaskResult result = new HelixTaskResult();
        String table = _message.getResourceName();
        String segment = _message.getPartitionName();
        try {
          if (SEGMENT_REFRESH.equals(_message.getMsgSubType())) {
            refresh(table, segment);
          } else if (SEGMENT_RELOAD.equals(_message.getMsgSubType())) {
            reload(table, segment);
          } else if (FORCE_COMMIT.equals(_message.getMsgSubType())) {
            LOGGER.info("Force commit of {}: {}", table, realtime.forceCommit(table));
          }
          result.setSuccess(true);
        } catch (Exception e) {
          LOGGER.error("{} of segment {} of {} failed", _message.getMsgSubType(), segment, table, e);
          result.setSuccess(false);
          result.setException(e);
        }
        return result;
      }

      @Override
      public void onError(Exception error, ErrorCode code, ErrorType type) {
        LOGGER.error("Segment refresh message failed: {}", error.getMessage());
      }
    };
  }

  private void refresh(String table, String segment) throws IOException {
    SegmentZkMetadata zkMetadata = metadata.segment(table, segment);
    if (zkMetadata != null) {
      dataManager.loadSegment(table, segment, zkMetadata, metadata.tableConfig(table), metadata.schemaOfTable(table));
      LOGGER.info("Refreshed segment {} of {}", segment, table);
    }
  }

  private void reload(String table, @Nullable String segment) throws IOException {
    TableConfig config = metadata.tableConfig(table);
    Schema schema = metadata.schemaOfTable(table);
    if (config == null || schema == null) {
      LOGGER.warn("Not reloading {}: its table config or schema is gone", table);
      return;
    }
    List<String> segments = segment == null || segment.isEmpty() ? dataManager.loadedSegments(table)
        : List.of(segment);
    List<String> failed = new ArrayList<>();
    for (String name : segments) {
      try {
        dataManager.reloadSegment(table, name, config, schema);
      } catch (IOException | RuntimeException e) {
        LOGGER.error("Failed to reload segment {} of {}; it keeps serving its previous copy", name, table, e);
        failed.add(name);
      }
    }
    if (!failed.isEmpty()) {
      throw new IOException("Failed to reload " + failed.size() + " of " + segments.size() + " segment(s) of "
          + table + ": " + failed);
    }
    LOGGER.info("Reloaded {} segment(s) of {}", segments.size(), table);
  }

  @Override
  public List<String> getMessageTypes() {
    return List.of(Message.MessageType.USER_DEFINE_MSG.name());
  }

  @Override
  public void reset() {
  }
}
