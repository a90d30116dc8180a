// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.ingestion;

import io.pinot.controller.helix.ControllerJobStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/// The file ingestions' status, as controller jobs of type `FILE_INGESTION` in ZooKeeper (so any controller
/// answers `GET /ingestFromFile/status/{jobId}`): `phase` goes `BUILDING_SEGMENT` → `PUSHING_SEGMENT` → `DONE`, or
/// `FAILED` with the `error`; `DONE` adds `segmentName` and `numDocs`. Thread-safe.
public final class IngestionJobs {
  public static final String JOB_TYPE = "FILE_INGESTION";
  private static final Pattern JOB_ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  private final ControllerJobStore store;
  private final LongSupplier clock;

  public IngestionJobs(ControllerJobStore store, LongSupplier clock) {
    this.store = store;
    this.clock = clock;
  }

  /// The ingestion's phases.
  public enum Phase {
    BUILDING_SEGMENT,
    PUSHING_SEGMENT,
    DONE,
    FAILED
  }

  /// Whether `jobId` may name a job: 1 to 64 letters, digits, `.`, `_` or `-`.
  public static boolean validId(String jobId) {
    return JOB_ID.matcher(jobId).matches();
  }

  /// Records a new job of `tableNameWithType` in its first phase.
  public void start(String jobId, String tableNameWithType, String fileName) {
    Map<String, String> job = new LinkedHashMap<>();
    job.put(ControllerJobStore.JOB_ID, jobId);
    job.put(ControllerJobStore.JOB_TYPE, JOB_TYPE);
    job.put(ControllerJobStore.TABLE_NAME_WITH_TYPE, tableNameWithType);
    job.put(ControllerJobStore.SUBMISSION_TIME_MS, Long.toString(clock.getAsLong()));
    job.put("fileName", fileName);
    job.put("phase", Phase.BUILDING_SEGMENT.name());
    store.put(job);
  }

  /// Moves the job to `phase`, adding `fields` (`segmentName`, `numDocs`, `error`).
  public void phase(String jobId, Phase phase, Map<String, String> fields) {
    store.update(JOB_TYPE, jobId, job -> {
      job.put("phase", phase.name());
      job.putAll(fields);
      if (phase == Phase.DONE || phase == Phase.FAILED) {
        job.put("endTimeMs", Long.toString(clock.getAsLong()));
      }
      return job;
    });
  }

  /// The job's record, or null when there is none.
  public @Nullable Map<String, String> get(String jobId) {
    return store.job(JOB_TYPE, jobId);
  }
}
