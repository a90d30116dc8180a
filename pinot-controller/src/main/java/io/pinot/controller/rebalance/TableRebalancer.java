// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.rebalance;

import io.pinot.common.http.RestException;
import io.pinot.common.metadata.InstanceInfo;
import io.pinot.common.metadata.SegmentZkMetadata;
import io.pinot.controller.helix.IdealStateManager;
import io.pinot.controller.helix.InstanceManager;
import io.pinot.controller.helix.MetadataStore;
import io.pinot.controller.rebalance.RebalanceResult.InstancePartitions;
import io.pinot.controller.rebalance.RebalanceResult.Status;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.config.table.TableType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Apache Pinot's table rebalance on one controller. A dry run computes the target assignment over the table's
/// tenant's live, enabled servers ([RebalanceTargets]) and its summary, and changes nothing. A rebalance with
/// downtime writes the target ideal state at once. A rebalance without downtime is recorded as a job in ZooKeeper
/// and runs in the background ([RebalanceJobRunner]), moving segments in steps that keep `minAvailableReplicas`
/// replicas of each segment ONLINE. At most one rebalance runs per table (checked against ZooKeeper, so across
/// controllers). Thread-safe.
public final class TableRebalancer implements AutoCloseable {
  private static final Logger LOGGER = LoggerFactory.getLogger(TableRebalancer.class);

  private final MetadataStore store;
  private final IdealStateManager idealStates;
  private final InstanceManager instances;
  private final RebalanceJobs jobs;
  private final RebalanceJobRunner runner;
  private final LongSupplier clock;
  /// Concurrent rebalances per controller; more wait their turn (IN_PROGRESS meanwhile).
  static final int MAX_CONCURRENT_REBALANCES = 4;

  private final ThreadPoolExecutor executor = new ThreadPoolExecutor(MAX_CONCURRENT_REBALANCES,
      MAX_CONCURRENT_REBALANCES, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
        Thread thread = new Thread(runnable, "table-rebalance");
        thread.setDaemon(true);
        return thread;
      });

  public TableRebalancer(MetadataStore store, IdealStateManager idealStates, InstanceManager instances,
      RebalanceJobs jobs, LongSupplier clock) {
    this.store = store;
    this.idealStates = idealStates;
    this.instances = instances;
    this.jobs = jobs;
    this.clock = clock;
    this.runner = new RebalanceJobRunner(idealStates, jobs, clock);
    executor.allowCoreThreadTimeOut(true);
  }

  /// The target, its summary and the servers of one table, computed for a rebalance.
  record Plan(String jobId, String tableNameWithType, Map<String, Map<String, String>> current,
      Map<String, Map<String, String>> target, Map<String, InstancePartitions> instanceAssignment,
      @Nullable RebalanceSummaryResult summary, long averageSegmentSizeInBytes) {
    RebalanceResult result(Status status, String description) {
      return new RebalanceResult(jobId, status, description, summary, instanceAssignment, Map.of(), target);
    }
  }

  /// Rebalances a table: answers the dry run, runs a downtime rebalance, or starts a no-downtime one.
  ///
  /// @throws RestException 404 for an unknown table, 400 when the table's tenant has no live, enabled server,
  ///     409 when a rebalance of the table is already running
  public RebalanceResult rebalance(String tableNameWithType, RebalanceConfig config) {
    TableConfig tableConfig = store.tableConfig(tableNameWithType);
    if (tableConfig == null) {
      throw RestException.notFound("Failed to find table config for table: " + tableNameWithType);
    }
    Plan plan = plan(tableConfig, config, UUID.randomUUID().toString());
    if (plan.current().equals(plan.target())) {
      return plan.result(Status.NO_OP, "Table is already balanced");
    }
    if (config.dryRun()) {
      return plan.result(Status.DONE, "Dry-run mode");
    }
    long now = clock.getAsLong();
    TableRebalanceContext context = TableRebalanceContext.firstAttempt(plan.jobId(), config);
    if (config.downtime()) {
      startJob(tableNameWithType, context, TableRebalanceProgressStats.started(Status.IN_PROGRESS, now));
      try {
        idealStates.updateAssignment(tableNameWithType, latest -> withTarget(latest, plan.target()));
      } catch (RuntimeException e) {
        String description = "Caught exception while updating IdealState: " + e.getMessage();
        LOGGER.warn("Rebalance {} of {} failed", plan.jobId(), tableNameWithType, e);
        jobs.save(plan.jobId(), stats(plan, Status.IN_PROGRESS, now).ended(Status.FAILED, description,
            clock.getAsLong()));
        return plan.result(Status.FAILED, description);
      }
      String description = "Success with downtime (replaced IdealState with the target segment assignment, "
          + "ExternalView might not reach the target segment assignment yet)";
      jobs.save(plan.jobId(), stats(plan, Status.IN_PROGRESS, now).ended(Status.DONE, description, clock.getAsLong()));
      LOGGER.info("Rebalanced {} with downtime (job {})", tableNameWithType, plan.jobId());
      return plan.result(Status.DONE, description);
    }
    int numReplicas = Integer.MAX_VALUE;
    int numCurrentReplicas = Integer.MAX_VALUE;
    for (String segment : RebalanceSteps.segmentsToMove(plan.current(), plan.target())) {
      numReplicas = Math.min(numReplicas, plan.target().get(segment).size());
      numCurrentReplicas = Math.min(numCurrentReplicas, plan.current().get(segment).size());
    }
    if (config.minAvailableReplicas() >= numReplicas) {
      String description = "Illegal min available replicas config: minAvailableReplicas "
          + config.minAvailableReplicas() + " must be less than the number of replicas " + numReplicas
          + " (use downtime=true, or a lower or negative minAvailableReplicas)";
      startJob(tableNameWithType, context, stats(plan, Status.IN_PROGRESS, now).ended(Status.FAILED, description,
          now));
      return plan.result(Status.FAILED, description);
    }
    // With fewer current replicas than the minimum (the replication grows), keep all of them: the best we can do.
    int minAvailable = Math.min(config.effectiveMinAvailableReplicas(numReplicas), numCurrentReplicas);
    startJob(tableNameWithType, context, stats(plan, Status.IN_PROGRESS, now));
    RebalanceJobRunner.Job job = new RebalanceJobRunner.Job(plan.jobId(), tableNameWithType, config, plan.current(),
        plan.target(), minAvailable, plan.averageSegmentSizeInBytes(), now);
    try {
      executor.execute(() -> runner.run(job));
    } catch (RejectedExecutionException e) {
      jobs.save(plan.jobId(), stats(plan, Status.IN_PROGRESS, now).ended(Status.ABORTED,
          "Controller is shutting down", now));
      throw new RestException(503, "Controller is shutting down", e);
    }
    LOGGER.info("Started rebalance {} of {} with minAvailableReplicas {}", plan.jobId(), tableNameWithType,
        minAvailable);
    return plan.result(Status.IN_PROGRESS, "In progress, check controller logs for updates");
  }

  /// The status of a job, or null for an unknown job id.
  public @Nullable ServerRebalanceJobStatusResponse status(String jobId) {
    return jobs.status(jobId);
  }

  /// Cancels the table's running rebalances; returns their job ids.
  public List<String> cancel(String tableNameWithType) {
    return jobs.cancel(tableNameWithType);
  }

  private void startJob(String tableNameWithType, TableRebalanceContext context, TableRebalanceProgressStats stats) {
    String running = jobs.start(tableNameWithType, context, stats);
    if (running != null) {
      throw RestException.conflict("Rebalance job is already in progress for table: " + tableNameWithType
          + ", jobId: " + running + ". Please wait for the job to complete or cancel it before starting a new one.");
    }
  }

  Plan plan(TableConfig tableConfig, RebalanceConfig config, String jobId) {
    String table = tableConfig.tableName();
    String serverTag = tableConfig.tenants().serverTag(tableConfig.tableType());
    Set<String> live = instances.liveInstances();
    Map<String, List<String>> serverTags = new TreeMap<>();
    List<String> servers = new ArrayList<>();
    for (String server : instances.instancesWithTag(serverTag)) {
      InstanceInfo info = instances.instance(server);
      if (info != null) {
        serverTags.put(server, info.tags());
        if (info.enabled() && live.contains(server)) {
          servers.add(server);
        }
      }
    }
    if (servers.isEmpty()) {
      throw RestException.badRequest("No live, enabled server has the tag " + serverTag + " of table " + table
          + ": cannot rebalance a table whose tenant has no servers");
    }
    Map<String, Map<String, String>> current = idealStates.idealState(table);
    for (Map<String, String> states : current.values()) {
      for (String server : states.keySet()) {
        if (!serverTags.containsKey(server)) {
          InstanceInfo info = instances.instance(server);
          serverTags.put(server, info == null ? List.of() : info.tags());
        }
      }
    }
    Map<String, Map<String, String>> target = RebalanceTargets.compute(current, servers,
        tableConfig.segmentsConfig().replicationNumber(), config.includeConsuming(), config.bootstrap());
    long averageSize = averageSegmentSize(table);
    boolean realtime = tableConfig.tableType() == TableType.REALTIME;
    RebalanceSummaryResult summary = config.disableSummary() ? null : RebalanceSummaries.compute(current, target,
        serverTags, Set.of(serverTag), averageSize, realtime);
    String type = realtime ? "CONSUMING" : "OFFLINE";
    Map<String, InstancePartitions> instanceAssignment = new LinkedHashMap<>();
    instanceAssignment.put(type, new InstancePartitions(tableConfig.rawTableName() + "_" + type,
        Map.of("0_0", List.copyOf(servers))));
    return new Plan(jobId, table, current, target, instanceAssignment, summary, averageSize);
  }

  private TableRebalanceProgressStats stats(Plan plan, Status status, long startTimeMs) {
    long now = clock.getAsLong();
    Map<String, Map<String, String>> externalView = idealStates.externalView(plan.tableNameWithType());
    return new TableRebalanceProgressStats(status, startTimeMs, 0, null,
        RebalanceProgress.progress(plan.current(), plan.target(), externalView, startTimeMs,
            plan.averageSegmentSizeInBytes(), now),
        TableRebalanceProgressStats.RebalanceProgressStats.EMPTY,
        RebalanceProgress.compare(plan.current(), plan.target()),
        RebalanceProgress.compare(plan.current(), plan.target()),
        RebalanceProgress.compare(externalView, plan.current()));
  }

  /// Average size of one replica from the segments' ZooKeeper metadata; -1 when no segment has a size.
  private long averageSegmentSize(String tableNameWithType) {
    long total = 0;
    int count = 0;
    for (SegmentZkMetadata segment : store.segments(tableNameWithType)) {
      if (segment.sizeInBytes() > 0) {
        total += segment.sizeInBytes();
        count++;
      }
    }
    return count == 0 ? -1 : total / count;
  }

  /// The target assignment applied to the latest ideal state: segments added meanwhile keep their assignment.
  private static Map<String, Map<String, String>> withTarget(Map<String, Map<String, String>> latest,
      Map<String, Map<String, String>> target) {
    Map<String, Map<String, String>> result = new TreeMap<>(latest);
    for (Map.Entry<String, Map<String, String>> entry : target.entrySet()) {
      if (result.containsKey(entry.getKey())) {
        result.put(entry.getKey(), entry.getValue());
      }
    }
    return result;
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
