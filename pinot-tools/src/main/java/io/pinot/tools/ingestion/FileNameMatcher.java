// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.ingestion;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/// Selects input files with a job spec's `includeFileNamePattern` / `excludeFileNamePattern`
/// (`glob:**/*.csv`, `glob:*.csv`, `regex:.*\.json`). A pattern matches a file when it matches either the
/// file's absolute path (as Apache Pinot matches, so `glob:**/*.csv` works) or its path relative to the
/// input directory (so `glob:*.csv` means "directly under the input directory", as Pinot documents). A
/// pattern without `glob:`/`regex:` is a glob. No include pattern means every file. Immutable.
public final class FileNameMatcher {
  private final @Nullable PathMatcher include;
  private final @Nullable PathMatcher exclude;

  private FileNameMatcher(@Nullable PathMatcher include, @Nullable PathMatcher exclude) {
    this.include = include;
    this.exclude = exclude;
  }

  /// @throws IllegalArgumentException when a pattern is malformed, naming it
  public static FileNameMatcher of(@Nullable String includePattern, @Nullable String excludePattern) {
    return new FileNameMatcher(matcher("includeFileNamePattern", includePattern),
        matcher("excludeFileNamePattern", excludePattern));
  }

  private static @Nullable PathMatcher matcher(String field, @Nullable String pattern) {
    if (pattern == null || pattern.isBlank()) {
      return null;
    }
    String syntaxAndPattern = pattern.startsWith("glob:") || pattern.startsWith("regex:") ? pattern : "glob:" + pattern;
    try {
      return FileSystems.getDefault().getPathMatcher(syntaxAndPattern);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Invalid " + field + " '" + pattern + "': " + e.getMessage(), e);
    }
  }

  /// Whether `file` (under `root`) is selected.
  public boolean matches(Path root, Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    Path relative = root.toAbsolutePath().normalize().relativize(absolute);
    if (include != null && !include.matches(absolute) && !include.matches(relative)) {
      return false;
    }
    return exclude == null || !exclude.matches(absolute) && !exclude.matches(relative);
  }

  /// The selected regular files under `root` (in subdirectories too when `recursive`), sorted by path.
  ///
  /// @throws IllegalArgumentException when `root` is not a directory
  public List<Path> list(Path root, boolean recursive) throws IOException {
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException("Input directory " + root + " does not exist or is not a directory");
    }
    List<Path> selected = new ArrayList<>();
    try (Stream<Path> files = recursive ? Files.walk(root) : Files.list(root)) {
      files.filter(Files::isRegularFile).filter(file -> matches(root, file)).forEach(selected::add);
    }
    selected.sort(null);
    return selected;
  }
}
