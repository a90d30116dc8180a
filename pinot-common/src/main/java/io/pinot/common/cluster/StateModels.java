// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.cluster;

import org.apache.helix.model.StateModelDefinition;

/// Apache Pinot's two Helix state models: `SegmentOnlineOfflineStateModel` (servers; a table is a
/// resource and each segment a partition) and `BrokerResourceOnlineOfflineStateModel` (brokers; the
/// `brokerResource` resource has one partition per table name with type).
public final class StateModels {
  public static final String SEGMENT_STATE_MODEL = "SegmentOnlineOfflineStateModel";
  public static final String BROKER_STATE_MODEL = "BrokerResourceOnlineOfflineStateModel";
  public static final String BROKER_RESOURCE = "brokerResource";

  public static final String ONLINE = "ONLINE";
  public static final String OFFLINE = "OFFLINE";
  public static final String CONSUMING = "CONSUMING";
  public static final String DROPPED = "DROPPED";
  public static final String ERROR = "ERROR";

  private StateModels() {
  }

  /// OFFLINE is initial; OFFLINE→ONLINE loads a segment, ONLINE→OFFLINE unloads it, OFFLINE→DROPPED
  /// deletes it; CONSUMING is for real-time segments.
  public static StateModelDefinition segmentStateModel() {
    StateModelDefinition.Builder builder = new StateModelDefinition.Builder(SEGMENT_STATE_MODEL);
    builder.initialState(OFFLINE);
    builder.addState(ONLINE);
    builder.addState(CONSUMING);
    builder.addState(OFFLINE);
    builder.addState(DROPPED);
    builder.addTransition(CONSUMING, ONLINE);
    builder.addTransition(OFFLINE, CONSUMING);
    builder.addTransition(OFFLINE, ONLINE);
    builder.addTransition(CONSUMING, OFFLINE);
    builder.addTransition(ONLINE, OFFLINE);
    builder.addTransition(OFFLINE, DROPPED);
    builder.dynamicUpperBound(ONLINE, "R");
    builder.dynamicUpperBound(CONSUMING, "R");
    return builder.build();
  }

  public static StateModelDefinition brokerStateModel() {
    StateModelDefinition.Builder builder = new StateModelDefinition.Builder(BROKER_STATE_MODEL);
    builder.initialState(OFFLINE);
    builder.addState(ONLINE);
    builder.addState(OFFLINE);
    builder.addState(DROPPED);
    builder.addTransition(OFFLINE, ONLINE);
    builder.addTransition(ONLINE, OFFLINE);
    builder.addTransition(OFFLINE, DROPPED);
    builder.dynamicUpperBound(ONLINE, "R");
    return builder.build();
  }
}
