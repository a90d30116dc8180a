// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.realtime;

import io.pinot.common.metadata.SegmentZkMetadata;
import io.pinot.common.protocol.CompletionResponse;
import io.pinot.common.protocol.SegmentCompletionProtocol;
import io.pinot.common.protocol.SegmentCompletionProtocol.Status;
import io.pinot.controller.helix.IdealStateManager;
import io.pinot.controller.helix.MetadataStore;
import io.pinot.spi.config.table.TableConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The controller's side of the segment completion protocol (see [SegmentCompletionProtocol]): one state
/// machine per consuming segment that has reached its end. It waits until every replica has reported its
/// offset (or [SegmentCompletionProtocol#MAX_HOLD_TIME_MS] has passed), picks the replica with the largest offset
/// to commit, tells the others to catch up to that offset, and once the commit ended tells each replica to KEEP
/// its rows (same offset) or DISCARD them. A committer that does not finish in its build time loses the role and
/// the next report starts over, so a dead server never blocks a partition. Thread-safe: each machine is
/// synchronized.
public final class SegmentCompletionManager {
  private static final Logger LOGGER = LoggerFactory.getLogger(SegmentCompletionManager.class);

  private final MetadataStore store;
  private final IdealStateManager idealStates;
  private final RealtimeSegmentManager segments;
  private final Path uploadDir;
  private final LongSupplier clock;
  private final Map<String, Fsm> machines = new ConcurrentHashMap<>();
  private final Map<String, String> stopReasons = new ConcurrentHashMap<>();

  public SegmentCompletionManager(MetadataStore store, IdealStateManager idealStates, RealtimeSegmentManager segments,
      Path uploadDir, LongSupplier clock) throws IOException {
    this.store = store;
    this.idealStates = idealStates;
    this.segments = segments;
    this.uploadDir = uploadDir;
    this.clock = clock;
    Files.createDirectories(uploadDir);
  }

  /// `segmentConsumed`: a replica reached its end criteria (`reason`, e.g. `rowLimit`) at `offset`.
  public CompletionResponse segmentConsumed(String tableNameWithType, String segment, String instance, long offset,
      @Nullable String reason) {
    SegmentZkMetadata metadata = store.segment(tableNameWithType, segment);
    if (metadata == null) {
      return CompletionResponse.of(Status.FAILED);
    }
    if (!metadata.isInProgress()) {
      return afterCommit(metadata.endOffset(), offset);
    }
    Fsm fsm = machines.computeIfAbsent(segment, name -> new Fsm(replicas(tableNameWithType, segment)));
    synchronized (fsm) {
      if (SegmentCompletionProtocol.REASON_FORCE_COMMIT.equals(reason)) {
        fsm.forced = true;
      }
      return fsm.consumed(instance, offset, clock.getAsLong());
    }
  }

  /// `segmentCommitStart`: the committer starts uploading.
  public CompletionResponse segmentCommitStart(String segment, String instance, long offset) {
    Fsm fsm = machines.get(segment);
    if (fsm == null) {
      return CompletionResponse.of(Status.FAILED);
    }
    synchronized (fsm) {
      if (!fsm.isCommitter(instance, offset) || fsm.expired(clock.getAsLong())) {
        return CompletionResponse.of(Status.FAILED);
      }
      fsm.committing = true;
      return CompletionResponse.of(Status.COMMIT_CONTINUE, offset);
    }
  }

  /// `segmentUpload`: stores the committer's segment tarball until the commit ends; returns its location.
  public CompletionResponse segmentUpload(String segment, String instance, long offset, InputStream body)
      throws IOException {
    Fsm fsm = machines.get(segment);
    if (fsm == null) {
      return CompletionResponse.of(Status.FAILED);
    }
    synchronized (fsm) {
      if (!fsm.committing || !fsm.isCommitter(instance, offset)) {
        return CompletionResponse.of(Status.FAILED);
      }
      Path file = uploadDir.resolve(segment + "." + instance + "." + offset + ".tar.gz");
      Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
      fsm.uploaded = file;
      return new CompletionResponse(Status.UPLOAD_SUCCESS, Long.toString(offset), -1, true, file.toUri().toString());
    }
  }

  /// `segmentCommitEndWithMetadata`: the committer's upload is complete; commit it.
  public CompletionResponse segmentCommitEnd(TableConfig config, String segment, String instance, long offset) {
    Fsm fsm = machines.get(segment);
    if (fsm == null) {
      return CompletionResponse.of(Status.FAILED);
    }
    synchronized (fsm) {
      if (!fsm.committing || fsm.uploaded == null || !fsm.isCommitter(instance, offset)) {
        return CompletionResponse.of(Status.FAILED);
      }
      try {
        segments.commitSegment(config, segment, offset, fsm.uploaded, fsm.forced);
        machines.remove(segment, fsm);
        return CompletionResponse.of(Status.COMMIT_SUCCESS, offset);
      } catch (IOException | RuntimeException e) {
        LOGGER.warn("Commit of segment {} by {} failed: {}", segment, instance, e.getMessage(), e);
        machines.remove(segment, fsm);
        return CompletionResponse.of(Status.FAILED);
      } finally {
        deleteQuietly(fsm.uploaded);
      }
    }
  }

  /// `segmentStoppedConsuming`: a replica gave up on the segment (an error it cannot get past). Its state in
  /// the ideal state becomes OFFLINE, as in Pinot, so the table's status shows the replica is not serving.
  public CompletionResponse segmentStoppedConsuming(String tableNameWithType, String segment, String instance,
      String reason) {
    LOGGER.warn("Server {} stopped consuming segment {} of {}: {}", instance, segment, tableNameWithType, reason);
    stopReasons.put(segment + '@' + instance, reason);
    Map<String, String> states = idealStates.idealState(tableNameWithType).get(segment);
    if (states != null && states.containsKey(instance)) {
      Map<String, String> changed = new LinkedHashMap<>(states);
      changed.put(instance, "OFFLINE");
      idealStates.setSegmentStates(tableNameWithType, Map.of(segment, changed));
    }
    Fsm fsm = machines.get(segment);
    if (fsm != null) {
      synchronized (fsm) {
        fsm.offsets.remove(instance);
      }
    }
    return CompletionResponse.of(Status.PROCESSED);
  }

  /// Why `instance` stopped consuming `segment` (the reason it sent, naming the partition and offset), or null
  /// when it did not report a stop to this controller since it started.
  public @Nullable String stopReason(String segment, String instance) {
    return stopReasons.get(segment + '@' + instance);
  }

  private int replicas(String tableNameWithType, String segment) {
    Map<String, String> states = idealStates.idealState(tableNameWithType).get(segment);
    return states == null || states.isEmpty() ? 1 : states.size();
  }

  private static CompletionResponse afterCommit(long endOffset, long offset) {
    if (offset == endOffset) {
      return CompletionResponse.of(Status.KEEP, endOffset);
    }
    if (offset < endOffset) {
      return CompletionResponse.of(Status.CATCH_UP, endOffset);
    }
    return CompletionResponse.of(Status.DISCARD, endOffset);
  }

  private static void deleteQuietly(@Nullable Path file) {
    try {
      if (file != null) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      LOGGER.debug("Could not delete {}: {}", file, e.getMessage());
    }
  }

  /// One segment's completion: the offsets reported, then the chosen committer.
  private static final class Fsm {
    private final int replicas;
    private final Map<String, Long> offsets = new LinkedHashMap<>();
    private long firstReportMs = -1;
    private @Nullable String committer;
    private long winningOffset = -1;
    private long deadlineMs;
    private boolean committing;
    private @Nullable Path uploaded;
    /// A force commit (or pause) ended the segment: its size says nothing about the flush threshold.
    private boolean forced;

    Fsm(int replicas) {
      this.replicas = replicas;
    }

    CompletionResponse consumed(String instance, long offset, long now) {
      if (committer != null && expired(now)) {
        LOGGER.warn("Committer {} did not commit in time; choosing again", committer);
        committer = null;
        committing = false;
        offsets.clear();
        firstReportMs = -1;
      }
      if (instance.equals(committer) && (committing || offset != winningOffset)) {
        // The committer reports again: its commit failed or it restarted. Let it commit again at the same
        // offset, or choose again.
        committing = false;
        uploaded = null;
        if (offset != winningOffset) {
          committer = null;
          offsets.clear();
          firstReportMs = -1;
        }
      }
      offsets.put(instance, offset);
      if (firstReportMs < 0) {
        firstReportMs = now;
      }
      if (committer == null) {
        if (offsets.size() < replicas && now - firstReportMs < SegmentCompletionProtocol.MAX_HOLD_TIME_MS) {
          return CompletionResponse.of(Status.HOLD, offset);
        }
        chooseCommitter(instance, now);
      }
      if (instance.equals(committer)) {
        return new CompletionResponse(Status.COMMIT, Long.toString(winningOffset),
                SegmentCompletionProtocol.DEFAULT_MAX_BUILD_TIME_SEC, true, null);
      }
      return offset < winningOffset ? CompletionResponse.of(Status.CATCH_UP, winningOffset)
          : CompletionResponse.of(Status.HOLD, offset);
    }

    private void chooseCommitter(String caller, long now) {
      long best = -1;
      for (long reported : offsets.values()) {
        best = Math.max(best, reported);
      }
      String chosen = offsets.get(caller) == best ? caller : null;
      for (Map.Entry<String, Long> entry : offsets.entrySet()) {
        if (chosen == null && entry.getValue() == best) {
          chosen = entry.getKey();
        }
      }
      committer = chosen;
      winningOffset = best;
      deadlineMs = now + SegmentCompletionProtocol.DEFAULT_MAX_BUILD_TIME_SEC * 1000L;
    }

    boolean isCommitter(String instance, long offset) {
      return instance.equals(committer) && offset == winningOffset;
    }

    boolean expired(long now) {
      return committer != null && now > deadlineMs;
    }
  }
}
