// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.rebalance;

import io.pinot.common.utils.JsonUtils;
import io.pinot.controller.helix.ControllerJobStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Table rebalance jobs in ZooKeeper, as Apache Pinot stores them: job type `TABLE_REBALANCE` under
/// `/CONTROLLER_JOBS`, each job with `REBALANCE_PROGRESS_STATS` and `REBALANCE_CONTEXT` as JSON text, and
/// `submissionTimeMs` refreshed on every write as the job's heartbeat. A job whose status is no longer IN_PROGRESS
/// (cancelled by a user) is never overwritten by the controller running it. Thread-safe.
public final class RebalanceJobs {
  private static final Logger LOGGER = LoggerFactory.getLogger(RebalanceJobs.class);

  public static final String JOB_TYPE = "TABLE_REBALANCE";
  public static final String PROGRESS_STATS = "REBALANCE_PROGRESS_STATS";
  public static final String CONTEXT = "REBALANCE_CONTEXT";

  private final ControllerJobStore store;
  private final LongSupplier clock;

  public RebalanceJobs(ControllerJobStore store, LongSupplier clock) {
    this.store = store;
    this.clock = clock;
  }

  /// Records a new job unless another rebalance of the table is IN_PROGRESS with a fresh heartbeat.
  ///
  /// @return null when recorded, else the id of the running job
  public @Nullable String start(String tableNameWithType, TableRebalanceContext context,
      TableRebalanceProgressStats stats) {
    long now = clock.getAsLong();
    Map<String, String> metadata = metadata(tableNameWithType, context.jobId(), now);
    metadata.put(PROGRESS_STATS, JsonUtils.toJson(stats));
    metadata.put(CONTEXT, JsonUtils.toJson(context));
    return store.addUnless(JOB_TYPE, context.jobId(), metadata, jobs -> {
      for (Map.Entry<String, Map<String, String>> job : jobs.entrySet()) {
        if (tableNameWithType.equals(job.getValue().get(ControllerJobStore.TABLE_NAME_WITH_TYPE))
            && isRunning(job.getValue(), now)) {
          return job.getKey();
        }
      }
      return null;
    });
  }

  /// Writes a running job's progress; returns false when the job was stopped (cancelled) meanwhile, in which case
  /// nothing is written.
  public boolean save(String jobId, TableRebalanceProgressStats stats) {
    AtomicBoolean running = new AtomicBoolean();
    boolean found = store.update(JOB_TYPE, jobId, job -> {
      TableRebalanceProgressStats stored = stats(job);
      running.set(stored == null || stored.status() == RebalanceResult.Status.IN_PROGRESS);
      if (running.get()) {
        job.put(PROGRESS_STATS, JsonUtils.toJson(stats));
        job.put(ControllerJobStore.SUBMISSION_TIME_MS, Long.toString(clock.getAsLong()));
      }
      return job;
    });
    return found && running.get();
  }

  /// Whether the job is stored and IN_PROGRESS (not cancelled).
  public boolean isInProgress(String jobId) {
    Map<String, String> job = store.job(JOB_TYPE, jobId);
    TableRebalanceProgressStats stats = job == null ? null : stats(job);
    return stats != null && stats.status() == RebalanceResult.Status.IN_PROGRESS;
  }

  public @Nullable ServerRebalanceJobStatusResponse status(String jobId) {
    Map<String, String> job = store.job(JOB_TYPE, jobId);
    TableRebalanceProgressStats stats = job == null ? null : stats(job);
    if (stats == null) {
      return null;
    }
    String contextJson = job.get(CONTEXT);
    TableRebalanceContext context = contextJson == null || contextJson.isEmpty() ? null
        : JsonUtils.fromJson(contextJson, TableRebalanceContext.class);
    long elapsed = stats.status() == RebalanceResult.Status.DONE ? 0
        : (clock.getAsLong() - stats.startTimeMs()) / 1000;
    return new ServerRebalanceJobStatusResponse(stats, elapsed, context);
  }

  /// Marks the table's IN_PROGRESS jobs CANCELLED; returns their ids.
  public List<String> cancel(String tableNameWithType) {
    List<String> cancelled = new ArrayList<>();
    for (Map.Entry<String, Map<String, String>> entry : store.jobs(JOB_TYPE).entrySet()) {
      if (!tableNameWithType.equals(entry.getValue().get(ControllerJobStore.TABLE_NAME_WITH_TYPE))) {
        continue;
      }
      AtomicBoolean changed = new AtomicBoolean();
      store.update(JOB_TYPE, entry.getKey(), job -> {
        TableRebalanceProgressStats stored = stats(job);
        changed.set(stored != null && stored.status() == RebalanceResult.Status.IN_PROGRESS);
        if (changed.get()) {
          job.put(PROGRESS_STATS, JsonUtils.toJson(stored.ended(RebalanceResult.Status.CANCELLED,
              "Cancelled by a user", clock.getAsLong())));
        }
        return job;
      });
      if (changed.get()) {
        cancelled.add(entry.getKey());
      }
    }
    return cancelled;
  }

  private boolean isRunning(Map<String, String> job, long now) {
    TableRebalanceProgressStats stats = stats(job);
    if (stats == null || stats.status() != RebalanceResult.Status.IN_PROGRESS) {
      return false;
    }
    long heartbeat = parseLong(job.get(ControllerJobStore.SUBMISSION_TIME_MS));
    String contextJson = job.get(CONTEXT);
    long timeout = RebalanceConfig.DEFAULT_HEARTBEAT_TIMEOUT_IN_MS;
    if (contextJson != null && !contextJson.isEmpty()) {
      try {
        timeout = JsonUtils.fromJson(contextJson, TableRebalanceContext.class).config().heartbeatTimeoutInMs();
      } catch (IllegalArgumentException e) {
        LOGGER.warn("Unreadable rebalance context of job {}: {}", job.get(ControllerJobStore.JOB_ID), e.getMessage());
      }
    }
    return now - heartbeat < timeout;
  }

  private static @Nullable TableRebalanceProgressStats stats(Map<String, String> job) {
    String json = job.get(PROGRESS_STATS);
    if (json == null || json.isEmpty()) {
      return null;
    }
    try {
      return JsonUtils.fromJson(json, TableRebalanceProgressStats.class);
    } catch (IllegalArgumentException e) {
      LOGGER.warn("Unreadable rebalance progress of job {}: {}", job.get(ControllerJobStore.JOB_ID), e.getMessage());
      return null;
    }
  }

  private static Map<String, String> metadata(String tableNameWithType, String jobId, long now) {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put(ControllerJobStore.JOB_ID, jobId);
    metadata.put(ControllerJobStore.TABLE_NAME_WITH_TYPE, tableNameWithType);
    metadata.put(ControllerJobStore.JOB_TYPE, JOB_TYPE);
    metadata.put(ControllerJobStore.SUBMISSION_TIME_MS, Long.toString(now));
    return metadata;
  }

  private static long parseLong(@Nullable String value) {
    try {
      return value == null ? 0 : Long.parseLong(value);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
