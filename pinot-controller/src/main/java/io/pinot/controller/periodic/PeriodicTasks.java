// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.periodic;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The controller's periodic tasks by Pinot's names (`RetentionManager`, `RealtimeSegmentValidationManager`...):
/// each runs on the lead controller at its period, and on demand through `/periodictask/run`. Runs happen one at a
/// time on one thread. Thread-safe.
public final class PeriodicTasks implements AutoCloseable {
  private static final Logger LOGGER = LoggerFactory.getLogger(PeriodicTasks.class);

  /// A task: runs over every table, or over one table with type.
  @FunctionalInterface
  public interface Task {
    void run(@Nullable String tableNameWithType);
  }

  private final Map<String, Task> tasks = new LinkedHashMap<>();
  private final BooleanSupplier leader;
  private final ScheduledExecutorService executor = new ScheduledThreadPoolExecutor(1, runnable -> {
    Thread thread = new Thread(runnable, "controller-periodic-tasks");
    thread.setDaemon(true);
    return thread;
  });

  /// @param leader whether this controller leads the cluster now (only the leader runs tasks)
  public PeriodicTasks(BooleanSupplier leader) {
    this.leader = leader;
  }

  /// Registers a task; with `periodMs` above 0 it also runs every period (first after one period).
  public synchronized void register(String name, long periodMs, Task task) {
    tasks.put(name, task);
    if (periodMs > 0) {
      executor.scheduleWithFixedDelay(() -> runNow(name, task, null), periodMs, periodMs, TimeUnit.MILLISECONDS);
    }
  }

  public synchronized List<String> names() {
    return List.copyOf(tasks.keySet());
  }

  public synchronized boolean has(String name) {
    return tasks.containsKey(name);
  }

  /// Runs a task soon, over every table or one; returns the run's id (`api-` and 8 characters, as Pinot names it).
  ///
  /// @throws IllegalArgumentException for an unknown task
  public String trigger(String name, @Nullable String tableNameWithType) {
    Task task;
    synchronized (this) {
      task = tasks.get(name);
    }
    if (task == null) {
      throw new IllegalArgumentException("Periodic task '" + name + "' not found.");
    }
    String id = "api-" + UUID.randomUUID().toString().substring(0, 8);
    executor.execute(() -> runNow(name, task, tableNameWithType));
    LOGGER.info("[TaskRequestId: {}] Running periodic task {} against {}", id, name,
        tableNameWithType == null ? "all tables" : tableNameWithType);
    return id;
  }

  private void runNow(String name, Task task, @Nullable String tableNameWithType) {
    if (!leader.getAsBoolean()) {
      return;
    }
    try {
      task.run(tableNameWithType);
    } catch (RuntimeException e) {
      LOGGER.error("Periodic task {} failed", name, e);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
