// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller;

import io.pinot.controller.deepstore.SegmentDeepStore;
import io.pinot.controller.helix.ControllerJobStore;
import io.pinot.controller.helix.IdealStateManager;
import io.pinot.controller.helix.InstanceManager;
import io.pinot.controller.helix.MetadataStore;
import io.pinot.controller.helix.ZkBrowser;
import io.pinot.controller.segment.SegmentManager;
import io.pinot.controller.table.TableManager;
import io.pinot.controller.periodic.PeriodicTasks;
import io.pinot.controller.realtime.RealtimeServices;
import io.pinot.controller.rebalance.TableRebalancer;
import java.net.http.HttpClient;

/// The parts of one controller node that its REST resources use. One per controller (several controllers
/// may run in one JVM).
public record ControllerContext(
    ControllerConfig config,
    String instanceId,
    MetadataStore metadataStore,
    IdealStateManager idealStates,
    InstanceManager instances,
    SegmentDeepStore deepStore,
    TableManager tables,
    SegmentManager segments,
    RealtimeServices realtime,
    PeriodicTasks periodicTasks,
    HttpClient httpClient,
    ZkBrowser zk,
    ControllerJobStore jobs,
    TableRebalancer rebalancer) {
}
