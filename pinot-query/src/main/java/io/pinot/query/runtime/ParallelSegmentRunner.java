// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.runtime;

import io.pinot.query.context.QueryDeadline;
import io.pinot.query.operator.SegmentStats;
import io.pinot.segment.spi.IndexSegment;
import io.pinot.spi.exception.QueryErrorCode;
import io.pinot.spi.exception.QueryException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/// Runs one query over many segments with a few workers: each worker takes the next segment from a shared
/// counter and folds it into its own accumulator (no locking), the calling thread works too, and the
/// accumulators are merged at the end. Waiting stops at the deadline: the query is then cancelled and
/// fails with EXECUTION_TIMEOUT. Helper tasks that have not started when the calling thread runs out of
/// segments are abandoned rather than awaited, so a saturated pool cannot stall a query.
/// Thread-safe (no state).
final class ParallelSegmentRunner {
  /// What a query does per segment and how partial results combine.
  interface Work<A> {
    A newAccumulator();

    void process(IndexSegment segment, A accumulator, SegmentStats stats);

    void merge(A into, A from);
  }

  private static final int NEW = 0;
  private static final int RUNNING = 1;
  private static final int ABANDONED = 2;

  private ParallelSegmentRunner() {
  }

  static <A> A run(ExecutorService executor, int maxThreads, List<IndexSegment> segments, Work<A> work,
      QueryDeadline deadline, SegmentStats stats) {
    int numWorkers = Math.max(1, Math.min(maxThreads, segments.size()));
    AtomicInteger next = new AtomicInteger();
    List<Future<Partial<A>>> futures = new ArrayList<>(numWorkers - 1);
    List<AtomicInteger> states = new ArrayList<>(numWorkers - 1);
    for (int i = 1; i < numWorkers; i++) {
      AtomicInteger state = new AtomicInteger(NEW);
      try {
        futures.add(executor.submit(() -> state.compareAndSet(NEW, RUNNING)
            ? runWorker(segments, next, work, deadline) : null));
        states.add(state);
      } catch (RejectedExecutionException e) {
        // A saturated pool: the remaining workers' share is done by the others.
        break;
      }
    }
    Partial<A> result;
    try {
      result = runWorker(segments, next, work, deadline);
    } catch (RuntimeException e) {
      deadline.cancel();
      throw e;
    }
    for (int i = 0; i < futures.size(); i++) {
      // A task that has not started yet would find no segment left: abandon it instead of waiting for a
      // pool thread (the pool may be busy with callers like this one).
      if (states.get(i).compareAndSet(NEW, ABANDONED)) {
        continue;
      }
      Partial<A> partial = await(futures.get(i), deadline);
      work.merge(result.accumulator, partial.accumulator);
      result.stats.add(partial.stats);
    }
    stats.add(result.stats);
    return result.accumulator;
  }

  private static <A> Partial<A> runWorker(List<IndexSegment> segments, AtomicInteger next, Work<A> work,
      QueryDeadline deadline) {
    Partial<A> partial = new Partial<>(work.newAccumulator(), new SegmentStats());
    int index;
    while ((index = next.getAndIncrement()) < segments.size()) {
      deadline.check();
      work.process(segments.get(index), partial.accumulator, partial.stats);
    }
    return partial;
  }

  private static <A> Partial<A> await(Future<Partial<A>> future, QueryDeadline deadline) {
    try {
      return future.get(deadline.remainingNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      deadline.cancel();
      future.cancel(true);
      throw QueryErrorCode.EXECUTION_TIMEOUT.asException("Query timed out while executing segments");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      deadline.cancel();
      throw QueryErrorCode.QUERY_CANCELLATION.asException("Query was interrupted");
    } catch (CancellationException e) {
      throw QueryErrorCode.QUERY_CANCELLATION.asException("Query was cancelled");
    } catch (ExecutionException e) {
      deadline.cancel();
      Throwable cause = e.getCause();
      if (cause instanceof QueryException queryException) {
        throw queryException;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(String.valueOf(cause), cause);
    }
  }

  private record Partial<A>(A accumulator, SegmentStats stats) {
  }
}
