// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.creator.name;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TimeFormatSpecTest {
  @Test
  void parsesEpochTimestampAndSimpleDateFormats() {
    assertThat(TimeFormatSpec.parse("1:MILLISECONDS:EPOCH").epochUnit()).isEqualTo(TimeUnit.MILLISECONDS);
    TimeFormatSpec fiveMinutes = TimeFormatSpec.parse("5:MINUTES:EPOCH");
    assertThat(fiveMinutes.epochSize()).isEqualTo(5);
    assertThat(fiveMinutes.toMillis(2L)).isEqualTo(600_000L);
    assertThat(TimeFormatSpec.parse("EPOCH|SECONDS|1").toMillis("3")).isEqualTo(3000L);
    assertThat(TimeFormatSpec.parse("TIMESTAMP").toMillis(5L)).isEqualTo(5L);
    TimeFormatSpec day = TimeFormatSpec.parse("1:DAYS:SIMPLE_DATE_FORMAT:yyyyMMdd");
    assertThat(day.pattern()).isEqualTo("yyyyMMdd");
    assertThat(day.toMillis(20240102)).isEqualTo(1704153600000L);
    TimeFormatSpec zoned = TimeFormatSpec.parse("1:HOURS:SIMPLE_DATE_FORMAT:yyyy-MM-dd HH tz(America/New_York)");
    assertThat(zoned.zone()).isEqualTo(ZoneId.of("America/New_York"));
    assertThat(zoned.toMillis("2024-01-01 00")).isEqualTo(1704085200000L);
    assertThat(TimeFormatSpec.parse("SIMPLE_DATE_FORMAT|yyyy-MM-dd|UTC").toMillis("1970-01-02"))
        .isEqualTo(86_400_000L);
  }

  @Test
  void rejectsUnknownFormatsAndMismatchedValues() {
    assertThatThrownBy(() -> TimeFormatSpec.parse("1:DAYS:SOMETHING")).isInstanceOf(IllegalArgumentException.class);
    TimeFormatSpec day = TimeFormatSpec.parse("1:DAYS:SIMPLE_DATE_FORMAT:yyyy-MM-dd");
    assertThatThrownBy(() -> day.toMillis("01/02/2024")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("yyyy-MM-dd");
  }
}
