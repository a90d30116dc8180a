// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/// One node started as a separate OS process through the distribution's `bin/pinot-admin.sh`, as a user
/// would start it (tests and benchmarks). Output goes to a log file, shown when something fails.
public final class PinotProcess implements AutoCloseable {
  private final String name;
  private final Path logFile;
  private final List<String> command;
  private final Map<String, String> environment;
  private Process process;

  private PinotProcess(String name, Path logFile, List<String> command, Map<String, String> environment,
      Process process) {
    this.name = name;
    this.logFile = logFile;
    this.command = command;
    this.environment = environment;
    this.process = process;
  }

  public static PinotProcess start(String name, Path distribution, Path logDir, Map<String, String> environment,
      String... arguments) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(distribution.resolve("bin/pinot-admin.sh").toString());
    command.addAll(List.of(arguments));
    Files.createDirectories(logDir);
    Path log = logDir.resolve(name + ".log");
    return new PinotProcess(name, log, command, environment, launch(command, environment, log));
  }

  private static Process launch(List<String> command, Map<String, String> environment, Path log)
      throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(environment);
    return builder.start();
  }

  public String name() {
    return name;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public long pid() {
    return process.pid();
  }

  /// Kills the process with SIGKILL, as a crash would (no shutdown hooks run).
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /// Starts the same command again (after [#kill()]).
  public void restart() throws IOException {
    if (process.isAlive()) {
      throw new IllegalStateException(name + " is still running");
    }
    process = launch(command, environment, logFile);
  }

  public String logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(logFile);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
          kill();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
