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
  /// How many servers a job's messages went to (segment reloads).
  public static final String MESSAGE_COUNT = "messageCount";
  /// Pinot's `DEFAULT_MAXIMUM_CONTROLLER_JOBS_IN_ZK`.
  public static final int DEFAULT_MAX_JOBS = 100;

  private final ZkHelixPropertyStore<ZNRecord> store;
  private final int maxJobs;

  public ControllerJobStore(ZkHelixPropertyStore<ZNRecord> store, int maxJobs) {
    this.store = store;
    this.maxJobs = maxJobs;
  }

  public ControllerJobStore(ZkHelixPropertyStore<ZNRecord> store) {
    this(store, DEFAULT_MAX_JOBS);
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

  /// Adds or replaces a job. `metadata` must hold at least `jobId`, `jobType` and `submissionTimeMs`.
  ///
  /// @throws IllegalArgumentException when a required key is missing or the submission time is not a number
  /// @throws IllegalStateException when ZooKeeper refused the write
  public void put(Map<String, String> metadata) {
    String jobId = required(metadata, JOB_ID);
    String jobType = required(metadata, JOB_TYPE);
    try {
      Long.parseLong(required(metadata, SUBMISSION_TIME_MS));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Invalid " + SUBMISSION_TIME_MS + "[" + metadata.get(SUBMISSION_TIME_MS)
          + "]", e);
    }
    addUnless(jobType, jobId, metadata, jobs -> null);
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
    record.setMapFields(newest(record.getMapFields(), maxJobs));
  }

  /// The `limit` jobs with the latest submission times, in their original order.
  static Map<String, Map<String, String>> newest(Map<String, Map<String, String>> jobs, int limit) {
    if (jobs.size() <= limit) {
      return jobs;
    }
    List<String> oldestFirst = new ArrayList<>(jobs.keySet());
    oldestFirst.sort(Comparator.comparingLong((String id) -> submissionTime(jobs.get(id))));
    Map<String, Map<String, String>> kept = new LinkedHashMap<>(jobs);
    for (String oldest : oldestFirst.subList(0, jobs.size() - limit)) {
      kept.remove(oldest);
    }
    return kept;
  }

  private static long submissionTime(Map<String, String> job) {
    try {
      return Long.parseLong(job.getOrDefault(SUBMISSION_TIME_MS, "0"));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String required(Map<String, String> metadata, String key) {
    String value = metadata.get(key);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("Controller job metadata needs '" + key + "'");
    }
    return value;
  }
}
