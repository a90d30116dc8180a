// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.quickstart;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// A daemon thread, named `quickstart-producer-<topic>`, that sends a steady flow of generated events to a Kafka
/// topic: every 100 ms a tenth of `eventsPerSecond` events from an [EventGenerator]. Keyed events go to the
/// partition of their key (Kafka's default partitioner), others are spread over the partitions. A failed send is
/// logged once and counted; the flow goes on. [#close] stops the thread, waits for it and closes the Kafka producer;
/// it is idempotent. Thread-safe.
public final class SampleEventProducer implements AutoCloseable {
  /// The prefix of the producer threads' names.
  public static final String THREAD_PREFIX = "quickstart-producer-";
  private static final Logger LOG = LoggerFactory.getLogger(SampleEventProducer.class);
  private static final long TICK_MILLIS = 100;

  private final String topic;
  private final KafkaProducer<byte[], byte[]> producer;
  private final EventGenerator generator;
  private final int eventsPerSecond;
  private final Clock clock;
  private final Thread thread;
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicReference<@Nullable Exception> firstError = new AtomicReference<>();
  private final Callback callback = (metadata, error) -> {
    if (error == null) {
      sent.incrementAndGet();
    } else {
      fail(error);
    }
  };
  private volatile boolean running = true;

  private SampleEventProducer(String topic, KafkaProducer<byte[], byte[]> producer, EventGenerator generator,
      int eventsPerSecond, Clock clock) {
    this.topic = topic;
    this.producer = producer;
    this.generator = generator;
    this.eventsPerSecond = eventsPerSecond;
    this.clock = clock;
    this.thread = new Thread(this::run, THREAD_PREFIX + topic);
    thread.setDaemon(true);
  }

  /// Starts producing to `topic` with `producer`, which this object owns and closes.
  public static SampleEventProducer start(String topic, KafkaProducer<byte[], byte[]> producer,
      EventGenerator generator, int eventsPerSecond, Clock clock) {
    SampleEventProducer sampleProducer = new SampleEventProducer(topic, producer, generator, eventsPerSecond, clock);
    sampleProducer.thread.start();
    return sampleProducer;
  }

  private void run() {
    long next = System.nanoTime();
    double owed = 0;
    while (running) {
      owed += eventsPerSecond * TICK_MILLIS / 1000.0;
      for (; owed >= 1 && running; owed--) {
        send(generator.next(clock.millis()));
      }
      next += TICK_MILLIS * 1_000_000;
      long sleepNanos = next - System.nanoTime();
      if (sleepNanos > 0) {
        try {
          Thread.sleep(Duration.ofNanos(sleepNanos));
        } catch (InterruptedException e) {
          return;
        }
      } else {
        next = System.nanoTime();
      }
    }
  }

  private void send(EventGenerator.Event event) {
    byte[] key = event.key() == null ? null : event.key().getBytes(StandardCharsets.UTF_8);
    ProducerRecord<byte[], byte[]> record =
        new ProducerRecord<>(topic, key, event.json().getBytes(StandardCharsets.UTF_8));
    try {
      producer.send(record, callback);
    } catch (RuntimeException e) {
      fail(e);
    }
  }

  private void fail(Exception error) {
    failed.incrementAndGet();
    if (firstError.compareAndSet(null, error)) {
      LOG.warn("Sending sample events to topic {} failed (later failures are only counted)", topic, error);
    }
  }

  /// Events the broker has acknowledged.
  public long sent() {
    return sent.get();
  }

  /// Events that could not be sent.
  public long failed() {
    return failed.get();
  }

  /// Whether the producer thread is running.
  public boolean isAlive() {
    return thread.isAlive();
  }

  @Override
  public void close() {
    synchronized (this) {
      if (!running) {
        return;
      }
      running = false;
    }
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    producer.close(Duration.ofSeconds(5));
  }
}
