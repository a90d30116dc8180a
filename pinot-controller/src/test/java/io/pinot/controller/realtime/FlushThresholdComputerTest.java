// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pinot.spi.stream.StreamConfig;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlushThresholdComputerTest {
  private static final long MB = 1024 * 1024;

  private static StreamConfig stream(String... extra) {
    Map<String, String> map = new HashMap<>(Map.of("streamType", "kafka", "stream.kafka.topic.name", "t",
        "stream.kafka.decoder.class.name", "org.apache.pinot.plugin.stream.kafka.KafkaJSONMessageDecoder",
        "realtime.segment.flush.threshold.rows", "0", "realtime.segment.flush.threshold.segment.size", "200M",
        "realtime.segment.flush.threshold.time", "6h"));
    for (int i = 0; i < extra.length; i += 2) {
      map.put(extra[i], extra[i + 1]);
    }
    return StreamConfig.parse(map);
  }

  @Test
  void theFirstSegmentUsesTheInitialRows() {
    assertThat(new FlushThresholdComputer().nextThreshold(stream())).isEqualTo(100_000);
    assertThat(new FlushThresholdComputer().nextThreshold(stream("realtime.segment.flush.autotune.initialRows",
        "25000"))).isEqualTo(25_000);
    assertThatThrownBy(() -> new FlushThresholdComputer().nextThreshold(stream(
        "realtime.segment.flush.autotune.initialRows", "lots"))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("realtime.segment.flush.autotune.initialRows[lots]");
  }

  @Test
  void thresholdsConvergeOnTheDesiredSegmentSize() {
    FlushThresholdComputer computer = new FlushThresholdComputer();
    // 100,000 rows made 50 MB: under half the desired 200 MB, so 1.5x the rows.
    computer.onCommit(100_000, 50 * MB, 100_000, 60_000);
    assertThat(computer.nextThreshold(stream())).isEqualTo(150_000);
    // 150,000 rows made 150 MB: within range, so desired size x the weighted rows-per-byte ratio.
    computer.onCommit(150_000, 150 * MB, 150_000, 60_000);
    double ratio = 0.1 * (150_000.0 / (150 * MB)) + 0.9 * (100_000.0 / (50 * MB));
    assertThat(computer.nextThreshold(stream())).isEqualTo((int) (200 * MB * ratio));
    // Far over 1.5x the desired size: half the rows.
    computer.onCommit(400_000, 400 * MB, 400_000, 60_000);
    assertThat(computer.nextThreshold(stream())).isEqualTo(200_000);
  }

  @Test
  void aSegmentEndedByTimeAimsSlightlyAboveWhatItReached() {
    FlushThresholdComputer computer = new FlushThresholdComputer();
    computer.onCommit(40_000, 20 * MB, 100_000, 6 * 3600_000L);
    assertThat(computer.nextThreshold(stream())).isEqualTo(44_000);
    // The time threshold was lowered to 3h: the rows are scaled to the rate over 3h.
    assertThat(computer.nextThreshold(stream("realtime.segment.flush.threshold.time", "3h"))).isEqualTo(22_000);
    // Never below the minimum.
    computer.onCommit(500, MB, 100_000, 6 * 3600_000L);
    assertThat(computer.nextThreshold(stream())).isEqualTo(FlushThresholdComputer.MINIMUM_ROWS);
  }

  @Test
  void emptySegmentsDoNotChangeTheRatio() {
    FlushThresholdComputer computer = new FlushThresholdComputer();
    computer.onCommit(0, 0, 100_000, 1_000);
    assertThat(computer.nextThreshold(stream())).isEqualTo(100_000);
  }
}
