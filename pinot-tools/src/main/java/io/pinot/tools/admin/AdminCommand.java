// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.admin;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/// Base of every `pinot-admin.sh` command: Apache Pinot's `-help`, a `-verbose` flag (stack traces on
/// failure), and the command's output streams (picocli's, so tests can capture them). A command returns its
/// exit code: 0 on success; failures are thrown and printed as one line by [PinotAdministrator].
public abstract class AdminCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Option(names = {"-help", "-h", "--help"}, usageHelp = true, description = "Print this help and exit.")
  private boolean help;

  @Option(names = "-verbose", description = "Print stack traces of failures.")
  private boolean verbose;

  /// The command's standard output.
  protected final PrintWriter out() {
    return spec.commandLine().getOut();
  }

  /// The command's standard error.
  protected final PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /// The picocli command line this command runs in.
  protected final CommandLine commandLine() {
    return spec.commandLine();
  }
}
