// SPDX-License-Identifier: Apache-2.0
package io.pinot.perf.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.pinot.tools.kafka.EmbeddedKafka;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/// Produce-to-query freshness of a consuming table. A producer thread sends message `k` (id `firstId + k`, to
/// partition `k % partitions`, column `part` = the partition) on a fixed schedule of one every 2 ms, noting the
/// `System.nanoTime()` just before `send` (linger 0, acks 1). Meanwhile this thread runs
/// `SELECT part, MAX(id) ... WHERE id >= firstId GROUP BY part` back to back; a partition is consumed in offset
/// order, so a maximum of `v` for partition `p` means every message of `p` up to `v` is queryable, and each such
/// message not seen before is stamped with the time that response arrived. Latency of `k` = stamp - send time:
/// an upper bound that includes up to one query round trip (the mean round trip is reported beside it). Both
/// times come from one JVM's clock. Not thread-safe; run once.
final class FreshnessProbe {
  private static final long INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
  private static final long DRAIN_NANOS = TimeUnit.SECONDS.toNanos(30);

  private final EmbeddedKafka kafka;
  private final QueryRunner queries;
  private final String table;
  private final int partitions;
  private final long firstId;
  private final int samples;
  private final AtomicLongArray sentAt;
  private final long[] seenAt;

  FreshnessProbe(EmbeddedKafka kafka, QueryRunner queries, String table, int partitions, long firstId, int samples) {
    this.kafka = kafka;
    this.queries = queries;
    this.table = table;
    this.partitions = partitions;
    this.firstId = firstId;
    this.samples = samples;
    this.sentAt = new AtomicLongArray(samples);
    this.seenAt = new long[samples];
  }

  /// Runs the probe and returns the report lines.
  List<String> run() throws Exception {
    AtomicReference<Exception> failure = new AtomicReference<>();
    Thread producer = new Thread(() -> produce(failure), "freshness-producer");
    long start = System.nanoTime();
    producer.start();
    String sql = "SELECT part, MAX(id) FROM " + table + " WHERE id >= " + firstId + " GROUP BY part LIMIT 1000";
    long[] next = new long[partitions];
    for (int p = 0; p < partitions; p++) {
      next[p] = p;
    }
    int seen = 0;
    int polls = 0;
    double queryMillis = 0;
    long producerDone = 0;
    boolean produced = false;
    while (seen < samples && (!produced || System.nanoTime() - producerDone < DRAIN_NANOS)) {
      QueryRunner.Timed result;
      try {
        result = queries.run(sql);
      } catch (IOException e) {
        continue;
      }
      long now = System.nanoTime();
      polls++;
      queryMillis += result.millis();
      for (JsonNode row : result.response().path("resultTable").path("rows")) {
        int part = row.get(0).asInt();
        long last = row.get(1).asLong() - firstId;
        for (long k = next[part]; k <= last && k < samples; k += partitions) {
          seenAt[(int) k] = now;
          seen++;
          next[part] = k + partitions;
        }
      }
      if (!produced && !producer.isAlive()) {
        produced = true;
        producerDone = now;
      }
    }
    producer.join();
    if (failure.get() != null) {
      throw failure.get();
    }
    double producedSeconds = ((produced ? producerDone : System.nanoTime()) - start) / 1e9;
    return report(seen, polls, queryMillis / Math.max(1, polls), producedSeconds);
  }

  private List<String> report(int seen, int polls, double meanQueryMillis, double producedSeconds) {
    double[] latencies = new double[seen];
    int n = 0;
    for (int k = 0; k < samples; k++) {
      if (seenAt[k] != 0) {
        latencies[n++] = (seenAt[k] - sentAt.get(k)) / 1e6;
      }
    }
    Arrays.sort(latencies);
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "Freshness: %d messages over %d partitions at %.0f msg/s (one every ~2 ms), "
        + "%d seen, %d polls (mean query round trip %.2f ms)", samples, partitions, samples / producedSeconds, seen,
        polls, meanQueryMillis));
    lines.add("  produce -> visible in a query (ms)     p50      p90      p99      max");
    lines.add(String.format(Locale.ROOT, "                                   %8.1f %8.1f %8.1f %8.1f",
        percentile(latencies, 50), percentile(latencies, 90), percentile(latencies, 99),
        seen == 0 ? Double.NaN : latencies[seen - 1]));
    return lines;
  }

  /// Nearest rank, as [LatencyStats].
  static double percentile(double[] sorted, double percent) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private void produce(AtomicReference<Exception> failure) {
    Map<String, Object> props = new HashMap<>();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "1");
    props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
      producer.partitionsFor(table);
      long start = System.nanoTime();
      for (int k = 0; k < samples; k++) {
        long due = start + k * INTERVAL_NANOS;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
        int part = k % partitions;
        byte[] value = RealtimeIngestionBenchmark.messageBytes(firstId + k, part, System.currentTimeMillis());
        sentAt.set(k, System.nanoTime());
        producer.send(new ProducerRecord<>(table, part, null, value));
      }
      producer.flush();
    } catch (RuntimeException e) {
      failure.set(e);
    }
  }
}
