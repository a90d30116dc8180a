// SPDX-License-Identifier: Apache-2.0
package io.pinot.server.realtime;

import io.pinot.common.protocol.CompletionResponse;
import io.pinot.common.protocol.SegmentCompletionProtocol;
import io.pinot.segment.creator.SegmentCreationResult;
import io.pinot.segment.mutable.MutableSegmentConverter;
import io.pinot.segment.tar.TarGzUtils;
import io.pinot.server.data.InstanceDataManager;
import io.pinot.spi.stream.PartitionConsumer;
import io.pinot.spi.stream.StreamException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The server's half of the segment completion protocol for one consuming segment that reached its end: report
/// the offset (`segmentConsumed`) until the controller decides, catch up when told, and as the committer build
/// the segment, upload it and end the commit; KEEP builds the same rows locally, DISCARD leaves the segment for
/// the CONSUMING→ONLINE transition to download. Runs on the segment's consumer thread.
final class SegmentCompletion {
  private static final Logger LOGGER = LoggerFactory.getLogger(SegmentCompletion.class);

  /// What the server provides: the controller client, and where built segments go.
  interface Host {
    CompletionClient client();

    /// A fresh empty directory to build a segment in.
    Path newBuildDir() throws IOException;

    /// Moves a built segment directory into the table's data directory and swaps it in for the consuming
    /// segment (queries move to it atomically).
    void install(String tableNameWithType, Path builtSegmentDir) throws IOException;

    /// Whether every committed segment of the table assigned to this server is loaded.
    boolean allSegmentsLoaded(String tableNameWithType);
  }

  private final ConsumingSegment consuming;
  private final Host host;

  SegmentCompletion(ConsumingSegment consuming, Host host) {
    this.consuming = consuming;
    this.host = host;
  }

  /// Runs the protocol until the segment is committed, kept, discarded or the server stops it.
  void complete(PartitionConsumer consumer, String reason)
      throws StreamException, IOException, InterruptedException {
    String segment = consuming.segmentName();
    consuming.setState("HOLDING");
    while (!consuming.stopRequested()) {
      long offset = consuming.currentOffset();
      CompletionResponse response = host.client().segmentConsumed(segment, offset, reason,
          consuming.segment().numDocs());
      switch (response.status()) {
        case COMMIT -> {
          if (commit(offset)) {
            return;
          }
        }
        case KEEP -> {
          install(build(consuming, host), "RETAINED");
          return;
        }
        case DISCARD -> {
          consuming.setState("DISCARDED");
          return;
        }
        case CATCH_UP -> {
          consuming.setState("CATCHING_UP");
          consuming.consume(consumer, response.offset());
          consuming.setState("HOLDING");
        }
        default -> Thread.sleep(SegmentCompletionProtocol.HOLD_TIME_MS);
      }
    }
  }

  /// Tells the controller this replica stopped consuming; failures are logged only.
  void stoppedConsuming(String reason) {
    host.client().segmentStoppedConsuming(consuming.segmentName(), consuming.currentOffset(), reason);
  }

  private boolean commit(long offset) {
    String segment = consuming.segmentName();
    consuming.setState("COMMITTING");
    Path built = null;
    try {
      built = build(consuming, host);
      Path tar = built.resolveSibling(segment + TarGzUtils.TAR_GZ_EXTENSION);
      TarGzUtils.createTarGz(built, tar);
      CompletionClient client = host.client();
      if (client.segmentCommitStart(segment, offset).status() == SegmentCompletionProtocol.Status.COMMIT_CONTINUE) {
        CompletionResponse upload = client.segmentUpload(segment, offset, tar);
        if (upload.status() == SegmentCompletionProtocol.Status.UPLOAD_SUCCESS && upload.segmentLocation() != null
            && client.segmentCommitEnd(segment, offset, upload.segmentLocation()).status()
            == SegmentCompletionProtocol.Status.COMMIT_SUCCESS) {
          Files.deleteIfExists(tar);
          install(built, "COMMITTED");
          built = null;
          return true;
        }
      }
      LOGGER.warn("Commit of segment {} at offset {} failed; reporting again", segment, offset);
    } catch (IOException | RuntimeException e) {
      LOGGER.warn("Building or committing segment {} failed: {}", segment, e.getMessage(), e);
    } finally {
      if (built != null) {
        deleteQuietly(built.getParent());
      }
    }
    consuming.setState("HOLDING");
    return false;
  }

  /// Builds the consuming segment's rows into an immutable segment in a fresh build directory of `host`.
  static Path build(ConsumingSegment consuming, Host host) throws IOException {
    SegmentCreationResult result = MutableSegmentConverter.convert(consuming.segment().snapshot(),
        host.newBuildDir());
    return result.segmentDir();
  }

  private void install(Path built, String finalState) throws IOException {
    host.install(consuming.tableNameWithType(), built);
    consuming.setState(finalState);
    LOGGER.info("Segment {} is {} with {} rows at offset {}", consuming.segmentName(), finalState,
        consuming.segment().numDocs(), consuming.currentOffset());
  }

  private static void deleteQuietly(Path dir) {
    try {
      InstanceDataManager.deleteDirectory(dir);
    } catch (IOException e) {
      LOGGER.debug("Could not delete {}: {}", dir, e.getMessage());
    }
  }
}
