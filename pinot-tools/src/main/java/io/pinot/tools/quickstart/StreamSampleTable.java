// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.quickstart;

import static java.util.Objects.requireNonNull;

import io.pinot.tools.quickstart.SampleTable.SampleQuery;
import java.util.List;
import org.jspecify.annotations.Nullable;

/// A table a stream quickstart type creates and feeds from Kafka ([StreamQuickStart]): the topic and its partition
/// count, the schema, the REALTIME table config for a given Kafka broker list, the generator of its events and how
/// fast they are produced, the sample queries, and for a hybrid table the OFFLINE half loaded from generated rows
/// first. Immutable.
///
/// @param tableName the raw table name (also the schema name)
/// @param topic the Kafka topic the REALTIME table consumes
/// @param partitions the number of partitions of the topic
/// @param schemaJson the schema JSON
/// @param realtimeConfig the REALTIME table config JSON for a broker list
/// @param generators makes the event generator of one run
/// @param eventsPerSecond how many events the background producer sends per second
/// @param sampleQueries the queries printed with their results once rows are queryable
/// @param offline the OFFLINE half of a hybrid table (the same schema), or null
public record StreamSampleTable(String tableName, String topic, int partitions, String schemaJson,
    RealtimeConfig realtimeConfig, GeneratorFactory generators, int eventsPerSecond, List<SampleQuery> sampleQueries,
    @Nullable SampleTable offline) {
  public StreamSampleTable {
    requireNonNull(tableName, "tableName is null");
    requireNonNull(topic, "topic is null");
    requireNonNull(schemaJson, "schemaJson is null");
    requireNonNull(realtimeConfig, "realtimeConfig is null");
    requireNonNull(generators, "generators is null");
    if (partitions < 1 || eventsPerSecond < 1) {
      throw new IllegalArgumentException("partitions and eventsPerSecond must be positive");
    }
    sampleQueries = List.copyOf(sampleQueries);
  }

  /// The REALTIME table config JSON of a table.
  @FunctionalInterface
  public interface RealtimeConfig {
    /// The config, consuming from the Kafka broker(s) at `brokerList` (`host:port[,host:port]`).
    String json(String brokerList);
  }

  /// Makes the event generator of one quickstart run.
  @FunctionalInterface
  public interface GeneratorFactory {
    /// A generator; `newTopic` is false when the topic already held events (a restart with the same `-dataDir`), so
    /// that backfills are not produced twice.
    EventGenerator create(boolean newTopic);
  }
}
