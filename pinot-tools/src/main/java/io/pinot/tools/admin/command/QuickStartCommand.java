// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.admin.command;

import io.pinot.tools.admin.AdminCommand;
import io.pinot.tools.quickstart.QuickStart;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/// `QuickStart -type batch|null_handling|empty [-dataDir <dir>] [-zkAddress <host:port>]`: a one-JVM cluster on
/// the standard ports, with the `baseballStats` sample table for `batch` and `clientSalaryNulls` for
/// `null_handling`.
@Command(name = "QuickStart", description = "Start a whole cluster in one process on the standard ports "
    + "(controller 9000, broker 8099); -type batch also loads the baseballStats sample table, -type null_handling "
    + "the clientSalaryNulls table with null values.")
public final class QuickStartCommand extends AdminCommand {
  @Option(names = "-type", paramLabel = "<batch|null_handling|empty>", description = "Quickstart type: batch "
      + "(alias offline), null_handling (a table with nulls, queried with SET enableNullHandling=true) or empty "
      + "(alias default). Default: batch.")
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
