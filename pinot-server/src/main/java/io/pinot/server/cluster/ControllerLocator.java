// SPDX-License-Identifier: Apache-2.0
package io.pinot.server.cluster;

import io.pinot.common.utils.InstanceIds;
import java.util.function.Supplier;
import org.apache.helix.HelixDataAccessor;
import org.apache.helix.HelixManager;
import org.apache.helix.model.LiveInstance;
import org.jspecify.annotations.Nullable;

/// The base URL (`http://host:port`) of the cluster's lead controller, from Helix's controller leader record (the
/// leader's instance id is `Controller_<host>_<port>`), for the segment completion protocol. Answers null while no
/// controller leads. Thread-safe.
public final class ControllerLocator implements Supplier<@Nullable String> {
  private final HelixManager manager;

  ControllerLocator(HelixManager manager) {
    this.manager = manager;
  }

  @Override
  public @Nullable String get() {
    HelixDataAccessor accessor = manager.getHelixDataAccessor();
    LiveInstance leader = accessor.getProperty(accessor.keyBuilder().controllerLeader());
    if (leader == null) {
      return null;
    }
    String id = leader.getInstanceName();
    int port = InstanceIds.port(id);
    return port < 0 ? null : "http://" + InstanceIds.host(id) + ":" + port;
  }
}
