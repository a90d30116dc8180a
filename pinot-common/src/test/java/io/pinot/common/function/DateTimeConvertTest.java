// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.function;

import static io.pinot.common.function.Functions.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DateTimeConvertTest {
  /// 2024-02-29T13:45:30.123Z
  private static final long LEAP = 1_709_214_330_123L;

  @Test
  void epochToEpochFloorsToTheGranularity() {
    assertThat(call("dateTimeConvert", LEAP, "1:MILLISECONDS:EPOCH", "1:HOURS:EPOCH", "1:HOURS"))
        .isEqualTo(474_781L);
    assertThat(call("dateTimeConvert", LEAP, "1:MILLISECONDS:EPOCH", "1:MILLISECONDS:EPOCH", "15:MINUTES"))
        .isEqualTo(1_709_214_300_000L - 1_709_214_300_000L % 900_000L);
    assertThat(call("dateTimeConvert", 1_709_214_330L, "1:SECONDS:EPOCH", "1:DAYS:EPOCH", "1:DAYS"))
        .isEqualTo(19_782L);
    assertThat(call("dateTimeConvert", 19_782L, "EPOCH|DAYS|1", "EPOCH|MILLISECONDS", "1:DAYS"))
        .isEqualTo(1_709_164_800_000L);
    assertThat(call("dateTimeConvert", 3L, "5:MINUTES:EPOCH", "1:MINUTES:EPOCH", "1:MINUTES")).isEqualTo(15L);
    assertThat(call("dateTimeConvert", -1L, "1:MILLISECONDS:EPOCH", "1:SECONDS:EPOCH", "1:SECONDS")).isEqualTo(-1L);
  }

  @Test
  void simpleDateFormatInAndOut() {
    assertThat(call("dateTimeConvert", LEAP, "1:MILLISECONDS:EPOCH", "1:DAYS:SIMPLE_DATE_FORMAT:yyyy-MM-dd",
        "1:DAYS")).isEqualTo("2024-02-29");
    assertThat(call("dateTimeConvert", LEAP, "1:MILLISECONDS:EPOCH",
        "1:MINUTES:SIMPLE_DATE_FORMAT:yyyy-MM-dd HH:mm tz(America/New_York)", "1:HOURS"))
        .isEqualTo("2024-02-29 08:00");
    assertThat(call("dateTimeConvert", LEAP, "1:MILLISECONDS:EPOCH", "SIMPLE_DATE_FORMAT|yyyy-MM-dd|Asia/Tokyo",
        "1:DAYS")).isEqualTo("2024-02-29");
    assertThat(call("dateTimeConvert", "2024-02-29", "1:DAYS:SIMPLE_DATE_FORMAT:yyyy-MM-dd", "1:MILLISECONDS:EPOCH",
        "1:DAYS")).isEqualTo(1_709_164_800_000L);
    assertThat(call("dateTimeConvert", LEAP, "TIMESTAMP", "1:SECONDS:EPOCH", "1:SECONDS"))
        .isEqualTo(1_709_214_330L);
  }

  @Test
  void invalidFormatsAreErrors() {
    assertThatThrownBy(() -> call("dateTimeConvert", LEAP, "1:FORTNIGHTS:EPOCH", "1:DAYS:EPOCH", "1:DAYS"))
        .hasMessageContaining("FORTNIGHTS");
    assertThatThrownBy(() -> call("dateTimeConvert", LEAP, "1:MILLISECONDS:EPOCH", "1:DAYS:EPOCH", "0:DAYS"))
        .hasMessageContaining("granularity");
    assertThatThrownBy(() -> call("dateTimeConvert", LEAP, "1:MILLISECONDS", "1:DAYS:EPOCH", "1:DAYS"))
        .hasMessageContaining("size:unit:type");
    assertThat(call("dateTimeConvert", null, "1:MILLISECONDS:EPOCH", "1:DAYS:EPOCH", "1:DAYS")).isNull();
  }
}
