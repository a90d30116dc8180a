// SPDX-License-Identifier: Apache-2.0
package io.pinot.integration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/// Paths to the shared bench material (../shared/bench beside the repository) and helpers to generate its
/// data and run commands.
final class TestData {
  private TestData() {
  }

  static Path benchDir() {
    return Path.of(System.getProperty("pinot.root", ".")).toAbsolutePath().resolve("../shared/bench").normalize();
  }

  static Path distribution() {
    return Path.of(System.getProperty("pinot.distribution.dir"));
  }

  /// Number of rows for acceptance-size data: reduced in CI, full with `-Pacceptance`.
  static int rows(int reduced, int full) {
    return "full".equals(System.getProperty("pinot.test.scale")) ? full : reduced;
  }

  /// Runs `gen_data.py` into `outDir` and returns the CSV files it wrote, sorted.
  static List<Path> generateEvents(Path outDir, int rows, int rowsPerFile) throws IOException, InterruptedException {
    CommandResult result = run(List.of("python3", benchDir().resolve("gen_data.py").toString(), "--rows",
        Integer.toString(rows), "--rows-per-file", Integer.toString(rowsPerFile), "--out", outDir.toString(),
        "--jobs", "2"), List.of(), 600);
    if (result.exitCode() != 0) {
      throw new IllegalStateException("gen_data.py failed: " + result.output());
    }
    try (Stream<Path> files = Files.list(outDir)) {
      return files.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
    }
  }

  record CommandResult(int exitCode, String output) {
  }

  /// Runs a command with extra environment entries (`KEY=value`), returning its exit code and output.
  static CommandResult run(List<String> command, List<String> environment, int timeoutSeconds)
      throws IOException, InterruptedException {
    Path output = Files.createTempFile("command-", ".log");
    try {
      ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
          .redirectOutput(output.toFile());
      for (String entry : environment) {
        int equals = entry.indexOf('=');
        builder.environment().put(entry.substring(0, equals), entry.substring(equals + 1));
      }
      Process process = builder.start();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return new CommandResult(-1, Files.readString(output) + "\n(timed out after " + timeoutSeconds + " s)");
      }
      return new CommandResult(process.exitValue(), Files.readString(output));
    } finally {
      Files.deleteIfExists(output);
    }
  }
}
