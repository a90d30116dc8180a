// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.helix;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.apache.helix.AccessOption;
import org.apache.helix.store.zk.ZkHelixPropertyStore;
import org.apache.helix.zookeeper.datamodel.ZNRecord;
import org.jspecify.annotations.Nullable;

/// Controller jobs (table rebalance, segment reload...) in the property store at Apache Pinot's place: one ZNRecord
/// per job type at `/CONTROLLER_JOBS/<jobType>`, whose map fields hold each job's metadata by job id (`jobId`,
/// `tableName`, `jobType`, `submissionTimeMs` and the job type's own keys). Any controller can read them. Every
/// change is an atomic read-modify-write of the record; the oldest jobs beyond the limit are dropped, as Pinot
/// does. Thread-safe.
public final class ControllerJobStore {
  public static final String PATH_PREFIX = "/CONTROLLER_JOBS";
  public static final String JOB_ID = "jobId";
  public static final String TABLE_NAME_WITH_TYPE = "tableName";
  public static final String JOB_TYPE = "jobType";
  public static final String SUBMISSION_TIME_MS = "submissionTimeMs";
  /// Pinot's `DEFAULT_MAXIMUM_CONTROLLER_JOBS_IN_ZK`.
  public static final int DEFAULT_MAX_JOBS = 100;

  private final ZkHelixPropertyStore<ZNRecord> store;
  private final int maxJobs;

  public ControllerJobStore(ZkHelixPropertyStore<ZNRecord> store, int maxJobs) {
    this.store = store;
    this.maxJobs = maxJobs;
  }

  public static String path(String jobType) {
    return PATH_PREFIX + "/" + jobType;
  }

  /// One job's metadata, or null.
  public @Nullable Map<String, String> job(String jobType, String jobId) {
    ZNRecord record = store.get(path(jobType), null, AccessOption.PERSISTENT);
    Map<String, String> job = record == null ? null : record.getMapField(jobId);
    return job == null ? null : new LinkedHashMap<>(job);
  }

  /// All jobs of a type by id.
  public Map<String, Map<String, String>> jobs(String jobType) {
    ZNRecord record = store.get(path(jobType), null, AccessOption.PERSISTENT);
    Map<String, Map<String, String>> result = new LinkedHashMap<>();
    if (record != null) {
      record.getMapFields().forEach((id, job) -> result.put(id, new LinkedHashMap<>(job)));
    }
    return result;
  }

  /// Adds a job unless `conflict`, looking at the jobs stored at that moment, names a reason not to; the check and
  /// the write are one atomic update.
  ///
  /// @return null when added, or the reason `conflict` gave
  public @Nullable String addUnless(String jobType, String jobId, Map<String, String> metadata,
      Function<Map<String, Map<String, String>>, @Nullable String> conflict) {
    AtomicReference<@Nullable String> refused = new AtomicReference<>();
    boolean written = store.update(path(jobType), current -> {
      ZNRecord record = current == null ? new ZNRecord(jobType) : new ZNRecord(current);
      String reason = conflict.apply(record.getMapFields());
      refused.set(reason);
      if (reason != null) {
        return record;
      }
      record.setMapField(jobId, new LinkedHashMap<>(metadata));
      trim(record);
      return record;
    }, AccessOption.PERSISTENT);
    if (!written) {
      throw new IllegalStateException("Failed to write " + path(jobType) + " to ZooKeeper");
    }
    return refused.get();
  }

  /// Changes one job's metadata atomically; returns false when the job does not exist.
  public boolean update(String jobType, String jobId, UnaryOperator<Map<String, String>> change) {
    if (job(jobType, jobId) == null) {
      return false;
    }
    AtomicBoolean found = new AtomicBoolean();
    boolean written = store.update(path(jobType), current -> {
      ZNRecord record = current == null ? new ZNRecord(jobType) : new ZNRecord(current);
      found.set(record.getMapField(jobId) != null);
      if (!found.get()) {
        return record;
      }
      record.setMapField(jobId, new LinkedHashMap<>(change.apply(new LinkedHashMap<>(record.getMapField(jobId)))));
      return record;
    }, AccessOption.PERSISTENT);
    return written && found.get();
  }

  private void trim(ZNRecord record) {
    Map<String, Map<String, String>> jobs = record.getMapFields();
    if (jobs.size() <= maxJobs) {
      return;
    }
    List<String> oldestFirst = new ArrayList<>(jobs.keySet());
    oldestFirst.sort(Comparator.comparingLong((String id) -> submissionTime(jobs.get(id))));
    int excess = jobs.size() - maxJobs;
    for (int i = 0; i < excess; i++) {
      jobs.remove(oldestFirst.get(i));
    }
  }

  private static long submissionTime(Map<String, String> job) {
    try {
      return Long.parseLong(job.getOrDefault(SUBMISSION_TIME_MS, "0"));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
