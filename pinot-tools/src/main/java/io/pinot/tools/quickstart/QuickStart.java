// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.quickstart;

import io.pinot.spi.filesystem.LocalPinotFS;
import io.pinot.tools.EmbeddedPinotCluster;
import io.pinot.tools.admin.NodeLifecycle;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// `pinot-admin.sh QuickStart`: a whole cluster in this JVM on the standard ports (ZooKeeper 2181 unless an
/// external one is given, controller 9000, broker 8099, server 8098 with admin 8097). Type `batch` also
/// creates and loads the `baseballStats` table ([BaseballStatsTable]), type `null_handling` the
/// `clientSalaryNulls` table with null values ([ClientSalaryNullsTable]), each through [SampleTableLoader], and
/// prints sample queries; type `empty` starts the cluster alone. Then it serves until interrupted. Data lives in
/// `-dataDir` (kept, and reused on the next start) or in a temporary directory deleted on exit.
public final class QuickStart {
  private static final Logger LOG = LoggerFactory.getLogger(QuickStart.class);

  /// The quickstart types implemented, with Apache Pinot's names and aliases.
  public enum Type {
    BATCH, NULL_HANDLING, EMPTY;

    /// Parses `batch`/`offline`, `null_handling` or `empty`/`default`, case-insensitively (`-` reads as `_`).
    ///
    /// @throws IllegalArgumentException naming the supported types
    public static Type fromName(String name) {
      return switch (name.trim().toUpperCase(Locale.ROOT).replace('-', '_')) {
        case "BATCH", "OFFLINE" -> BATCH;
        case "NULL_HANDLING" -> NULL_HANDLING;
        case "EMPTY", "DEFAULT" -> EMPTY;
        default -> throw new IllegalArgumentException("QuickStart type '" + name + "' is not supported yet: use "
            + "batch (alias offline), null_handling or empty (alias default)");
      };
    }

    /// The sample table this type loads, or null for none.
    @Nullable SampleTable sampleTable() {
      return switch (this) {
        case BATCH -> BaseballStatsTable.sampleTable();
        case NULL_HANDLING -> ClientSalaryNullsTable.sampleTable();
        case EMPTY -> null;
      };
    }
  }

  /// What to start: the type, the data directory (null: temporary) and an external ZooKeeper (null: embedded).
  public record Options(Type type, @Nullable Path dataDir, @Nullable String zkAddress) {
  }

  private QuickStart() {
  }

  /// Starts the quickstart and blocks until the JVM shuts down.
  public static int run(Options options, PrintWriter out) throws Exception {
    Map<Integer, String> ports = new LinkedHashMap<>();
    if (options.zkAddress() == null) {
      ports.put(2181, "ZooKeeper");
    }
    ports.put(9000, "controller");
    ports.put(8099, "broker");
    ports.put(8098, "server");
    ports.put(8097, "server admin");
    PortCheck.requireFree(ports);
    boolean temporary = options.dataDir() == null;
    Path dataDir = temporary ? Files.createTempDirectory("pinot-quickstart-")
        : options.dataDir().toAbsolutePath().normalize();
    Files.createDirectories(dataDir);
    out.println("Starting a Pinot cluster (ZooKeeper, controller, broker, server) with data in " + dataDir
        + (temporary ? " (deleted on exit; use -dataDir to keep it)" : ""));
    out.flush();
    EmbeddedPinotCluster cluster = EmbeddedPinotCluster.builder(dataDir.resolve("cluster"))
        .externalZookeeper(options.zkAddress()).zkPort(2181).controllerPort(9000).brokerPort(8099)
        .serverPorts(8098, 8097).build();
    AutoCloseable shutdown = () -> {
      cluster.close();
      if (temporary) {
        new LocalPinotFS().delete(dataDir.toUri());
      }
    };
    try {
      cluster.start();
      out.println("Cluster started: controller " + cluster.controllerUrl() + ", broker " + cluster.brokerUrl()
          + ", ZooKeeper " + cluster.zkAddress());
      SampleTable table = options.type().sampleTable();
      if (table != null) {
        SampleTableLoader loader = new SampleTableLoader(table, cluster.controllerUrl(), cluster.brokerUrl(), out);
        loader.load(dataDir.resolve(table.tableName()));
        loader.runSampleQueries();
      }
    } catch (Exception e) {
      LOG.debug("QuickStart failed", e);
      shutdown.close();
      throw e;
    }
    return NodeLifecycle.runUntilShutdown(null, shutdown, "You can query the cluster at http://localhost:9000 "
        + "(controller) and http://localhost:8099/query/sql (broker). Press Ctrl-C to stop.", out);
  }
}
