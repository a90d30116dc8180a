// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.helix;

import io.pinot.common.metadata.InstanceInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.helix.HelixAdmin;
import org.apache.helix.HelixDataAccessor;
import org.apache.helix.HelixManager;
import org.apache.helix.constants.InstanceConstants;
import org.apache.helix.model.HelixConfigScope;
import org.apache.helix.model.InstanceConfig;
import org.apache.helix.model.builder.HelixConfigScopeBuilder;
import org.jspecify.annotations.Nullable;

/// The cluster's instances (Helix instance configs) and which of them are live.
public final class InstanceManager {
  private static final Set<String> HELIX_FIELDS = Set.of("HELIX_HOST", "HELIX_PORT", "HELIX_ENABLED",
      "HELIX_ENABLED_TIMESTAMP");

  private final HelixManager manager;
  private final HelixAdmin admin;
  private final String clusterName;

  public InstanceManager(HelixManager manager) {
    this.manager = manager;
    this.admin = manager.getClusterManagmentTool();
    this.clusterName = manager.getClusterName();
  }

  /// All instance ids, sorted.
  public List<String> instanceIds() {
    return new ArrayList<>(new TreeSet<>(admin.getInstancesInCluster(clusterName)));
  }

  public @Nullable InstanceInfo instance(String instanceId) {
    if (!admin.getInstancesInCluster(clusterName).contains(instanceId)) {
      return null;
    }
    return toInfo(admin.getInstanceConfig(clusterName, instanceId));
  }

  /// Instances carrying a tag, sorted.
  public List<String> instancesWithTag(String tag) {
    return new ArrayList<>(new TreeSet<>(admin.getInstancesInClusterWithTag(clusterName, tag)));
  }

  /// Ids of instances with a live ZooKeeper session.
  public Set<String> liveInstances() {
    HelixDataAccessor accessor = manager.getHelixDataAccessor();
    List<String> names = accessor.getChildNames(accessor.keyBuilder().liveInstances());
    return names == null ? Set.of() : new HashSet<>(names);
  }

  /// Every tag in use, sorted.
  public Set<String> allTags() {
    Set<String> tags = new TreeSet<>();
    for (String id : admin.getInstancesInCluster(clusterName)) {
      tags.addAll(admin.getInstanceConfig(clusterName, id).getTags());
    }
    return tags;
  }

  /// Registers an instance (the controller itself) unless it exists.
  public void registerIfAbsent(String instanceId, String host, int port) {
    if (admin.getInstancesInCluster(clusterName).contains(instanceId)) {
      return;
    }
    InstanceConfig config = new InstanceConfig(instanceId);
    config.setHostName(host);
    config.setPort(Integer.toString(port));
    admin.addInstance(clusterName, config);
  }

  /// Removes an instance from the cluster (its instance config and ZooKeeper nodes).
  public void drop(String instanceId) {
    admin.dropInstance(clusterName, admin.getInstanceConfig(clusterName, instanceId));
  }

  /// The cluster's configs (`/<cluster>/CONFIGS/CLUSTER/<cluster>` simple fields), sorted.
  public Map<String, String> clusterConfigs() {
    return new TreeMap<>(manager.getConfigAccessor().getClusterConfig(clusterName).getRecord().getSimpleFields());
  }

  /// Sets cluster configs.
  public void setClusterConfigs(Map<String, String> configs) {
    admin.setConfig(clusterScope(), configs);
  }

  /// Removes a cluster config; returns whether it existed.
  public boolean removeClusterConfig(String name) {
    if (!clusterConfigs().containsKey(name)) {
      return false;
    }
    admin.removeConfig(clusterScope(), List.of(name));
    return true;
  }

  private HelixConfigScope clusterScope() {
    return new HelixConfigScopeBuilder(HelixConfigScope.ConfigScopeProperty.CLUSTER).forCluster(clusterName).build();
  }

  public String clusterName() {
    return clusterName;
  }

  /// Enables or disables an instance; Helix records the reason (without one it logs an error each time).
  public void enable(String instanceId, boolean enabled) {
    admin.setInstanceOperation(clusterName, instanceId,
        enabled ? InstanceConstants.InstanceOperation.ENABLE : InstanceConstants.InstanceOperation.DISABLE,
        (enabled ? "enabled" : "disabled") + " through the controller's REST API");
  }

  private static InstanceInfo toInfo(InstanceConfig config) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (Map.Entry<String, String> field : config.getRecord().getSimpleFields().entrySet()) {
      if (!HELIX_FIELDS.contains(field.getKey())) {
        fields.put(field.getKey(), field.getValue());
      }
    }
    int port;
    try {
      port = Integer.parseInt(config.getPort());
    } catch (NumberFormatException e) {
      port = -1;
    }
    return new InstanceInfo(config.getInstanceName(), config.getHostName(), port, config.getInstanceEnabled(),
        config.getTags(), fields);
  }
}
