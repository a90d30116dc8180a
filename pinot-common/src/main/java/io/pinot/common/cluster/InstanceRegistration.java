// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.cluster;

import io.pinot.common.metadata.InstanceInfo;
import java.util.List;
import java.util.Map;
import org.apache.helix.HelixAdmin;
import org.apache.helix.manager.zk.ZKHelixAdmin;
import org.apache.helix.model.InstanceConfig;

/// Registers a broker or server in the cluster before it connects as a Helix participant: creates its
/// instance config (host, port, extra fields such as `adminPort`) or refreshes them after a restart on new
/// ports, and tags an untagged instance with the default tenant tags, as Apache Pinot nodes do when tenant
/// isolation is on.
public final class InstanceRegistration {
  private InstanceRegistration() {
  }

  public static void register(String zkAddress, String clusterName, InstanceInfo instance, List<String> defaultTags) {
    HelixAdmin admin = new ZKHelixAdmin.Builder().setZkAddress(zkAddress).build();
    try {
      if (!admin.getClusters().contains(clusterName)) {
        throw new IllegalStateException("Cluster " + clusterName + " does not exist in ZooKeeper " + zkAddress
            + ": start the controller first");
      }
      boolean exists = admin.getInstancesInCluster(clusterName).contains(instance.instanceName());
      InstanceConfig config = exists ? admin.getInstanceConfig(clusterName, instance.instanceName())
          : new InstanceConfig(instance.instanceName());
      config.setHostName(instance.hostName());
      config.setPort(Integer.toString(instance.port()));
      for (Map.Entry<String, String> field : instance.fields().entrySet()) {
        config.getRecord().setSimpleField(field.getKey(), field.getValue());
      }
      if (config.getTags().isEmpty()) {
        for (String tag : defaultTags) {
          config.addTag(tag);
        }
      }
      if (exists) {
        admin.setInstanceConfig(clusterName, instance.instanceName(), config);
      } else {
        admin.addInstance(clusterName, config);
      }
    } finally {
      admin.close();
    }
  }
}
