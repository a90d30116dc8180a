// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.ingestion;

import io.pinot.tools.client.ControllerClient;
import io.pinot.tools.client.PinotHttpException;
import io.pinot.tools.ingestion.spec.JobType;
import io.pinot.tools.ingestion.spec.PushJobSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Pushes segment tarballs to the controllers of a job: tar push (multipart upload) or URI push (the
/// controller downloads from `segmentUriPrefix + path + segmentUriSuffix`). Up to `pushParallelism` pushes run
/// at once; each is tried `pushAttempts` times, `pushRetryIntervalMillis` apart, unless the controller rejects
/// it outright (a 4xx answer). The first segment that cannot be pushed fails the step.
final class SegmentPushStep {
  private static final Logger LOG = LoggerFactory.getLogger(SegmentPushStep.class);

  /// One tarball to push: its segment name and local file.
  record PushItem(String segmentName, Path tarFile) {
  }

  private record PushDone(PushItem item, long millis) {
  }

  private SegmentPushStep() {
  }

  /// Pushes every item to every controller; returns the number of pushes done.
  ///
  /// @throws IngestionJobException naming the segment that could not be pushed
  static int run(List<PushItem> items, List<ControllerClient> controllers, String tableName, JobType.PushMode mode,
      PushJobSpec pushSpec, PrintWriter progress) {
    int total = items.size() * controllers.size();
    int threads = Math.max(1, Math.min(pushSpec.pushParallelism(), total));
    ExecutorService pool = Executors.newFixedThreadPool(threads, SegmentGenerationStep.namedThreads("pinot-push-"));
    try {
      CompletionService<PushDone> completion = new ExecutorCompletionService<>(pool);
      for (ControllerClient controller : controllers) {
        for (PushItem item : items) {
          completion.submit(() -> {
            long start = System.nanoTime();
            pushOne(item, controller, tableName, mode, pushSpec);
            return new PushDone(item, (System.nanoTime() - start) / 1_000_000);
          });
        }
      }
      for (int done = 1; done <= total; done++) {
        PushDone pushed = take(completion, done - 1, total);
        progress.println(String.format(Locale.ROOT, "[%d/%d] Pushed segment %s (%s, %s push) in %s", done, total,
            pushed.item().segmentName(), size(pushed.item().tarFile()), mode == JobType.PushMode.URI ? "URI" : "tar",
            SegmentGenerationStep.seconds(pushed.millis())));
        progress.flush();
      }
      return total;
    } finally {
      pool.shutdownNow();
      SegmentGenerationStep.awaitQuietly(pool);
    }
  }

  private static void pushOne(PushItem item, ControllerClient controller, String tableName, JobType.PushMode mode,
      PushJobSpec pushSpec) throws IOException, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        if (mode == JobType.PushMode.URI) {
          controller.pushSegmentUri(tableName, "OFFLINE", downloadUri(item.tarFile(), pushSpec));
        } else {
          controller.uploadSegment(tableName, "OFFLINE", item.tarFile());
        }
        return;
      } catch (IOException e) {
        boolean retriable = !(e instanceof PinotHttpException http) || http.retriable();
        if (!retriable || attempt >= pushSpec.pushAttempts() || Thread.currentThread().isInterrupted()) {
          throw new IngestionJobException("Cannot push segment " + item.segmentName() + " to "
              + controller.baseUri() + (attempt > 1 ? " after " + attempt + " attempts" : "") + ": "
              + e.getMessage(), e);
        }
        LOG.warn("Push attempt {} of segment {} failed ({}); retrying in {} ms", attempt, item.segmentName(),
            e.getMessage(), pushSpec.pushRetryIntervalMillis());
        Thread.sleep(pushSpec.pushRetryIntervalMillis());
      }
    }
  }

  /// The URI the controller downloads a tarball from: `prefix + path + suffix`, or the file's own URI when
  /// the job gives neither prefix nor suffix.
  static String downloadUri(Path tarFile, PushJobSpec pushSpec) {
    String prefix = pushSpec.segmentUriPrefix() == null ? "" : pushSpec.segmentUriPrefix();
    String suffix = pushSpec.segmentUriSuffix() == null ? "" : pushSpec.segmentUriSuffix();
    if (prefix.isEmpty() && suffix.isEmpty()) {
      return tarFile.toAbsolutePath().toUri().toString();
    }
    return prefix + tarFile.toAbsolutePath().toUri().getRawPath() + suffix;
  }

  private static PushDone take(CompletionService<PushDone> completion, int pushed, int total) {
    try {
      return completion.take().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IngestionJobException("Interrupted while pushing segments", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      String summary = " (" + pushed + " of " + total + " pushes had completed)";
      if (cause instanceof IngestionJobException jobException) {
        throw new IngestionJobException(jobException.getMessage() + summary, jobException.getCause());
      }
      throw new IngestionJobException("Segment push failed: " + cause + summary, cause);
    }
  }

  private static String size(Path file) {
    try {
      long bytes = Files.size(file);
      return bytes >= 1 << 20 ? String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0)
          : String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
    } catch (IOException e) {
      return "size unknown";
    }
  }
}
