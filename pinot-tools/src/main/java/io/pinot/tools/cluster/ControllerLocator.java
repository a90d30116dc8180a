// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.pinot.common.utils.JsonUtils;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;
import org.jspecify.annotations.Nullable;

/// Finds the lead controller of a cluster in ZooKeeper, for commands that Apache Pinot runs with `-zkAddress` and
/// `-clusterName`: Helix's leader record `/<cluster>/CONTROLLER/LEADER` names the controller, and its instance config
/// `/<cluster>/CONFIGS/PARTICIPANT/<id>` holds its host and REST port. Stateless.
public final class ControllerLocator {
  private static final int SESSION_TIMEOUT_MS = 10_000;

  private ControllerLocator() {
  }

  /// `http://host:port` of the lead controller.
  ///
  /// @throws IOException when ZooKeeper cannot be reached or the cluster has no lead controller
  public static String leaderUrl(String zkAddress, String clusterName) throws IOException {
    CountDownLatch connected = new CountDownLatch(1);
    ZooKeeper zk = new ZooKeeper(zkAddress, SESSION_TIMEOUT_MS, event -> {
      if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
        connected.countDown();
      }
    });
    try {
      if (!connected.await(SESSION_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
        throw new IOException("Cannot connect to ZooKeeper at " + zkAddress);
      }
      JsonNode leader = read(zk, "/" + clusterName + "/CONTROLLER/LEADER");
      if (leader == null || leader.path("id").asText().isEmpty()) {
        throw new IOException("Cluster " + clusterName + " at " + zkAddress + " has no lead controller");
      }
      String id = leader.path("id").asText();
      JsonNode config = read(zk, "/" + clusterName + "/CONFIGS/PARTICIPANT/" + id);
      JsonNode fields = config == null ? null : config.path("simpleFields");
      if (fields == null || fields.path("HELIX_HOST").asText().isEmpty()) {
        throw new IOException("Controller " + id + " of cluster " + clusterName + " has no instance config");
      }
      return "http://" + fields.path("HELIX_HOST").asText() + ":" + fields.path("HELIX_PORT").asText();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while reading ZooKeeper at " + zkAddress, e);
    } finally {
      try {
        zk.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static @Nullable JsonNode read(ZooKeeper zk, String path) throws IOException, InterruptedException {
    try {
      return JsonUtils.parse(zk.getData(path, false, null));
    } catch (KeeperException.NoNodeException e) {
      return null;
    } catch (KeeperException e) {
      throw new IOException("Cannot read " + path + " from ZooKeeper: " + e.getMessage(), e);
    }
  }
}
