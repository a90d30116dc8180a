// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.helix;

import io.pinot.common.cluster.StateModels;
import java.time.Duration;
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
import org.apache.helix.model.CurrentState;
import org.apache.helix.model.IdealState;
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

  /// How long a reset waits for other messages of its segments to be handled on the server.
  static final Duration PENDING_MESSAGE_WAIT = Duration.ofSeconds(30);

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

  /// Apache Pinot's segment reset (`resetPartitionAllState`): sends `server` one Helix state transition per segment,
  /// from the segment's current state there (ONLINE, CONSUMING or ERROR) to OFFLINE, the state model's initial
  /// state. The server unloads the segment; Helix then sends it back to its ideal state (OFFLINE→ONLINE loads it
  /// again, from the local copy or the deep store). Segments already OFFLINE, or unknown to the server, are skipped.
  ///
  /// @return the segments a transition was sent for
  /// @throws IllegalStateException when the server is not live, or another message of one of the segments (a
  ///     transition, a reload) is still being handled there after [#PENDING_MESSAGE_WAIT]
  public List<String> sendReset(String server, String tableNameWithType, Set<String> segmentNames) {
    HelixDataAccessor accessor = manager.getHelixDataAccessor();
    PropertyKey.Builder keys = accessor.keyBuilder();
    LiveInstance live = accessor.getProperty(keys.liveInstance(server));
    if (live == null) {
      throw new IllegalStateException("Server " + server + " is not live");
    }
    String sessionId = live.getEphemeralOwner();
    // The server's Helix discards a transition of a segment while another message of that segment is being handled
    // (a reload still finishing, for one), so the reset waits for those messages to end before it sends its own.
    awaitNoPendingMessage(accessor, server, sessionId, tableNameWithType, segmentNames);
    IdealState idealState = accessor.getProperty(keys.idealStates(tableNameWithType));
    CurrentState current = accessor.getProperty(keys.currentState(server, sessionId, tableNameWithType));
    if (idealState == null || current == null) {
      return List.of();
    }
    List<PropertyKey> messageKeys = new ArrayList<>();
    List<Message> messages = new ArrayList<>();
    List<String> reset = new ArrayList<>();
    for (String segment : new TreeSet<>(segmentNames)) {
      String state = current.getState(segment);
      if (state == null || StateModels.OFFLINE.equals(state)) {
        continue;
      }
      Message message = new Message(Message.MessageType.STATE_TRANSITION, UUID.randomUUID().toString());
      message.setSrcName(manager.getInstanceName());
      message.setTgtName(server);
      message.setTgtSessionId(sessionId);
      message.setMsgState(Message.MessageState.NEW);
      message.setResourceName(tableNameWithType);
      message.setPartitionName(segment);
      message.setStateModelDef(idealState.getStateModelDefRef());
      message.setStateModelFactoryName(idealState.getStateModelFactoryName());
      message.setFromState(state);
      message.setToState(StateModels.OFFLINE);
      messageKeys.add(keys.message(server, message.getId()));
      messages.add(message);
      reset.add(segment);
    }
    if (!messages.isEmpty()) {
      accessor.createChildren(messageKeys, messages);
    }
    return reset;
  }

  private static void awaitNoPendingMessage(HelixDataAccessor accessor, String server, String sessionId,
      String tableNameWithType, Set<String> segmentNames) {
    long deadline = System.nanoTime() + PENDING_MESSAGE_WAIT.toNanos();
    Set<String> pending = pendingSegments(accessor, server, sessionId, tableNameWithType, segmentNames);
    while (!pending.isEmpty() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for messages of " + pending + " on " + server, e);
      }
      pending = pendingSegments(accessor, server, sessionId, tableNameWithType, segmentNames);
    }
    if (!pending.isEmpty()) {
      throw new IllegalStateException("Messages of segments " + pending + " are still being processed on " + server
          + " after " + PENDING_MESSAGE_WAIT.toSeconds() + " s; retry when they are done");
    }
  }

  /// The segments among `segmentNames` with a message of any kind waiting or in progress on the server's session.
  private static Set<String> pendingSegments(HelixDataAccessor accessor, String server, String sessionId,
      String tableNameWithType, Set<String> segmentNames) {
    Set<String> pending = new TreeSet<>();
    List<Message> messages = accessor.getChildValues(accessor.keyBuilder().messages(server), true);
    for (Message message : messages) {
      String target = message.getTgtSessionId();
      if ((sessionId.equals(target) || "*".equals(target)) && tableNameWithType.equals(message.getResourceName())
          && segmentNames.contains(message.getPartitionName())) {
        pending.add(message.getPartitionName());
      }
    }
    return pending;
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
