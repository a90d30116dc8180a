// SPDX-License-Identifier: Apache-2.0
package io.pinot.server.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.common.datatable.DataTable;
import io.pinot.common.datatable.DataTableBuilder;
import io.pinot.common.transport.InstanceRequest;
import io.pinot.query.context.QueryDeadline;
import io.pinot.spi.exception.QueryErrorCode;
import io.pinot.spi.exception.QueryException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QuerySchedulerTest {
  private final FakeRunner runner = new FakeRunner();
  private QueryScheduler scheduler;

  /// Runs requests by their SQL: "block" waits for the gate, "spin" checks its deadline until stopped, "oom" throws
  /// OutOfMemoryError, anything else answers at once. Records which requests ran.
  private static final class FakeRunner implements QueryRunner {
    final CountDownLatch gate = new CountDownLatch(1);
    final CountDownLatch spinning = new CountDownLatch(1);
    final Map<Long, Boolean> ran = new ConcurrentHashMap<>();

    @Override
    public byte[] run(InstanceRequest request, long receivedAtNanos, Consumer<QueryDeadline> onStart) {
      ran.put(request.requestId(), true);
      QueryDeadline deadline = QueryDeadline.afterMillis(request.timeoutMs());
      onStart.accept(deadline);
      try {
        switch (request.sql()) {
          case "block" -> gate.await(10, TimeUnit.SECONDS);
          case "spin" -> {
            spinning.countDown();
            while (true) {
              deadline.check();
              Thread.sleep(1);
            }
          }
          case "oom" -> throw new OutOfMemoryError("Java heap space");
          default -> { }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (QueryException e) {
        return QueryScheduler.error(request, e.errorCode(), e.getMessage());
      }
      return new DataTableBuilder(null).build().toBytes();
    }
  }

  @AfterEach
  void tearDown() {
    runner.gate.countDown();
    if (scheduler != null) {
      scheduler.close();
    }
  }

  private static InstanceRequest request(long id, String table, String sql, long timeoutMs) {
    return new InstanceRequest(id, "Broker_h_1", sql, table, List.of("s0"), timeoutMs, Map.of(), false);
  }

  private static Map<Integer, String> errors(CompletableFuture<byte[]> result) throws Exception {
    return DataTable.fromBytes(result.get(10, TimeUnit.SECONDS)).exceptions();
  }

  @Test
  void aFullQueueAnswersOutOfCapacityAtOnce() throws Exception {
    scheduler = new QueryScheduler("S", new SchedulerConfig("fcfs", 1, 1, 1, 10), 10_000, runner);
    CompletableFuture<byte[]> running = scheduler.submit(request(1, "t_OFFLINE", "block", 10_000));
    CompletableFuture<byte[]> queued = scheduler.submit(request(2, "t_OFFLINE", "fast", 10_000));
    CompletableFuture<byte[]> refused = scheduler.submit(request(3, "t_OFFLINE", "fast", 10_000));
    assertThat(errors(refused)).containsOnlyKeys(QueryErrorCode.SERVER_OUT_OF_CAPACITY.id());
    assertThat(running).isNotDone();
    runner.gate.countDown();
    assertThat(errors(running)).isEmpty();
    assertThat(errors(queued)).isEmpty();
    assertThat(runner.ran).containsOnlyKeys(1L, 2L);
  }

  @Test
  void boundedFcfsLimitsWaitingQueriesPerTable() throws Exception {
    scheduler = new QueryScheduler("S", new SchedulerConfig("bounded_fcfs", 1, 1, 100, 1), 10_000, runner);
    CompletableFuture<byte[]> running = scheduler.submit(request(1, "a_OFFLINE", "block", 10_000));
    awaitRan(1);
    CompletableFuture<byte[]> queuedA = scheduler.submit(request(2, "a_OFFLINE", "fast", 10_000));
    CompletableFuture<byte[]> refusedA = scheduler.submit(request(3, "a_REALTIME", "fast", 10_000));
    CompletableFuture<byte[]> queuedB = scheduler.submit(request(4, "b_OFFLINE", "fast", 10_000));
    assertThat(errors(refusedA)).containsOnlyKeys(QueryErrorCode.SERVER_OUT_OF_CAPACITY.id());
    runner.gate.countDown();
    assertThat(errors(running)).isEmpty();
    assertThat(errors(queuedA)).isEmpty();
    assertThat(errors(queuedB)).isEmpty();
  }

  @Test
  void aQueryThatWaitedPastItsTimeoutIsNotStarted() throws Exception {
    scheduler = new QueryScheduler("S", new SchedulerConfig("fcfs", 1, 1, 10, 10), 10_000, runner);
    CompletableFuture<byte[]> running = scheduler.submit(request(1, "t_OFFLINE", "block", 10_000));
    CompletableFuture<byte[]> late = scheduler.submit(request(2, "t_OFFLINE", "fast", 30));
    Thread.sleep(100);
    runner.gate.countDown();
    assertThat(errors(running)).isEmpty();
    Map<Integer, String> errors = errors(late);
    assertThat(errors).containsOnlyKeys(QueryErrorCode.QUERY_SCHEDULING_TIMEOUT.id());
    assertThat(errors.get(QueryErrorCode.QUERY_SCHEDULING_TIMEOUT.id())).contains("Query scheduling took")
        .contains("longer than query timeout of 30ms");
    assertThat(runner.ran).doesNotContainKey(2L);
  }

  @Test
  void aRunningQueryStopsWhenCancelled() throws Exception {
    scheduler = new QueryScheduler("S", new SchedulerConfig("fcfs", 2, 1, 10, 10), 10_000, runner);
    CompletableFuture<byte[]> spinning = scheduler.submit(request(7, "t_OFFLINE", "spin", 60_000));
    assertThat(runner.spinning.await(10, TimeUnit.SECONDS)).isTrue();
    RunningQueries queries = scheduler.runningQueries();
    assertThat(queries.ids()).containsExactly("Broker_h_1_7_O");
    assertThat(queries.cancel("Broker_h_1_8")).isFalse();
    assertThat(queries.cancel("Broker_h_1_7")).isTrue();
    assertThat(errors(spinning)).containsOnlyKeys(QueryErrorCode.QUERY_CANCELLATION.id());
    awaitNoRunningQueries(queries);
  }

  @Test
  void aQueryCancelledWhileWaitingNeverRuns() throws Exception {
    scheduler = new QueryScheduler("S", new SchedulerConfig("fcfs", 1, 1, 10, 10), 10_000, runner);
    CompletableFuture<byte[]> running = scheduler.submit(request(1, "t_OFFLINE", "block", 10_000));
    CompletableFuture<byte[]> queued = scheduler.submit(request(2, "t_REALTIME", "fast", 10_000));
    assertThat(scheduler.runningQueries().ids()).containsExactly("Broker_h_1_1_O", "Broker_h_1_2_R");
    assertThat(scheduler.runningQueries().cancel("Broker_h_1_2_R")).isTrue();
    runner.gate.countDown();
    assertThat(errors(running)).isEmpty();
    assertThat(errors(queued)).containsOnlyKeys(QueryErrorCode.QUERY_CANCELLATION.id());
    assertThat(runner.ran).doesNotContainKey(2L);
  }

  @Test
  void aQueryOutOfHeapFailsAloneAndTheServerKeepsServing() throws Exception {
    scheduler = new QueryScheduler("S", new SchedulerConfig("fcfs", 1, 1, 10, 10), 10_000, runner);
    assertThat(errors(scheduler.submit(request(1, "t_OFFLINE", "oom", 10_000))))
        .containsOnlyKeys(QueryErrorCode.SERVER_RESOURCE_LIMIT_EXCEEDED.id());
    assertThat(errors(scheduler.submit(request(2, "t_OFFLINE", "fast", 10_000)))).isEmpty();
  }

  private void awaitRan(long requestId) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!runner.ran.containsKey(requestId) && System.nanoTime() < deadline) {
      Thread.sleep(1);
    }
    assertThat(runner.ran).containsKey(requestId);
  }

  private static void awaitNoRunningQueries(RunningQueries queries) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!queries.ids().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(1);
    }
    assertThat(queries.ids()).isEmpty();
  }
}
