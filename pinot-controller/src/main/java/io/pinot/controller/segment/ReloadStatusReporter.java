// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.segment;

import com.fasterxml.jackson.databind.JsonNode;
import io.pinot.common.http.RestException;
import io.pinot.common.metadata.InstanceInfo;
import io.pinot.common.utils.JsonUtils;
import io.pinot.controller.helix.ControllerJobStore;
import io.pinot.controller.helix.IdealStateManager;
import io.pinot.controller.helix.InstanceManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/// Apache Pinot's reload job status (`GET /segments/segmentReloadStatus/{jobId}`): reads the job from
/// `/CONTROLLER_JOBS/RELOAD_SEGMENT`, asks every server hosting the job's segments how many of them it has
/// (re)loaded since the job's submission (`GET /controllerJob/reloadStatus/{tableNameWithType}` on its admin port,
/// all servers in parallel) and sums the answers. Stateless apart from its collaborators; thread-safe.
public final class ReloadStatusReporter {
  /// Separator of segment names in the server's `segmentName` parameter (Pinot's `SEGMENT_NAME_SEPARATOR`).
  public static final String SEGMENT_NAME_SEPARATOR = "|";
  private static final Duration SERVER_TIMEOUT = Duration.ofSeconds(10);

  private final ControllerJobStore jobs;
  private final IdealStateManager idealStates;
  private final InstanceManager instances;
  private final HttpClient httpClient;
  private final LongSupplier clock;

  public ReloadStatusReporter(ControllerJobStore jobs, IdealStateManager idealStates, InstanceManager instances,
      HttpClient httpClient, LongSupplier clock) {
    this.jobs = jobs;
    this.idealStates = idealStates;
    this.instances = instances;
    this.httpClient = httpClient;
    this.clock = clock;
  }

  /// Pinot's `PinotTableReloadStatusResponse`: `status`, `timeElapsedInMinutes`, `estimatedTimeRemainingInMinutes`
  /// (-1 until a segment is done), `totalSegmentCount`, `successCount`, `failureCount` (when servers report it),
  /// `totalServersQueried`, `totalServerCallsFailed` and `metadata` (the job's record).
  ///
  /// @throws RestException 404 when no reload job has that id
  public Map<String, Object> status(String jobId) {
    Map<String, String> job = jobs.job(SegmentManager.RELOAD_JOB_TYPE, jobId);
    if (job == null) {
      throw RestException.notFound("Failed to find controller job id: " + jobId);
    }
    String table = job.getOrDefault(ControllerJobStore.TABLE_NAME_WITH_TYPE, "");
    long submissionTimeMs = parseLong(job.get(ControllerJobStore.SUBMISSION_TIME_MS));
    String segmentName = job.get(SegmentManager.RELOAD_JOB_SEGMENT_NAME);
    Map<String, List<String>> serverToSegments = serverToSegments(table, segmentName);
    Map<String, CompletableFuture<HttpResponse<String>>> calls = new TreeMap<>();
    for (Map.Entry<String, List<String>> entry : serverToSegments.entrySet()) {
      calls.put(entry.getKey(), ask(entry.getKey(), table, submissionTimeMs, jobId,
          segmentName == null ? null : entry.getValue()));
    }
    int total = 0;
    for (List<String> segments : serverToSegments.values()) {
      total += segments.size();
    }
    int success = 0;
    long failures = 0;
    boolean failuresReported = false;
    int failedCalls = 0;
    long deadline = System.nanoTime() + SERVER_TIMEOUT.toNanos();
    for (CompletableFuture<HttpResponse<String>> call : calls.values()) {
      JsonNode answer = answer(call, deadline);
      if (answer == null) {
        failedCalls++;
        continue;
      }
      success += answer.path("successCount").asInt();
      if (answer.hasNonNull("failureCount")) {
        failures += answer.get("failureCount").asLong();
        failuresReported = true;
      }
    }
    double elapsedMinutes = (clock.getAsLong() - submissionTimeMs) / 60_000.0;
    double remainingMinutes = success > 0 ? Math.max(0, total - success) * elapsedMinutes / success : -1;
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("status", status(total, success, failures, failedCalls));
    response.put("timeElapsedInMinutes", elapsedMinutes);
    response.put("estimatedTimeRemainingInMinutes", remainingMinutes);
    response.put("totalSegmentCount", total);
    response.put("successCount", success);
    if (failuresReported) {
      response.put("failureCount", failures);
    }
    response.put("totalServersQueried", calls.size());
    response.put("totalServerCallsFailed", failedCalls);
    response.put("metadata", metadata(job));
    return response;
  }

  /// Pinot's derived status: COMPLETED once every segment is done and every server answered,
  /// COMPLETED_WITH_ERRORS when some of them failed, else IN_PROGRESS.
  static String status(int total, int success, long failures, int failedCalls) {
    if (success + failures >= total && failedCalls == 0) {
      return failures > 0 ? "COMPLETED_WITH_ERRORS" : "COMPLETED";
    }
    return "IN_PROGRESS";
  }

  /// The job record as Pinot's `PinotControllerJobMetadataDto` writes it: numbers for the time and message count.
  static Map<String, Object> metadata(Map<String, String> job) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    for (Map.Entry<String, String> field : job.entrySet()) {
      boolean numeric = field.getKey().equals(ControllerJobStore.SUBMISSION_TIME_MS)
          || field.getKey().equals(ControllerJobStore.MESSAGE_COUNT);
      metadata.put(field.getKey(), numeric ? parseLong(field.getValue()) : field.getValue());
    }
    return metadata;
  }

  private Map<String, List<String>> serverToSegments(String table, @Nullable String segmentName) {
    Map<String, List<String>> result = new TreeMap<>();
    for (Map.Entry<String, Map<String, String>> segment : idealStates.idealState(table).entrySet()) {
      if (segmentName == null || segmentName.equals(segment.getKey())) {
        for (String server : segment.getValue().keySet()) {
          result.computeIfAbsent(server, s -> new ArrayList<>()).add(segment.getKey());
        }
      }
    }
    return result;
  }

  private CompletableFuture<HttpResponse<String>> ask(String server, String table, long submissionTimeMs,
      String jobId, @Nullable List<String> segments) {
    InstanceInfo info = instances.instance(server);
    int adminPort = info == null ? -1 : info.intField(InstanceInfo.ADMIN_PORT);
    if (info == null || adminPort <= 0) {
      return CompletableFuture.failedFuture(new IllegalStateException("No admin port for " + server));
    }
    String url = "http://" + info.hostName() + ":" + adminPort + "/controllerJob/reloadStatus/" + encode(table)
        + "?reloadJobTimestamp=" + submissionTimeMs + "&reloadJobId=" + encode(jobId);
    if (segments != null) {
      url += "&segmentName=" + encode(String.join(SEGMENT_NAME_SEPARATOR, segments));
    }
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(SERVER_TIMEOUT).GET().build();
      return httpClient.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private static @Nullable JsonNode answer(CompletableFuture<HttpResponse<String>> call, long deadline) {
    try {
      HttpResponse<String> response = call.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      return response.statusCode() == 200 ? JsonUtils.parse(response.body()) : null;
    } catch (ExecutionException | TimeoutException | IllegalArgumentException e) {
      call.cancel(true);
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static long parseLong(@Nullable String value) {
    try {
      return value == null ? 0 : Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
