// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.timestamp;

import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.common.function.FunctionRegistry;
import io.pinot.common.function.ScalarFunction;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/// Every granularity truncates exactly as the query engine's `DATETRUNC(unit, millis)`.
class TimestampGranularityTest {
  private static final ScalarFunction DATE_TRUNC = FunctionRegistry.standard().lookup("dateTrunc", 2);

  private static long dateTrunc(TimestampGranularity granularity, long millis) {
    return (Long) DATE_TRUNC.invoke(granularity.name().toLowerCase(Locale.ROOT), millis);
  }

  @Test
  void matchesDateTruncOnRandomAndBoundaryInstants() {
    Random random = new Random(5);
    long[] boundaries = {0L, -1L, 1L, 86_399_999L, 86_400_000L, -86_400_000L, -86_400_001L,
        1_709_164_800_000L, 1_704_067_199_999L, 1_704_067_200_000L, 951_782_400_000L, -62_135_596_800_000L,
        253_402_300_799_999L};
    for (TimestampGranularity granularity : TimestampGranularity.values()) {
      for (long millis : boundaries) {
        assertThat(granularity.truncate(millis)).as("%s of %d", granularity, millis)
            .isEqualTo(dateTrunc(granularity, millis));
      }
      for (int i = 0; i < 20_000; i++) {
        long millis = random.nextLong(-4_000_000_000_000L, 7_000_000_000_000L);
        assertThat(granularity.truncate(millis)).as("%s of %d", granularity, millis)
            .isEqualTo(dateTrunc(granularity, millis));
      }
    }
  }

  @Test
  void weeksStartOnMondayAndExtremesSaturate() {
    // 2024-02-29 (a Thursday) 12:00 UTC -> Monday 2024-02-26.
    assertThat(TimestampGranularity.WEEK.truncate(1_709_208_000_000L)).isEqualTo(1_708_905_600_000L);
    assertThat(TimestampGranularity.QUARTER.truncate(1_709_208_000_000L)).isEqualTo(1_704_067_200_000L);
    for (TimestampGranularity granularity : TimestampGranularity.values()) {
      assertThat(granularity.truncate(Long.MIN_VALUE)).isEqualTo(Long.MIN_VALUE);
      assertThat(granularity.truncate(Long.MAX_VALUE)).isLessThanOrEqualTo(Long.MAX_VALUE)
          .isGreaterThan(Long.MAX_VALUE - 400L * 86_400_000L);
    }
  }

  @Test
  void nextStartBoundsEachUnit() {
    Random random = new Random(8);
    for (TimestampGranularity granularity : TimestampGranularity.values()) {
      for (int i = 0; i < 5000; i++) {
        long start = granularity.truncate(random.nextLong(-4_000_000_000_000L, 7_000_000_000_000L));
        long next = granularity.nextStart(start);
        assertThat(next).isGreaterThan(start);
        assertThat(granularity.truncate(next)).as("%s after %d", granularity, start).isEqualTo(next);
        assertThat(granularity.truncate(next - 1)).isEqualTo(start);
      }
      assertThat(granularity.nextStart(Long.MIN_VALUE)).isEqualTo(Long.MIN_VALUE);
    }
  }

  @Test
  void namesAndFieldSpecGranularities() {
    assertThat(TimestampGranularity.of(" day ")).isEqualTo(TimestampGranularity.DAY);
    assertThat(TimestampGranularity.of("fortnight")).isNull();
    assertThat(TimestampGranularity.WEEK.fieldSpecGranularity()).isEqualTo("7:DAYS");
    assertThat(TimestampGranularity.MILLISECOND.fieldSpecGranularity()).isEqualTo("1:MILLISECONDS");
  }
}
