// SPDX-License-Identifier: Apache-2.0
package io.pinot.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// `PINOT_AOT_CACHE` in the distribution's `bin/pinot-admin.sh`: a run with a cache file that does not exist records
/// one when the JVM exits; a later run starts from it (without recording it again) and behaves as before.
class AotCacheScriptIT {
  @TempDir
  Path dir;

  @Test
  void firstRunRecordsTheCacheAndLaterRunsUseIt() throws Exception {
    Path cache = dir.resolve("pinot.aot");
    String script = TestData.distribution().resolve("bin/pinot-admin.sh").toString();
    List<String> environment = List.of("PINOT_AOT_CACHE=" + cache, "PINOT_PID_DIR=" + dir.resolve("pids"));

    TestData.CommandResult training = TestData.run(List.of(script, "PostQuery", "-help"), environment, 180);
    assertThat(training.exitCode()).as(training.output()).isZero();
    assertThat(training.output()).contains("Usage: pinot-admin.sh PostQuery");
    assertThat(cache).isRegularFile();
    assertThat(Files.size(cache)).isPositive();
    FileTime recorded = Files.getLastModifiedTime(cache);

    TestData.CommandResult using = TestData.run(List.of(script, "PostQuery", "-help"), environment, 180);
    assertThat(using.exitCode()).as(using.output()).isZero();
    assertThat(using.output()).contains("Usage: pinot-admin.sh PostQuery")
        .doesNotContain("[error]").doesNotContain("Unable to");
    assertThat(Files.getLastModifiedTime(cache)).isEqualTo(recorded);
  }
}
