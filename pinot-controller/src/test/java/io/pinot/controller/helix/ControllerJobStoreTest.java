// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.helix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ControllerJobStoreTest {
  private static Map<String, String> job(long time) {
    return Map.of(ControllerJobStore.JOB_ID, "j" + time, ControllerJobStore.SUBMISSION_TIME_MS,
        Long.toString(time));
  }

  @Test
  void keepsTheNewestJobsBySubmissionTime() {
    Map<String, Map<String, String>> jobs = new LinkedHashMap<>();
    for (long time : new long[] {50, 10, 40, 20, 30}) {
      jobs.put("j" + time, job(time));
    }
    assertThat(ControllerJobStore.newest(jobs, 3).keySet()).containsExactly("j50", "j40", "j30");
    assertThat(ControllerJobStore.newest(jobs, 5)).isSameAs(jobs);
    assertThat(jobs).hasSize(5);
  }

  @Test
  void aJobWithoutAReadableTimeIsTheFirstToGo() {
    Map<String, Map<String, String>> jobs = new LinkedHashMap<>();
    jobs.put("bad", Map.of(ControllerJobStore.SUBMISSION_TIME_MS, "soon"));
    jobs.put("j5", job(5));
    assertThat(ControllerJobStore.newest(jobs, 1).keySet()).containsExactly("j5");
    assertThat(ControllerJobStore.path("RELOAD_SEGMENT")).isEqualTo("/CONTROLLER_JOBS/RELOAD_SEGMENT");
  }
}
