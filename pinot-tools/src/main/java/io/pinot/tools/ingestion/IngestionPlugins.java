// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.ingestion;

import io.pinot.spi.filesystem.LocalPinotFS;
import io.pinot.spi.filesystem.PinotFS;
import io.pinot.tools.ingestion.spec.ExecutionFrameworkSpec;
import io.pinot.tools.ingestion.spec.JobType;
import io.pinot.tools.ingestion.spec.PinotFSSpec;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/// The alias table from the plugin class names real job specs use (Apache Pinot's standalone runners and
/// `LocalPinotFS`) to this project's implementations. Names of frameworks or plugins that are not
/// implemented (Spark, Hadoop, S3...) are rejected with a message naming what is supported.
public final class IngestionPlugins {
  private static final String STANDALONE = "org.apache.pinot.plugin.ingestion.batch.standalone.";
  private static final String OWN_RUNNER = "io.pinot.tools.ingestion.StandaloneIngestionJob";
  private static final List<String> LOCAL_FS = List.of("org.apache.pinot.spi.filesystem.LocalPinotFS",
      LocalPinotFS.class.getName());

  private IngestionPlugins() {
  }

  /// Checks the framework name and the runner class of every step `type` runs.
  ///
  /// @throws IllegalArgumentException naming the unsupported framework or class and the supported ones
  public static void checkRunners(ExecutionFrameworkSpec framework, JobType type) {
    String name = framework.name();
    if (name != null && !name.isBlank() && !name.trim().equalsIgnoreCase("standalone")) {
      throw new IllegalArgumentException("executionFrameworkSpec.name '" + name
          + "' is not supported: only 'standalone' runs here (Spark and Hadoop runners are not available)");
    }
    if (type.createsSegments()) {
      checkRunner("segmentGenerationJobRunnerClassName", framework.segmentGenerationJobRunnerClassName(),
          "SegmentGenerationJobRunner");
    }
    switch (type.pushMode()) {
      case TAR -> checkRunner("segmentTarPushJobRunnerClassName", framework.segmentTarPushJobRunnerClassName(),
          "SegmentTarPushJobRunner");
      case URI -> checkRunner("segmentUriPushJobRunnerClassName", framework.segmentUriPushJobRunnerClassName(),
          "SegmentUriPushJobRunner");
      case METADATA -> checkRunner("segmentMetadataPushJobRunnerClassName",
          framework.segmentMetadataPushJobRunnerClassName(), "SegmentMetadataPushJobRunner");
      case NONE -> {
      }
    }
  }

  private static void checkRunner(String field, @Nullable String className, String pinotSimpleName) {
    if (className == null || className.isBlank()) {
      return;
    }
    String trimmed = className.trim();
    if (trimmed.equals(STANDALONE + pinotSimpleName) || trimmed.equals(OWN_RUNNER)) {
      return;
    }
    String hint = trimmed.contains(".spark") || trimmed.contains(".hadoop")
        ? " (Spark and Hadoop runners are not available; use the standalone runner)" : "";
    throw new IllegalArgumentException("executionFrameworkSpec." + field + " '" + trimmed + "' is not supported"
        + hint + ": use " + STANDALONE + pinotSimpleName + " or " + OWN_RUNNER);
  }

  /// The file system serving `scheme` (`file`, or none for plain paths), after checking the job's
  /// `pinotFSSpecs` name only supported classes.
  ///
  /// @throws IllegalArgumentException for an unsupported scheme or class
  public static PinotFS fileSystem(@Nullable String scheme, List<PinotFSSpec> specs) {
    for (PinotFSSpec spec : specs) {
      String className = spec.className();
      if (className != null && !className.isBlank() && !LOCAL_FS.contains(className.trim())) {
        throw new IllegalArgumentException("pinotFSSpecs: class '" + className + "' for scheme '" + spec.scheme()
            + "' is not supported: use " + String.join(" or ", LOCAL_FS) + " (scheme 'file')");
      }
    }
    if (scheme == null || scheme.equalsIgnoreCase("file")) {
      return new LocalPinotFS();
    }
    throw new IllegalArgumentException("URI scheme '" + scheme.toLowerCase(Locale.ROOT)
        + "' is not supported by the standalone runner: use local paths or file: URIs");
  }

  /// The local path named by a job spec URI field (`/data/in`, `file:///data/in`, `file:/data/in`).
  ///
  /// @throws IllegalArgumentException for another scheme or an unsupported `pinotFSSpecs` class
  public static Path localPath(String field, String uriOrPath, List<PinotFSSpec> specs) {
    String value = uriOrPath.trim();
    int colon = value.indexOf(':');
    String scheme = colon > 1 && value.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.\\-]*")
        ? value.substring(0, colon) : null;
    try {
      fileSystem(scheme, specs);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(field + " '" + value + "': " + e.getMessage(), e);
    }
    if (scheme == null) {
      return Path.of(value).toAbsolutePath().normalize();
    }
    try {
      return Path.of(URI.create(value)).toAbsolutePath().normalize();
    } catch (IllegalArgumentException e) {
      // Unencoded characters (spaces) or an authority: fall back to the path text after the scheme.
      String path = value.substring(colon + 1);
      while (path.startsWith("//")) {
        path = path.substring(1);
      }
      return Path.of(path).toAbsolutePath().normalize();
    }
  }
}
