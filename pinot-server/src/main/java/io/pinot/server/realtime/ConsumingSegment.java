// SPDX-License-Identifier: Apache-2.0
package io.pinot.server.realtime;

import io.pinot.common.protocol.SegmentCompletionProtocol;
import io.pinot.segment.ingestion.IngestionPipeline;
import io.pinot.segment.ingestion.IngestionStats;
import io.pinot.segment.ingestion.TransformingRecordReader;
import io.pinot.segment.mutable.LlcSegmentName;
import io.pinot.segment.mutable.MutableSegment;
import io.pinot.segment.mutable.MutableSegmentConfig;
import io.pinot.server.data.PrimaryKeyTracker.PartitionKeys;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.Schema;
import io.pinot.spi.data.readers.GenericRow;
import io.pinot.spi.data.readers.RecordReadException;
import io.pinot.spi.stream.MessageBatch;
import io.pinot.spi.stream.PartitionConsumer;
import io.pinot.spi.stream.StreamConfig;
import io.pinot.spi.stream.StreamException;
import io.pinot.spi.stream.StreamMessage;
import io.pinot.spi.stream.StreamPlugins;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// One CONSUMING segment on a server (Apache Pinot's `RealtimeSegmentDataManager`): a thread reads its stream
/// partition from the segment's start offset into a [MutableSegment] that queries see at once, through the table's
/// ingestion pipeline, until the flush threshold (rows, time or size) or a force commit; then [SegmentCompletion]
/// runs the completion protocol with the controller. Rows that cannot be decoded or transformed are skipped and
/// counted under `continueOnError`; otherwise consumption stops, the status names the partition and offset, and
/// the controller is told (`segmentStoppedConsuming`). In an upsert or dedup table each row also goes through the
/// partition's [PartitionKeys] (merged, or dropped as a duplicate, before indexing; made its key's valid version
/// after). Status fields are safe to read from any thread.
public final class ConsumingSegment {
  private static final Logger LOGGER = LoggerFactory.getLogger(ConsumingSegment.class);
  private static final long FETCH_TIMEOUT_MS = 100;
  private static final long READY_CHECK_INTERVAL_MS = 1000;
  private static final long MAX_BACKOFF_MS = 5000;
  private static final int MESSAGE_ROWS_HEADROOM = 10_000;

  private final String tableNameWithType;
  private final String segmentName;
  private final int partition;
  private final long startOffset;
  private final StreamConfig stream;
  private final int rowThreshold;
  private final MutableSegment segment;
  private final TransformingRecordReader rows;
  private final MessageReader messages;
  private final boolean continueOnError;
  private final SegmentCompletion completion;
  private final SegmentCompletion.Host host;
  private @Nullable PartitionKeys keys;
  private final Thread thread;
  private final long startTimeMs = System.currentTimeMillis();
  private volatile String state = "CONSUMING";
  private volatile long currentOffset;
  private volatile long rowsIndexed;
  private volatile long messagesConsumed;
  private volatile long rowsFiltered;
  private long payloadless;
  private int transientErrors;
  private volatile long rowsMalformed;
  private volatile long rowsDeduplicated;
  private volatile long rowsIncomplete;
  private volatile @Nullable String lastIncompleteRow;
  private volatile long lastConsumedTimestampMs = -1;
  private volatile @Nullable String lastError;
  private volatile boolean stopRequested;
  private volatile boolean forceCommit;

  /// Creates the segment (not yet consuming: call [#start()]).
  ///
  /// @param rowThreshold the segment's row threshold from its ZooKeeper metadata (`segment.flush.threshold.size`,
  ///     size-tuned by the controller when the table's `realtime.segment.flush.threshold.rows` is 0), or 0 for none
  public ConsumingSegment(String tableNameWithType, LlcSegmentName name, long startOffset, int rowThreshold,
      TableConfig tableConfig, Schema schema, SegmentCompletion.Host host) {
    this.tableNameWithType = tableNameWithType;
    this.segmentName = name.toString();
    this.partition = name.partitionGroupId();
    this.startOffset = startOffset;
    this.currentOffset = startOffset;
    this.stream = StreamConfig.of(tableConfig);
    this.rowThreshold = rowThreshold > 0 ? rowThreshold : stream.flushThresholdRows();
    // The row threshold ends a segment after the message that reaches it; the headroom takes the other rows of a
    // message that expands to several rows, so that a message is never split across two segments.
    int capacity = this.rowThreshold > 0
        ? (int) Math.min(Integer.MAX_VALUE - 1L, (long) this.rowThreshold + MESSAGE_ROWS_HEADROOM)
        : MutableSegmentConfig.DEFAULT_CAPACITY;
    this.segment = new MutableSegment(MutableSegmentConfig.builder().tableConfig(tableConfig).schema(schema)
        .segmentName(segmentName).capacity(capacity).creationTime(startTimeMs).build());
    IngestionPipeline pipeline = IngestionPipeline.create(tableConfig, schema);
    this.continueOnError = pipeline.config().continueOnErrorEnabled();
    this.messages = new MessageReader(StreamPlugins.decoder(stream, schema), stream.topicName(), partition);
    this.rows = pipeline.wrapKeepingIncompleteRows(messages);
    this.completion = new SegmentCompletion(this, host);
    this.host = host;
    this.thread = new Thread(this::run, "consumer-" + segmentName);
    thread.setDaemon(true);
  }

  /// Starts consuming; `partitionKeys` is the partition's primary-key metadata of an upsert or dedup table.
  public void start(@Nullable PartitionKeys partitionKeys) {
    this.keys = partitionKeys;
    thread.start();
  }

  public MutableSegment segment() {
    return segment;
  }

  public String tableNameWithType() {
    return tableNameWithType;
  }

  public String segmentName() {
    return segmentName;
  }

  long currentOffset() {
    return currentOffset;
  }

  void setState(String value) {
    state = value;
  }

  String state() {
    return state;
  }

  boolean stopRequested() {
    return stopRequested;
  }

  /// Ends consumption at the next message boundary and commits, as after a flush threshold.
  public void forceCommit() {
    forceCommit = true;
  }

  /// Stops the thread (a commit in flight finishes first) and waits for it.
  public void stopAndJoin(long timeoutMs) throws InterruptedException {
    stopRequested = true;
    thread.join(timeoutMs);
  }

  public ConsumerStatus status() {
    return new ConsumerStatus(segmentName, partition, state, startOffset, currentOffset, rowsIndexed,
        messagesConsumed, rowsFiltered, rowsMalformed, rowsDeduplicated, rowsIncomplete, lastConsumedTimestampMs,
        lastError, lastIncompleteRow);
  }

  private void run() {
    try (PartitionConsumer consumer = StreamPlugins.consumerFactory(stream).partitionConsumer(stream, partition)) {
      if (!awaitLoadedSegments()) {
        return;
      }
      String reason = consume(consumer, Long.MAX_VALUE);
      if (reason != null) {
        completion.complete(consumer, reason);
      }
    } catch (StreamException | IOException | RuntimeException e) {
      fail(e.getMessage() == null ? e.toString() : e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (state.equals("CONSUMING") || state.equals("HOLDING") || state.equals("CATCHING_UP")) {
      state = "STOPPED";
    }
  }

  /// Reads until an end criterion or, when `targetOffset` is set, exactly up to it. Returns the reason the
  /// segment ended (null when stopped from outside).
  @Nullable String consume(PartitionConsumer consumer, long targetOffset) throws StreamException {
    GenericRow reuse = new GenericRow();
    while (!stopRequested) {
      if (targetOffset == Long.MAX_VALUE) {
        String reason = endReason();
        if (reason != null) {
          return reason;
        }
      } else if (currentOffset >= targetOffset) {
        return "catchUp";
      }
      MessageBatch batch;
      try {
        batch = consumer.fetch(currentOffset, FETCH_TIMEOUT_MS);
        transientErrors = 0;
      } catch (StreamException e) {
        if (!e.isTransient() || !backOff(e)) {
          throw e;
        }
        continue;
      }
      for (StreamMessage message : batch.messages()) {
        if (message.offset() >= targetOffset) {
          currentOffset = targetOffset;
          countFiltered();
          return "catchUp";
        }
        if (!index(message, reuse)) {
          countFiltered();
          return SegmentCompletionProtocol.REASON_SIZE_LIMIT;
        }
        currentOffset = message.offset() + 1;
        String reason = targetOffset == Long.MAX_VALUE ? endReason() : null;
        if (reason != null) {
          countFiltered();
          return reason;
        }
      }
      countFiltered();
      currentOffset = Math.min(Math.max(currentOffset, batch.nextOffset()), targetOffset);
    }
    return null;
  }

  /// Dedup and partial upsert: waits until the table's committed segments are loaded (their keys known); false
  /// when stopped meanwhile.
  private boolean awaitLoadedSegments() throws InterruptedException {
    PartitionKeys partitionKeys = keys;
    if (partitionKeys == null) {
      return true;
    }
    partitionKeys.removeExpiredPrimaryKeys();
    if (!partitionKeys.waitsForLoadedSegments()) {
      return true;
    }
    long since = System.currentTimeMillis();
    while (!host.allSegmentsLoaded(tableNameWithType)) {
      if (stopRequested) {
        return false;
      }
      LOGGER.info("Segment {} waits for the committed segments of {} to load ({} ms so far)", segmentName,
          tableNameWithType, System.currentTimeMillis() - since);
      Thread.sleep(READY_CHECK_INTERVAL_MS);
    }
    return true;
  }

  /// A transient stream failure (a timeout, a broker restart): records it in the status, waits (100 ms doubling up to
  /// 5 s) and lets the caller retry from the same offset, as Pinot does; the partition never stops for it. False when
  /// interrupted.
  private boolean backOff(StreamException e) {
    transientErrors++;
    lastError = "Topic[" + stream.topicName() + "] partition[" + partition + "] offset[" + currentOffset + "]: "
        + e.getMessage() + " (retry " + transientErrors + ")";
    if (transientErrors == 1 || transientErrors % 10 == 0) {
      LOGGER.warn("Segment {}: {}", segmentName, lastError);
    }
    try {
      Thread.sleep(Math.min(MAX_BACKOFF_MS, 100L << Math.min(transientErrors - 1, 6)));
      return true;
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private @Nullable String endReason() {
    if (forceCommit) {
      return SegmentCompletionProtocol.REASON_FORCE_COMMIT;
    }
    if (rowThreshold > 0 && rowsIndexed >= rowThreshold) {
      return SegmentCompletionProtocol.REASON_ROW_LIMIT;
    }
    if (rowThreshold == 0 && segment.memoryBytes() >= stream.flushThresholdSegmentSizeBytes()) {
      return SegmentCompletionProtocol.REASON_SIZE_LIMIT;
    }
    if (rowsIndexed > 0 && System.currentTimeMillis() - startTimeMs >= stream.flushThresholdTimeMillis()) {
      return SegmentCompletionProtocol.REASON_TIME_LIMIT;
    }
    return null;
  }

  /// Indexes the rows of one message; false when the segment is full (nothing of the message was indexed).
  private boolean index(StreamMessage message, GenericRow reuse) {
    messagesConsumed++;
    lastConsumedTimestampMs = message.timestampMs();
    if (message.value() == null) {
      payloadless++;
      return true;
    }
    messages.set(message);
    int indexedOfMessage = 0;
    while (true) {
      GenericRow row;
      try {
        if (!rows.hasNext()) {
          break;
        }
        row = rows.next(reuse);
      } catch (RecordReadException e) {
        skipOrThrow(e);
        continue;
      }
      if (!segment.canAddMore()) {
        return full(indexedOfMessage);
      }
      try {
        if (keys != null && !keys.admit(row, segment)) {
          rowsDeduplicated++;
          continue;
        }
        if (!segment.index(row)) {
          return full(indexedOfMessage);
        }
      } catch (IllegalArgumentException e) {
        skipOrThrow(new RecordReadException(messages.position(), e.getMessage(), e));
        continue;
      }
      if (keys != null) {
        keys.indexed(segment, segment.numDocs() - 1, row);
      }
      indexedOfMessage++;
      rowsIndexed++;
    }
    return true;
  }

  /// The segment is full: fine before the message's first row (the segment ends before the message), an error after
  /// it (the message would be split across segments, and re-read rows would be duplicated).
  private boolean full(int indexedOfMessage) {
    if (indexedOfMessage == 0) {
      return false;
    }
    throw new IllegalStateException(messages.position() + ": the message expands to more rows than segment "
        + segmentName + " can take (" + segment.config().capacity() + "); lower "
        + "realtime.segment.flush.threshold.rows or split such messages");
  }

  /// Publishes the rows dropped so far: the pipeline's filter count and payload-less messages.
  private void countFiltered() {
    IngestionStats stats = rows.stats();
    rowsFiltered = payloadless + stats.numFilteredRows();
    rowsIncomplete = stats.numIncompleteRows();
    lastIncompleteRow = rows.lastIncompleteRow();
  }

  private void skipOrThrow(RecordReadException e) {
    String message = e.getMessage();
    if (!continueOnError) {
      throw new IllegalStateException("Cannot ingest " + message + " (set ingestionConfig.continueOnError to skip "
          + "such rows)", e);
    }
    rowsMalformed++;
    lastError = message;
    LOGGER.debug("Skipping malformed row of segment {}: {}", segmentName, message);
  }

  private void fail(String message, Exception e) {
    lastError = message;
    state = "ERROR";
    LOGGER.error("Consumption of segment {} of {} stopped at offset {}: {}", segmentName, tableNameWithType,
        currentOffset, message, e);
    completion.stoppedConsuming(message);
  }
}
