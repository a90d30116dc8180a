// SPDX-License-Identifier: Apache-2.0
package io.pinot.server.query;

import java.util.Locale;

/// Settings of the server's query scheduler, with Apache Pinot's `pinot.query.scheduler.*` keys. Immutable.
///
/// @param name `fcfs` (first come, first served; only the total queue is bounded) or `bounded_fcfs` (also at most
///     `maxPendingPerGroup` queries of one table wait at a time); Pinot's priority schedulers (`tokenbucket`,
///     `priority`) are accepted and behave as `bounded_fcfs`
/// @param queryRunnerThreads threads that each run one query at a time (`query_runner_threads`)
/// @param queryWorkerThreads threads one query spreads its segments over (`query_worker_threads`)
/// @param maxPendingQueries queries allowed to wait for a runner before new ones are refused (211)
/// @param maxPendingPerGroup queries of one table allowed to wait under `bounded_fcfs` (`max_pending_per_group`)
public record SchedulerConfig(String name, int queryRunnerThreads, int queryWorkerThreads, int maxPendingQueries,
    int maxPendingPerGroup) {
  public static final String FCFS = "fcfs";
  public static final String BOUNDED_FCFS = "bounded_fcfs";

  public SchedulerConfig {
    name = name == null || name.isBlank() ? FCFS : name.trim().toLowerCase(Locale.ROOT);
    if (queryRunnerThreads <= 0 || queryWorkerThreads <= 0 || maxPendingQueries <= 0 || maxPendingPerGroup <= 0) {
      throw new IllegalArgumentException("Query scheduler thread counts and queue sizes must be positive");
    }
  }

  /// Whether waiting queries are also bounded per table.
  public boolean boundedPerGroup() {
    return !FCFS.equals(name);
  }
}
