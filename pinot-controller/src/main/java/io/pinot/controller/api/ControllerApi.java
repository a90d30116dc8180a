// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.api;

import io.pinot.controller.ControllerContext;
import org.glassfish.jersey.media.multipart.MultiPartFeature;
import org.glassfish.jersey.server.ResourceConfig;

/// The controller's REST resources on one node.
public final class ControllerApi {
  private ControllerApi() {
  }

  public static ResourceConfig resources(ControllerContext context) {
    ResourceConfig config = new ResourceConfig();
    config.register(MultiPartFeature.class);
    config.registerInstances(new HealthResource(), new SchemaResource(context), new TablesResource(context),
        new TableResource(context), new LiveBrokersResource(context), new BrokerInfoResource(context),
        new SegmentResource(context), new SegmentUploadResource(context), new InstanceResource(context),
        new LiveInstancesResource(context), new TenantResource(context), new SegmentCompletionResource(context),
        new RealtimeTableResource(context), new PeriodicTaskResource(context),
        new ClusterResource(context), new TableRebalanceResource(context), new RebalanceStatusResource(context));
    return config;
  }
}
