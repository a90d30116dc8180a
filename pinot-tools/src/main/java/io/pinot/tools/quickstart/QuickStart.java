// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.quickstart;

import io.pinot.spi.filesystem.LocalPinotFS;
import io.pinot.tools.EmbeddedPinotCluster;
import io.pinot.tools.admin.NodeLifecycle;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// `pinot-admin.sh QuickStart`: a whole cluster in this JVM on the standard ports (ZooKeeper 2181 unless an
/// external one is given, controller 9000, broker 8099, server 8098 with admin 8097). Type `batch` also
/// creates and loads the `baseballStats` table ([BaseballStatsTable]), type `null_handling` the
/// `clientSalaryNulls` table with null values ([ClientSalaryNullsTable]), each through [SampleTableLoader], and
/// prints sample queries. Types `stream` ([MeetupRsvpTable]), `hybrid` ([AirlineStatsTable]) and `upsert`
/// ([UpsertMeetupRsvpTable]) also start Kafka on port 19092 and a producer of sample events ([StreamQuickStart]);
/// type `empty` starts the cluster alone. Then it serves until interrupted. Data lives in
/// `-dataDir` (kept, and reused on the next start) or in a temporary directory deleted on exit.
public final class QuickStart {
  private static final Logger LOG = LoggerFactory.getLogger(QuickStart.class);

  /// The quickstart types implemented, with Apache Pinot's names and aliases.
  public enum Type {
    BATCH, NULL_HANDLING, STREAM, HYBRID, UPSERT, EMPTY;

    /// Parses `batch`/`offline`, `null_handling`, `stream`/`realtime`, `hybrid`, `upsert` or `empty`/`default`,
    /// case-insensitively (`-` reads as `_`).
    ///
    /// @throws IllegalArgumentException naming the supported types
    public static Type fromName(String name) {
      return switch (name.trim().toUpperCase(Locale.ROOT).replace('-', '_')) {
        case "BATCH", "OFFLINE" -> BATCH;
        case "NULL_HANDLING" -> NULL_HANDLING;
        case "STREAM", "REALTIME" -> STREAM;
        case "HYBRID" -> HYBRID;
        case "UPSERT" -> UPSERT;
        case "EMPTY", "DEFAULT" -> EMPTY;
        default -> throw new IllegalArgumentException("QuickStart type '" + name + "' is not supported yet: use "
            + "batch (alias offline), null_handling, stream (alias realtime), hybrid, upsert or empty (alias "
            + "default)");
      };
    }

    /// The sample table this type loads in batch, or null for none.
    @Nullable SampleTable sampleTable() {
      return switch (this) {
        case BATCH -> BaseballStatsTable.sampleTable();
        case NULL_HANDLING -> ClientSalaryNullsTable.sampleTable();
        case STREAM, HYBRID, UPSERT, EMPTY -> null;
      };
    }

    /// The table this type feeds from Kafka, or null for none.
    public @Nullable StreamSampleTable streamTable(Clock clock) {
      return switch (this) {
        case STREAM -> MeetupRsvpTable.sampleTable();
        case HYBRID -> AirlineStatsTable.sampleTable(clock);
        case UPSERT -> UpsertMeetupRsvpTable.sampleTable();
        case BATCH, NULL_HANDLING, EMPTY -> null;
      };
    }
  }

  /// What to start: the type, the data directory (null: temporary) and an external ZooKeeper (null: embedded).
  public record Options(Type type, @Nullable Path dataDir, @Nullable String zkAddress) {
  }

  private QuickStart() {
  }

  /// The fixed ports the quickstart binds, with what uses them, in check order.
  private static Map<Integer, String> fixedPorts(Options options, boolean kafka) {
    Map<Integer, String> ports = new LinkedHashMap<>();
    if (options.zkAddress() == null) {
      ports.put(2181, "ZooKeeper");
    }
    ports.put(9000, "controller");
    ports.put(8099, "broker");
    ports.put(8098, "server");
    ports.put(8097, "server admin");
    if (kafka) {
      ports.put(StreamQuickStart.DEFAULT_KAFKA_PORT, "Kafka");
    }
    return ports;
  }

  /// Starts the quickstart and blocks until the JVM shuts down.
  public static int run(Options options, PrintWriter out) throws Exception {
    StreamSampleTable streamTable = options.type().streamTable(Clock.systemUTC());
    PortCheck.requireFree(fixedPorts(options, streamTable != null));
    boolean temporary = options.dataDir() == null;
    Path dataDir = temporary ? Files.createTempDirectory("pinot-quickstart-")
        : options.dataDir().toAbsolutePath().normalize();
    Files.createDirectories(dataDir);
    out.println("Starting a Pinot cluster (ZooKeeper, controller, broker, server) with data in " + dataDir
        + (temporary ? " (deleted on exit; use -dataDir to keep it)" : ""));
    out.flush();
    EmbeddedPinotCluster cluster = EmbeddedPinotCluster.builder(dataDir.resolve("cluster"))
        .externalZookeeper(options.zkAddress()).zkPort(2181).controllerPort(9000).brokerPort(8099)
        .serverPorts(8098, 8097).serverGrpcPort(8090).build();
    AtomicReference<@Nullable StreamQuickStart> stream = new AtomicReference<>();
    AutoCloseable shutdown = () -> {
      StreamQuickStart running = stream.get();
      // The producer stops first and Kafka last, so that consumers keep their broker while the cluster stops.
      if (running != null) {
        running.stopProducer();
      }
      cluster.close();
      if (running != null) {
        running.close();
      }
      if (temporary) {
        new LocalPinotFS().delete(dataDir.toUri());
      }
    };
    try {
      if (streamTable != null) {
        stream.set(StreamQuickStart.startKafka(streamTable, dataDir, StreamQuickStart.DEFAULT_KAFKA_PORT, out));
      }
      cluster.start();
      out.println("Cluster started: controller " + cluster.controllerUrl() + ", broker " + cluster.brokerUrl()
          + ", ZooKeeper " + cluster.zkAddress());
      SampleTable table = options.type().sampleTable();
      if (table != null) {
        SampleTableLoader loader = new SampleTableLoader(table, cluster.controllerUrl(), cluster.brokerUrl(), out);
        loader.load(dataDir.resolve(table.tableName()));
        loader.runSampleQueries();
      }
      StreamQuickStart running = stream.get();
      if (running != null) {
        running.setUp(cluster.controllerUrl(), cluster.brokerUrl(), dataDir, Clock.systemUTC());
      }
    } catch (Exception e) {
      LOG.debug("QuickStart failed", e);
      shutdown.close();
      throw e;
    }
    return NodeLifecycle.runUntilShutdown(null, shutdown, "You can query the cluster at http://localhost:9000 "
        + "(controller) and http://localhost:8099/query/sql (broker)"
        + (streamTable == null ? "" : "; the producer keeps sending events to Kafka at localhost:"
            + StreamQuickStart.DEFAULT_KAFKA_PORT + ", topic " + streamTable.topic())
        + ". Press Ctrl-C to stop.", out);
  }
}
