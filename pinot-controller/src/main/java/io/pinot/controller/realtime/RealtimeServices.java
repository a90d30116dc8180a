// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.realtime;

import io.pinot.common.cluster.StateModels;
import io.pinot.controller.helix.MetadataStore;
import io.pinot.controller.helix.SegmentMessenger;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.config.table.TableType;
import io.pinot.spi.stream.StreamException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The controller's REALTIME machinery: the segment life cycle, the completion protocol and the periodic
/// validation task (Pinot's `RealtimeSegmentValidationManager`) that picks up new stream partitions and repairs
/// interrupted commits. One per controller; [#close()] stops the periodic task.
public final class RealtimeServices implements AutoCloseable {
  private static final Logger LOGGER = LoggerFactory.getLogger(RealtimeServices.class);
  /// Pinot's name of the periodic task, for `/periodictask/run`.
  public static final String VALIDATION_TASK = "RealtimeSegmentValidationManager";

  private final MetadataStore store;
  private final RealtimeSegmentManager segments;
  private final SegmentCompletionManager completion;
  private final SegmentMessenger messenger;
  private final ScheduledExecutorService scheduler;
  private final BooleanSupplier leader;

  /// `leader` tells whether this controller is the Helix leader: only the leader runs the completion protocol and
  /// the validation task.
  public RealtimeServices(MetadataStore store, RealtimeSegmentManager segments, SegmentCompletionManager completion,
      SegmentMessenger messenger, long validationPeriodMs, BooleanSupplier leader) {
    this.store = store;
    this.leader = leader;
    this.segments = segments;
    this.completion = completion;
    this.messenger = messenger;
    this.scheduler = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, "realtime-segment-validation");
      thread.setDaemon(true);
      return thread;
    });
    scheduler.scheduleWithFixedDelay(this::validateAll, validationPeriodMs, validationPeriodMs,
        TimeUnit.MILLISECONDS);
  }

  public RealtimeSegmentManager segments() {
    return segments;
  }

  public SegmentCompletionManager completion() {
    return completion;
  }

  /// Tells the servers of the table's consuming segments to commit them now; returns those segments.
  public List<String> forceCommit(String tableNameWithType, Map<String, Map<String, String>> idealState) {
    List<String> consuming = new ArrayList<>();
    Set<String> servers = new TreeSet<>();
    for (Map.Entry<String, Map<String, String>> segment : idealState.entrySet()) {
      if (segment.getValue().containsValue(StateModels.CONSUMING)) {
        consuming.add(segment.getKey());
        servers.addAll(segment.getValue().keySet());
      }
    }
    messenger.sendForceCommit(tableNameWithType, servers);
    return consuming;
  }

  public boolean isLeader() {
    return leader.getAsBoolean();
  }

  /// Runs the validation of every REALTIME table once (on the lead controller only); returns the number of tables
  /// checked.
  public int validateAll() {
    int checked = 0;
    if (!isLeader()) {
      return checked;
    }
    for (String table : store.tableNamesWithType()) {
      TableConfig config = store.tableConfig(table);
      if (config == null || config.tableType() != TableType.REALTIME) {
        continue;
      }
      checked++;
      try {
        segments.ensureAllPartitionsConsuming(config);
      } catch (StreamException | RuntimeException e) {
        LOGGER.warn("Validation of REALTIME table {} failed: {}", table, e.getMessage());
      }
    }
    return checked;
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
