// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.ingestion;

import io.pinot.spi.data.readers.RecordReadException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/// Builds one segment per input file on a bounded pool (`segmentCreationJobParallelism` threads), printing a
/// line per segment as it completes. Fails fast: the first input file that cannot be turned into a segment
/// cancels the others and fails the step with a message naming the file and row.
final class SegmentGenerationStep {
  private SegmentGenerationStep() {
  }

  /// The reports of all segments, in input file order.
  ///
  /// @throws IngestionJobException naming the first input file that failed
  static List<SegmentReport> run(GenerationContext context, List<Path> inputFiles, int parallelism,
      PrintWriter progress) {
    int threads = Math.max(1, Math.min(parallelism, inputFiles.size()));
    ExecutorService pool = Executors.newFixedThreadPool(threads, namedThreads("pinot-segment-creation-"));
    try {
      CompletionService<SegmentReport> completion = new ExecutorCompletionService<>(pool);
      List<Future<SegmentReport>> futures = new ArrayList<>();
      for (int i = 0; i < inputFiles.size(); i++) {
        Path file = inputFiles.get(i);
        int sequenceId = i;
        futures.add(completion.submit(() -> buildOne(context, file, sequenceId)));
      }
      List<SegmentReport> reports = new ArrayList<>();
      for (int done = 1; done <= inputFiles.size(); done++) {
        SegmentReport report = take(completion);
        reports.add(report);
        progress.println(String.format(Locale.ROOT, "[%d/%d] Created segment %s from %s: %,d rows%s%s in %s", done,
            inputFiles.size(), report.segmentName(), report.inputFile().getFileName(), report.numDocs(),
            report.numSkippedRows() == 0 ? "" : String.format(Locale.ROOT, " (%,d bad row%s skipped)",
                report.numSkippedRows(), report.numSkippedRows() == 1 ? "" : "s"),
            report.numFilteredRows() == 0 ? "" : String.format(Locale.ROOT, " (%,d row%s filtered)",
                report.numFilteredRows(), report.numFilteredRows() == 1 ? "" : "s"),
            seconds(report.creationMillis())));
        progress.flush();
      }
      reports.sort(Comparator.comparingInt(SegmentReport::sequenceId));
      return reports;
    } finally {
      pool.shutdownNow();
      awaitQuietly(pool);
    }
  }

  private static SegmentReport buildOne(GenerationContext context, Path file, int sequenceId) {
    try {
      return SegmentBuilder.build(context, file, sequenceId);
    } catch (IngestionJobException e) {
      throw e;
    } catch (Exception e) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof RecordReadException bad) {
          throw new IngestionJobException("Cannot ingest input file " + file + ": " + bad.getMessage()
              + " (set continueOnError: true in the job spec to skip bad rows)", e);
        }
      }
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new IngestionJobException("Cannot create a segment from input file " + file + ": " + message, e);
    }
  }

  private static SegmentReport take(CompletionService<SegmentReport> completion) {
    try {
      return completion.take().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IngestionJobException("Interrupted while creating segments", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IngestionJobException jobException) {
        throw jobException;
      }
      throw new IngestionJobException("Segment creation failed: " + cause, cause);
    }
  }

  static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }

  static ThreadFactory namedThreads(String prefix) {
    AtomicInteger counter = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  static void awaitQuietly(ExecutorService pool) {
    try {
      pool.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
