// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.helix;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.helix.ClusterMessagingService;
import org.apache.helix.Criteria;
import org.apache.helix.HelixDataAccessor;
import org.apache.helix.HelixManager;
import org.apache.helix.InstanceType;
import org.apache.helix.PropertyKey;
import org.apache.helix.model.LiveInstance;
import org.apache.helix.model.Message;
import org.jspecify.annotations.Nullable;

/// Sends Apache Pinot's user-defined Helix messages to servers: `SEGMENT_REFRESH` when a re-upload replaced a
/// segment (servers swap in the new copy without a gap in query service) and `SEGMENT_RELOAD` when a table's
/// indexes or schema changed (servers rebuild indexes and default columns in place, then swap).
public final class SegmentMessenger {
  /// The message sub-type servers listen for.
  public static final String SEGMENT_REFRESH = "SEGMENT_REFRESH";
  /// Sub-type of the reload message; an empty partition name means every segment of the table.
  public static final String SEGMENT_RELOAD = "SEGMENT_RELOAD";
  /// Sub-type of Pinot's force-commit message for REALTIME tables.
  public static final String FORCE_COMMIT = "FORCE_COMMIT";

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

  /// Sends Pinot's `FORCE_COMMIT` message to each live server in `servers`: their consuming segments of the table
  /// end now and commit. Returns the servers messaged.
  public List<String> sendForceCommit(String tableNameWithType, Set<String> servers) {
    return sendToServers(FORCE_COMMIT, tableNameWithType, "", servers);
  }

  /// Sends one reload message to each live server in `servers` (the table's, or the segment's), for one
  /// segment or, with a null segment name, for all of the table's segments on that server. Returns the
  /// servers messaged.
  public List<String> sendReload(String tableNameWithType, @Nullable String segmentName, Set<String> servers) {
    return sendToServers(SEGMENT_RELOAD, tableNameWithType, segmentName == null ? "" : segmentName, servers);
  }

  private List<String> sendToServers(String subType, String tableNameWithType, String segmentName,
      Set<String> servers) {
    HelixDataAccessor accessor = manager.getHelixDataAccessor();
    PropertyKey.Builder keys = accessor.keyBuilder();
    List<String> sent = new ArrayList<>();
    for (String server : new TreeSet<>(servers)) {
      LiveInstance live = accessor.getProperty(keys.liveInstance(server));
      if (live == null) {
        continue;
      }
      Message message = new Message(Message.MessageType.USER_DEFINE_MSG, UUID.randomUUID().toString());
      message.setMsgSubType(subType);
      message.setResourceName(tableNameWithType);
      message.setPartitionName(segmentName);
      message.setTgtName(server);
      message.setTgtSessionId(live.getEphemeralOwner());
      message.setSrcName(manager.getInstanceName());
      message.setSrcInstanceType(manager.getInstanceType());
      message.setMsgState(Message.MessageState.NEW);
      message.setExecutionTimeout(-1);
      if (accessor.createChildren(List.of(keys.message(server, message.getId())), List.of(message))[0]) {
        sent.add(server);
      }
    }
    return sent;
  }
}
