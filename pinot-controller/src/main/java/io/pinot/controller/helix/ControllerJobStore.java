// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.helix;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.helix.AccessOption;
import org.apache.helix.store.zk.ZkHelixPropertyStore;
import org.apache.helix.zookeeper.datamodel.ZNRecord;
import org.jspecify.annotations.Nullable;

/// Apache Pinot's controller jobs (segment reloads, table rebalances, ...) in the property store: one record per job
/// type at `/CONTROLLER_JOBS/<jobType>`, whose map fields are job id → job metadata with Pinot's keys (`jobId`,
/// `tableName` (with type), `jobType`, `submissionTimeMs`, and per type more, such as `messageCount` and
/// `segmentName`). Each type keeps its [#MAX_JOBS_PER_TYPE] most recent jobs by submission time, as Pinot does.
/// Thread-safe: every write is an atomic read-modify-write of the type's record.
public final class ControllerJobStore {
  /// Root of the jobs in the property store.
  public static final String ROOT = "/CONTROLLER_JOBS";
  /// Pinot's `DEFAULT_MAXIMUM_CONTROLLER_JOBS_IN_ZK`.
  public static final int MAX_JOBS_PER_TYPE = 100;
  public static final String JOB_ID = "jobId";
  public static final String JOB_TYPE = "jobType";
  public static final String TABLE_NAME_WITH_TYPE = "tableName";
  public static final String SUBMISSION_TIME_MS = "submissionTimeMs";
  public static final String MESSAGE_COUNT = "messageCount";

  private final ZkHelixPropertyStore<ZNRecord> store;

  public ControllerJobStore(ZkHelixPropertyStore<ZNRecord> store) {
    this.store = store;
  }

  public static String path(String jobType) {
    return ROOT + "/" + jobType;
  }

  /// Adds or replaces a job. `metadata` must hold at least `jobId`, `jobType` and `submissionTimeMs`; the oldest
  /// jobs of the type beyond the limit are dropped.
  ///
  /// @throws IllegalArgumentException when a required key is missing
  /// @throws IllegalStateException when ZooKeeper refused the write
  public void put(Map<String, String> metadata) {
    String jobId = required(metadata, JOB_ID);
    String jobType = required(metadata, JOB_TYPE);
    parseTime(required(metadata, SUBMISSION_TIME_MS));
    Map<String, String> copy = new LinkedHashMap<>(metadata);
    boolean written = store.update(path(jobType), current -> {
      ZNRecord record = current == null ? new ZNRecord(jobType) : current;
      Map<String, Map<String, String>> jobs = new LinkedHashMap<>(record.getMapFields());
      jobs.put(jobId, copy);
      record.setMapFields(newest(jobs, MAX_JOBS_PER_TYPE));
      return record;
    }, AccessOption.PERSISTENT);
    if (!written) {
      throw new IllegalStateException("Failed to write controller job " + jobId + " to ZooKeeper");
    }
  }

  /// The job's metadata, or null when no job of that type has that id.
  public @Nullable Map<String, String> get(String jobType, String jobId) {
    Map<String, String> job = jobs(jobType).get(jobId);
    return job == null ? null : new LinkedHashMap<>(job);
  }

  /// Job id → metadata of every stored job of a type.
  public Map<String, Map<String, String>> jobs(String jobType) {
    ZNRecord record = store.get(path(jobType), null, AccessOption.PERSISTENT);
    return record == null ? Map.of() : record.getMapFields();
  }

  /// The `limit` jobs with the latest submission times, in their original order.
  static Map<String, Map<String, String>> newest(Map<String, Map<String, String>> jobs, int limit) {
    if (jobs.size() <= limit) {
      return jobs;
    }
    List<String> byTime = new ArrayList<>(jobs.keySet());
    byTime.sort(Comparator.comparingLong(id -> submissionTime(jobs.get(id))));
    Map<String, Map<String, String>> kept = new LinkedHashMap<>(jobs);
    for (String oldest : byTime.subList(0, jobs.size() - limit)) {
      kept.remove(oldest);
    }
    return kept;
  }

  private static long submissionTime(Map<String, String> job) {
    try {
      return parseTime(job.getOrDefault(SUBMISSION_TIME_MS, "0"));
    } catch (IllegalArgumentException e) {
      return 0;
    }
  }

  private static long parseTime(String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Invalid " + SUBMISSION_TIME_MS + "[" + value + "]", e);
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
