// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.admin.command;

import io.pinot.spi.env.PinotConfiguration;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// What the `Start*` commands share: reading `-configFileName` (a Java properties file with Apache Pinot's
/// keys) under the command-line flags, which win, and starting a node with a clear message when its port is
/// taken.
final class NodeStarts {
  /// Starts a node; implemented by the node starters' `start()`.
  @FunctionalInterface
  interface Start {
    void start() throws Exception;
  }

  private NodeStarts() {
  }

  /// The config file's properties (none without a file), overridden by the flags that were given (null
  /// values are flags left out).
  static PinotConfiguration configuration(@Nullable Path configFile, Map<String, @Nullable String> flags)
      throws IOException {
    PinotConfiguration base = PinotConfiguration.empty();
    if (configFile != null) {
      if (!Files.isRegularFile(configFile)) {
        throw new IllegalArgumentException("Config file " + configFile + " does not exist");
      }
      base = PinotConfiguration.fromFile(configFile);
    }
    return base.with(flags);
  }

  /// A configuration key's value, or `fallback` when neither the file nor a flag set it.
  static PinotConfiguration withDefault(PinotConfiguration configuration, String key, String fallback) {
    String value = configuration.get(key);
    return value == null || value.isBlank() ? configuration.with(key, fallback) : configuration;
  }

  /// Runs `start`; on failure closes `node` and, when a port was taken, says which.
  static void start(AutoCloseable node, Start start, String what, String ports) throws Exception {
    try {
      start.start();
    } catch (Exception e) {
      try {
        node.close();
      } catch (Exception closeError) {
        e.addSuppressed(closeError);
      }
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof BindException) {
          throw new IllegalStateException("Cannot start the " + what + ": " + ports + " is already in use ("
              + cause.getMessage() + "); stop the process using it or choose another port", e);
        }
      }
      throw e;
    }
  }

  /// A map of flag values by config key from alternating key/value arguments; values may be null.
  static Map<String, @Nullable String> flags(@Nullable Object... keysAndValues) {
    Map<String, @Nullable String> flags = new LinkedHashMap<>();
    for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
      Object value = keysAndValues[i + 1];
      flags.put(String.valueOf(keysAndValues[i]), value == null ? null : value.toString());
    }
    return flags;
  }

  static Path tempDir(String name) {
    return Path.of(System.getProperty("java.io.tmpdir"), name);
  }
}
