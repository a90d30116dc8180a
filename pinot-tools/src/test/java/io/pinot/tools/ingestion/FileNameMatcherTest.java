// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileNameMatcherTest {
  @TempDir
  Path root;

  @BeforeEach
  void createFiles() throws IOException {
    for (String name : List.of("a.csv", "b.json", "2014/01/c.csv", "2014/02/d.csv", "2014/02/e.csv.bak",
        "skip/f.csv")) {
      Path file = root.resolve(name);
      Files.createDirectories(file.getParent());
      Files.writeString(file, "x");
    }
  }

  private List<String> list(String include, String exclude, boolean recursive) throws IOException {
    return FileNameMatcher.of(include, exclude).list(root, recursive).stream()
        .map(path -> root.relativize(path).toString()).toList();
  }

  @Test
  void recursiveGlobMatchesAtAnyDepth() throws IOException {
    assertThat(list("glob:**/*.csv", null, true)).containsExactly("2014/01/c.csv", "2014/02/d.csv", "a.csv",
        "skip/f.csv");
  }

  @Test
  void plainGlobMatchesFilesDirectlyUnderTheInputDirectory() throws IOException {
    assertThat(list("glob:*.csv", null, true)).containsExactly("a.csv");
  }

  @Test
  void regexAndExcludePatterns() throws IOException {
    assertThat(list("regex:.*\\.csv", "glob:**/skip/**", true)).containsExactly("2014/01/c.csv", "2014/02/d.csv",
        "a.csv");
    assertThat(list("glob:2014/**", "glob:**/*.bak", true)).containsExactly("2014/01/c.csv", "2014/02/d.csv");
  }

  @Test
  void noPatternMeansEveryFileAndNonRecursiveStaysAtTheTop() throws IOException {
    assertThat(list(null, null, true)).hasSize(6);
    assertThat(list(null, null, false)).containsExactly("a.csv", "b.json");
    assertThat(list("**/*.csv", null, false)).containsExactly("a.csv");
  }

  @Test
  void rejectsMissingDirectoriesAndBadPatterns() {
    assertThatThrownBy(() -> FileNameMatcher.of(null, null).list(root.resolve("missing"), true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not exist or is not a directory");
    assertThatThrownBy(() -> FileNameMatcher.of("regex:[", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Invalid includeFileNamePattern 'regex:['");
  }
}
