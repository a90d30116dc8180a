// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.admin;

import io.pinot.spi.annotations.SuppressForbidden;
import io.pinot.tools.admin.command.AddSchemaCommand;
import io.pinot.tools.admin.command.AddTableCommand;
import io.pinot.tools.admin.command.DeleteSchemaCommand;
import io.pinot.tools.admin.command.DeleteTableCommand;
import io.pinot.tools.admin.command.LaunchDataIngestionJobCommand;
import io.pinot.tools.admin.command.PostQueryCommand;
import io.pinot.tools.admin.command.QuickStartCommand;
import io.pinot.tools.admin.command.RebalanceTableCommand;
import io.pinot.tools.admin.command.StartBrokerCommand;
import io.pinot.tools.admin.command.StartControllerCommand;
import io.pinot.tools.admin.command.StartProxyCommand;
import io.pinot.tools.admin.command.StartServerCommand;
import io.pinot.tools.admin.command.StartZookeeperCommand;
import io.pinot.tools.admin.command.StopProcessCommand;
import io.pinot.tools.admin.command.UploadSegmentCommand;
import io.pinot.tools.ingestion.IngestionJobException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/// `pinot-admin.sh`: Apache Pinot's admin commands (`StartController`, `AddTable`,
/// `LaunchDataIngestionJob`, `QuickStart`...) with Pinot's single-dash camelCase flags; command and flag
/// names are case-insensitive. Exit codes: 0 success, 1 failure (one `ERROR:` line; the stack trace with
/// `-verbose` or `-Dpinot.admin.debug=true`), 2 usage error (unknown command or flag, with the usage).
@Command(name = "pinot-admin.sh", versionProvider = VersionProvider.class, sortOptions = false,
    description = "Administer a Pinot cluster: start nodes, manage schemas and tables, ingest data, query.",
    subcommands = {StartZookeeperCommand.class, StartControllerCommand.class, StartBrokerCommand.class,
        StartServerCommand.class, StartProxyCommand.class, AddSchemaCommand.class, AddTableCommand.class,
        DeleteTableCommand.class, DeleteSchemaCommand.class, UploadSegmentCommand.class,
        LaunchDataIngestionJobCommand.class, PostQueryCommand.class, QuickStartCommand.class, StopProcessCommand.class,
        RebalanceTableCommand.class},
    footer = {"", "Run 'pinot-admin.sh <command> -help' for a command's flags."})
public final class PinotAdministrator implements Runnable {
  /// System property that turns on stack traces for failures, like `-verbose`.
  public static final String DEBUG_PROPERTY = "pinot.admin.debug";

  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  @Option(names = {"-help", "-h", "--help"}, usageHelp = true, description = "Print this help and exit.")
  private boolean help;

  @Option(names = {"-version", "--version"}, versionHelp = true, description = "Print the version and exit.")
  private boolean version;

  @Option(names = "-verbose", description = "Print stack traces of failures.")
  private boolean verbose;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: choose one of the commands below");
  }

  /// The configured command line, writing to `out` and `err`.
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new PinotAdministrator());
    commandLine.setSubcommandsCaseInsensitive(true);
    commandLine.setOptionsCaseInsensitive(true);
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setParameterExceptionHandler((error, args) -> {
      CommandLine failed = error.getCommandLine();
      PrintWriter errors = failed.getErr();
      errors.println("ERROR: " + error.getMessage());
      CommandLine.UnmatchedArgumentException.printSuggestions(error, errors);
      failed.usage(errors);
      errors.flush();
      return CommandLine.ExitCode.USAGE;
    });
    commandLine.setExecutionExceptionHandler((error, failed, parseResult) -> {
      PrintWriter errors = failed.getErr();
      errors.println("ERROR: " + describe(error));
      if (verbose(parseResult.originalArgs().toArray(new String[0]))) {
        error.printStackTrace(errors);
      }
      errors.flush();
      return 1;
    });
    return commandLine;
  }

  /// Runs one command line; returns the exit code.
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    int exitCode = commandLine(out, err).execute(args);
    out.flush();
    err.flush();
    return exitCode;
  }

  @SuppressForbidden(reason = "The CLI entry point sets the process exit code")
  public static void main(String[] args) {
    CommandLine defaults = new CommandLine(new PinotAdministrator());
    int exitCode = execute(defaults.getOut(), defaults.getErr(), args);
    System.exit(exitCode);
  }

  /// The one-line message of a failure: its own message for the errors commands raise on purpose, the
  /// exception type too for unexpected ones.
  static String describe(Throwable error) {
    String message = error.getMessage();
    boolean expected = error instanceof IllegalArgumentException || error instanceof IllegalStateException
        || error instanceof IOException || error instanceof IngestionJobException;
    if (message == null || message.isBlank()) {
      return error.getClass().getSimpleName() + " (run with -verbose for the stack trace)";
    }
    String oneLine = message.strip().replace('\n', ' ');
    return expected ? oneLine : error.getClass().getSimpleName() + ": " + oneLine
        + " (run with -verbose for the stack trace)";
  }

  static boolean verbose(String[] args) {
    if (Boolean.getBoolean(DEBUG_PROPERTY)) {
      return true;
    }
    for (String arg : args) {
      if (arg.toLowerCase(Locale.ROOT).equals("-verbose")) {
        return true;
      }
    }
    return false;
  }
}
