// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.helix;

import java.util.UUID;
import org.apache.helix.ClusterMessagingService;
import org.apache.helix.Criteria;
import org.apache.helix.HelixManager;
import org.apache.helix.InstanceType;
import org.apache.helix.model.Message;

/// Sends Apache Pinot's `SEGMENT_REFRESH` user-defined Helix message to the servers hosting a segment
/// when a re-upload replaced it, so that they swap in the new copy without a gap in query service.
public final class SegmentMessenger {
  /// The message sub-type servers listen for.
  public static final String SEGMENT_REFRESH = "SEGMENT_REFRESH";

  private final HelixManager manager;

  public SegmentMessenger(HelixManager manager) {
    this.manager = manager;
  }

  /// Returns the number of instances the message was sent to.
  public int sendRefresh(String tableNameWithType, String segmentName) {
    Criteria criteria = new Criteria();
    criteria.setRecipientInstanceType(InstanceType.PARTICIPANT);
    criteria.setInstanceName("%");
    criteria.setResource(tableNameWithType);
    criteria.setPartition(segmentName);
    criteria.setSessionSpecific(true);
    Message message = new Message(Message.MessageType.USER_DEFINE_MSG, UUID.randomUUID().toString());
    message.setMsgSubType(SEGMENT_REFRESH);
    message.setResourceName(tableNameWithType);
    message.setPartitionName(segmentName);
    message.setExecutionTimeout(-1);
    ClusterMessagingService messaging = manager.getMessagingService();
    return messaging.send(criteria, message, null, -1);
  }
}
