// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.api;

import io.pinot.controller.ControllerContext;
import io.pinot.controller.api.docs.ApiDocsResource;
import java.util.ArrayList;
import java.util.List;
import org.glassfish.jersey.media.multipart.MultiPartFeature;
import org.glassfish.jersey.server.ResourceConfig;

/// The controller's REST resources on one node. Every resource is listed in the API document at `/openapi.json`
/// (the Swagger UI at `/help`), unless marked `HiddenFromApiDocs`.
public final class ControllerApi {
  private ControllerApi() {
  }

  public static ResourceConfig resources(ControllerContext context) {
    ResourceConfig config = new ResourceConfig();
    config.register(MultiPartFeature.class);
    List<Object> resources = List.of(new HealthResource(), new SchemaResource(context), new TablesResource(context),
        new TableResource(context), new LiveBrokersResource(context), new BrokerInfoResource(context),
        new SegmentResource(context), new SegmentUploadResource(context), new InstanceResource(context),
        new LiveInstancesResource(context), new TenantResource(context), new SegmentCompletionResource(context),
        new RealtimeTableResource(context), new PeriodicTaskResource(context),
        new ClusterResource(context), new TableConfigsResource(context), new ZookeeperResource(context),
        new SegmentOperationsResource(context), new IngestionResource(context),
        new TableRebalanceResource(context), new RebalanceStatusResource(context), new SqlQueryResource(context),
        new UiResource());
    List<Class<?>> classes = new ArrayList<>();
    for (Object resource : resources) {
      classes.add(resource.getClass());
      config.registerInstances(resource);
    }
    classes.add(ApiDocsResource.class);
    config.registerInstances(ApiDocsResource.of(classes));
    return config;
  }
}
