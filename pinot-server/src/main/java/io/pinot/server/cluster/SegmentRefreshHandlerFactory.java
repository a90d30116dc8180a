// SPDX-License-Identifier: Apache-2.0
package io.pinot.server.cluster;

import io.pinot.common.metadata.SegmentZkMetadata;
import io.pinot.server.data.InstanceDataManager;
import java.util.List;
import org.apache.helix.NotificationContext;
import org.apache.helix.messaging.handling.HelixTaskResult;
import org.apache.helix.messaging.handling.MessageHandler;
import org.apache.helix.messaging.handling.MultiTypeMessageHandlerFactory;
import org.apache.helix.model.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Handles Apache Pinot's `SEGMENT_REFRESH` user-defined message: a re-uploaded segment is downloaded and
/// swapped in while the old copy keeps serving queries.
final class SegmentRefreshHandlerFactory implements MultiTypeMessageHandlerFactory {
  private static final Logger LOGGER = LoggerFactory.getLogger(SegmentRefreshHandlerFactory.class);
  static final String SEGMENT_REFRESH = "SEGMENT_REFRESH";

  private final InstanceDataManager dataManager;
  private final ClusterMetadataReader metadata;

  SegmentRefreshHandlerFactory(InstanceDataManager dataManager, ClusterMetadataReader metadata) {
    this.dataManager = dataManager;
    this.metadata = metadata;
  }

  @Override
  public MessageHandler createHandler(Message message, NotificationContext context) {
    return new MessageHandler(message, context) {
      @Override
      public HelixTaskResult handleMessage() {
        HelixTaskResult result = new HelixTaskResult();
        if (!SEGMENT_REFRESH.equals(_message.getMsgSubType())) {
          result.setSuccess(true);
          return result;
        }
        String table = _message.getResourceName();
        String segment = _message.getPartitionName();
        try {
          SegmentZkMetadata zkMetadata = metadata.segment(table, segment);
          if (zkMetadata != null) {
            dataManager.loadSegment(table, segment, zkMetadata, metadata.schemaOfTable(table));
            LOGGER.info("Refreshed segment {} of {}", segment, table);
          }
          result.setSuccess(true);
        } catch (Exception e) {
          LOGGER.error("Refresh of segment {} of {} failed", segment, table, e);
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

  @Override
  public List<String> getMessageTypes() {
    return List.of(Message.MessageType.USER_DEFINE_MSG.name());
  }

  @Override
  public void reset() {
  }
}
