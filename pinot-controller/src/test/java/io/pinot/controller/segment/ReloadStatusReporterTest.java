// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReloadStatusReporterTest {
  @Test
  void statusFollowsPinotsDerivation() {
    assertThat(ReloadStatusReporter.status(4, 2, 0, 0)).isEqualTo("IN_PROGRESS");
    assertThat(ReloadStatusReporter.status(4, 4, 0, 0)).isEqualTo("COMPLETED");
    assertThat(ReloadStatusReporter.status(4, 3, 1, 0)).isEqualTo("COMPLETED_WITH_ERRORS");
    // A server that did not answer keeps the job in progress, whatever the others said.
    assertThat(ReloadStatusReporter.status(4, 4, 0, 1)).isEqualTo("IN_PROGRESS");
    assertThat(ReloadStatusReporter.status(0, 0, 0, 0)).isEqualTo("COMPLETED");
  }

  @Test
  void metadataHasNumbersForTimeAndMessageCount() {
    Map<String, String> job = new LinkedHashMap<>();
    job.put("jobId", "id");
    job.put("tableName", "t_OFFLINE");
    job.put("jobType", "RELOAD_SEGMENT");
    job.put("submissionTimeMs", "1700000000000");
    job.put("messageCount", "2");
    job.put("segmentName", "s");
    Map<String, Object> metadata = ReloadStatusReporter.metadata(job);
    assertThat(metadata).containsExactly(Map.entry("jobId", "id"), Map.entry("tableName", "t_OFFLINE"),
        Map.entry("jobType", "RELOAD_SEGMENT"), Map.entry("submissionTimeMs", 1_700_000_000_000L),
        Map.entry("messageCount", 2L), Map.entry("segmentName", "s"));
  }
}
