// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.admin.command;

import io.pinot.tools.admin.AdminCommand;
import io.pinot.tools.quickstart.QuickStart;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/// `QuickStart -type batch|null_handling|stream|hybrid|upsert|empty [-dataDir <dir>] [-zkAddress <host:port>]`: a
/// one-JVM cluster on the standard ports, with the `baseballStats` sample table for `batch`, `clientSalaryNulls` for
/// `null_handling`, and for the stream types an embedded Kafka with a producer feeding `meetupRsvp` (`stream`), the
/// hybrid `airlineStats` (`hybrid`) or `upsertMeetupRsvp` (`upsert`).
@Command(name = "QuickStart", description = "Start a whole cluster in one process on the standard ports "
    + "(controller 9000, broker 8099); -type batch also loads the baseballStats sample table, -type null_handling "
    + "the clientSalaryNulls table with null values; -type stream, hybrid and upsert start Kafka (port 19092) and "
    + "feed a REALTIME table from it.")
public final class QuickStartCommand extends AdminCommand {
  @Option(names = "-type", paramLabel = "<type>", description = "Quickstart type: batch (alias offline), "
      + "null_handling (a table with nulls, queried with SET enableNullHandling=true), stream (alias realtime: "
      + "meetupRsvp fed from Kafka), hybrid (airlineStats with OFFLINE and REALTIME halves), upsert "
      + "(upsertMeetupRsvp, one row per event) or empty (alias default). Default: batch.")
  String type = "batch";

  @Option(names = {"-dataDir", "-tmpDir", "-quickstartDir"}, paramLabel = "<dir>", description = "Directory for "
      + "all data, kept across restarts (default: a temporary directory deleted on exit).")
  @Nullable Path dataDir;

  @Option(names = {"-zkAddress", "-zkUrl", "-zkExternalAddress"}, paramLabel = "<host:port>", description = "Use "
      + "this external ZooKeeper instead of starting one on port 2181.")
  @Nullable String zkAddress;

  /// The parsed options.
  QuickStart.Options options() {
    return new QuickStart.Options(QuickStart.Type.fromName(type), dataDir,
        zkAddress == null || zkAddress.isBlank() ? null : zkAddress.trim());
  }

  @Override
  public Integer call() throws Exception {
    return QuickStart.run(options(), out());
  }
}
