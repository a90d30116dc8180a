// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.helix;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.helix.HelixManager;
import org.apache.helix.HelixManagerFactory;
import org.apache.helix.InstanceType;
import org.apache.helix.api.listeners.InstanceConfigChangeListener;
import org.apache.helix.api.listeners.LiveInstanceChangeListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The controller's connection to the Helix cluster as a Helix CONTROLLER (Helix elects one leader among
/// the connected controllers to drive state transitions), plus change notifications about instances.
public final class ControllerHelix implements AutoCloseable {
  private static final Logger LOGGER = LoggerFactory.getLogger(ControllerHelix.class);

  private final HelixManager manager;
  private final ExecutorService notifications;
  private final AtomicBoolean pending = new AtomicBoolean();

  private ControllerHelix(HelixManager manager) {
    this.manager = manager;
    // One thread and one queued task at most: bursts of instance changes collapse into one reaction.
    this.notifications = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
        runnable -> {
          Thread thread = new Thread(runnable, "controller-instance-watch");
          thread.setDaemon(true);
          return thread;
        });
  }

  public static ControllerHelix connect(String zkAddress, String clusterName, String instanceId) throws Exception {
    HelixManager manager = HelixManagerFactory.getZKHelixManager(clusterName, instanceId, InstanceType.CONTROLLER,
        zkAddress);
    manager.connect();
    return new ControllerHelix(manager);
  }

  public HelixManager manager() {
    return manager;
  }

  /// Runs `reaction` (off the ZooKeeper event thread) whenever instances join, leave or change config, and
  /// once now.
  public void watchInstances(Runnable reaction) throws Exception {
    Runnable trigger = () -> {
      if (pending.compareAndSet(false, true)) {
        try {
          notifications.execute(() -> {
            pending.set(false);
            try {
              reaction.run();
            } catch (RuntimeException e) {
              LOGGER.warn("Reacting to an instance change failed: {}", e.getMessage(), e);
            }
          });
        } catch (RejectedExecutionException e) {
          LOGGER.debug("Controller is stopping; ignoring an instance change");
        }
      }
    };
    manager.addLiveInstanceChangeListener((LiveInstanceChangeListener) (liveInstances, changeContext) ->
        trigger.run());
    manager.addInstanceConfigChangeListener((InstanceConfigChangeListener) (configs, changeContext) ->
        trigger.run());
    trigger.run();
  }

  @Override
  public void close() {
    notifications.shutdownNow();
    manager.disconnect();
  }
}
