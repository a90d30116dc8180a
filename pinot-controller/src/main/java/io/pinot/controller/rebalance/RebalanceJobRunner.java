// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.rebalance;

import io.pinot.controller.helix.IdealStateManager;
import io.pinot.controller.rebalance.TableRebalanceProgressStats.RebalanceProgressStats;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Runs one rebalance without downtime to its end: wait for the external view to converge on the moving segments,
/// write the next ideal-state step ([RebalanceSteps#next]), and repeat until the ideal state is the target and the
/// external view has caught up. After every check of the external view the job's progress is written to
/// ZooKeeper; a job cancelled there stops before its next step. Each run is confined to one thread.
final class RebalanceJobRunner {
  private static final Logger LOGGER = LoggerFactory.getLogger(RebalanceJobRunner.class);

  /// What a no-downtime rebalance needs: where it starts, where it goes, and how carefully.
  record Job(String jobId, String tableNameWithType, RebalanceConfig config, Map<String, Map<String, String>> initial,
      Map<String, Map<String, String>> target, int minAvailableReplicas, long averageSegmentSizeInBytes,
      long startTimeMs) {
  }

  private enum Wait { CONVERGED, TIMED_OUT, ERROR, STOPPED }

  private final IdealStateManager idealStates;
  private final RebalanceJobs jobs;
  private final LongSupplier clock;

  RebalanceJobRunner(IdealStateManager idealStates, RebalanceJobs jobs, LongSupplier clock) {
    this.idealStates = idealStates;
    this.jobs = jobs;
    this.clock = clock;
  }

  /// Runs the job; returns its final status (the status is also stored).
  RebalanceResult.Status run(Job job) {
    String table = job.tableNameWithType();
    Set<String> monitored = new TreeSet<>(RebalanceSteps.segmentsToMove(job.initial(), job.target()));
    Map<String, Map<String, String>> stepFrom = job.initial();
    Map<String, Map<String, String>> stepTo = job.initial();
    long stepStartMs = job.startTimeMs();
    try {
      while (true) {
        Wait wait = waitForExternalView(job, monitored, stepFrom, stepTo, stepStartMs);
        switch (wait) {
          case STOPPED:
            LOGGER.info("Rebalance {} of {} stopped", job.jobId(), table);
            return RebalanceResult.Status.CANCELLED;
          case ERROR:
            return end(job, RebalanceResult.Status.FAILED, "Found segments in ERROR state in the external view of "
                + table + " while rebalancing (use bestEfforts=true to go on)");
          case TIMED_OUT:
            if (!job.config().bestEfforts()) {
              return end(job, RebalanceResult.Status.FAILED, "Timeout of "
                  + job.config().externalViewStabilizationTimeoutInMs() + " ms waiting for the external view of "
                  + table + " to converge with the ideal state (use bestEfforts=true to go on)");
            }
            LOGGER.warn("Rebalance {} of {}: external view did not converge in time, going on (bestEfforts)",
                job.jobId(), table);
            break;
          case CONVERGED:
            break;
        }
        Map<String, Map<String, String>> current = idealStates.idealState(table);
        if (reached(current, job.target())) {
          return end(job, RebalanceResult.Status.DONE, "Success with minAvailableReplicas: "
              + job.minAvailableReplicas() + " (both IdealState and ExternalView should reach the target segment "
              + "assignment)");
        }
        if (!jobs.isInProgress(job.jobId())) {
          LOGGER.info("Rebalance {} of {} stopped", job.jobId(), table);
          return RebalanceResult.Status.CANCELLED;
        }
        Map<String, Map<String, String>> next = idealStates.updateAssignment(table,
            latest -> RebalanceSteps.next(latest, job.target(), job.minAvailableReplicas(),
                job.config().batchSizePerServer(), job.config().lowDiskMode()));
        if (next.equals(current)) {
          return end(job, RebalanceResult.Status.FAILED, "Rebalance of " + table + " made no progress");
        }
        LOGGER.info("Rebalance {} of {}: wrote the next ideal state step", job.jobId(), table);
        stepFrom = current;
        stepTo = next;
        stepStartMs = clock.getAsLong();
        monitored.addAll(RebalanceSteps.segmentsToMove(current, next));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return end(job, RebalanceResult.Status.ABORTED, "Controller stopped while rebalancing " + table);
    } catch (RuntimeException e) {
      LOGGER.error("Rebalance {} of {} failed", job.jobId(), table, e);
      return end(job, RebalanceResult.Status.UNKNOWN_ERROR, "Caught exception while rebalancing " + table + ": "
          + e.getMessage());
    }
  }

  private Wait waitForExternalView(Job job, Set<String> monitored, Map<String, Map<String, String>> stepFrom,
      Map<String, Map<String, String>> stepTo, long stepStartMs) throws InterruptedException {
    long timeout = job.config().externalViewStabilizationTimeoutInMs();
    long deadline = clock.getAsLong() + timeout;
    int lastPending = Integer.MAX_VALUE;
    while (true) {
      Map<String, Map<String, String>> idealState = idealStates.idealState(job.tableNameWithType());
      Map<String, Map<String, String>> externalView = idealStates.externalView(job.tableNameWithType());
      RebalanceSteps.Convergence convergence =
          RebalanceSteps.convergence(idealState, externalView, monitored, job.config().bestEfforts());
      if (!jobs.save(job.jobId(), progress(job, idealState, externalView, stepFrom, stepTo, stepStartMs))) {
        return Wait.STOPPED;
      }
      if (convergence.errorReplicas() > 0 && !job.config().bestEfforts()) {
        return Wait.ERROR;
      }
      if (convergence.converged()) {
        return Wait.CONVERGED;
      }
      long now = clock.getAsLong();
      if (convergence.pendingReplicas() < lastPending) {
        // Progress extends the wait, as in Pinot.
        lastPending = convergence.pendingReplicas();
        deadline = now + timeout;
      }
      if (now >= deadline) {
        return Wait.TIMED_OUT;
      }
      Thread.sleep(Math.min(job.config().externalViewCheckIntervalInMs(), Math.max(1, deadline - now)));
    }
  }

  private TableRebalanceProgressStats progress(Job job, Map<String, Map<String, String>> idealState,
      Map<String, Map<String, String>> externalView, Map<String, Map<String, String>> stepFrom,
      Map<String, Map<String, String>> stepTo, long stepStartMs) {
    long now = clock.getAsLong();
    RebalanceProgressStats overall = RebalanceProgress.progress(job.initial(), job.target(), externalView,
        job.startTimeMs(), job.averageSegmentSizeInBytes(), now);
    RebalanceProgressStats step = RebalanceProgress.progress(stepFrom, stepTo, externalView, stepStartMs,
        job.averageSegmentSizeInBytes(), now);
    return new TableRebalanceProgressStats(RebalanceResult.Status.IN_PROGRESS, job.startTimeMs(), 0, null, overall,
        step, RebalanceProgress.compare(job.initial(), job.target()), RebalanceProgress.compare(idealState,
        job.target()), RebalanceProgress.compare(externalView, idealState));
  }

  private RebalanceResult.Status end(Job job, RebalanceResult.Status status, String message) {
    Map<String, Map<String, String>> idealState = idealStates.idealState(job.tableNameWithType());
    Map<String, Map<String, String>> externalView = idealStates.externalView(job.tableNameWithType());
    TableRebalanceProgressStats last = progress(job, idealState, externalView, job.initial(), job.target(),
        job.startTimeMs());
    if (!jobs.save(job.jobId(), last.ended(status, message, clock.getAsLong()))) {
      LOGGER.info("Rebalance {} of {} was stopped before it ended with {}", job.jobId(), job.tableNameWithType(),
          status);
      return RebalanceResult.Status.CANCELLED;
    }
    LOGGER.info("Rebalance {} of {} ended {}: {}", job.jobId(), job.tableNameWithType(), status, message);
    return status;
  }

  /// Whether every segment of the ideal state that has a target is at it.
  private static boolean reached(Map<String, Map<String, String>> current, Map<String, Map<String, String>> target) {
    for (Map.Entry<String, Map<String, String>> entry : current.entrySet()) {
      Map<String, String> wanted = target.get(entry.getKey());
      if (wanted != null && !wanted.equals(entry.getValue())) {
        return false;
      }
    }
    return true;
  }
}
