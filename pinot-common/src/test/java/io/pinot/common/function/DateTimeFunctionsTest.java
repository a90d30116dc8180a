// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.function;

import static io.pinot.common.function.Functions.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import org.junit.jupiter.api.Test;

/// Date-time functions: epoch conversions (truncating toward zero, as `TimeUnit`), Joda patterns, time zones,
/// daylight-saving gaps, leap days, ISO weeks and the MV variants.
class DateTimeFunctionsTest {
  /// 2024-02-29T13:45:30.123Z (a Thursday in ISO week 9).
  private static final long LEAP = 1_709_214_330_123L;

  @Test
  void epochConversions() {
    assertThat(call("toEpochSeconds", LEAP)).isEqualTo(1_709_214_330L);
    assertThat(call("toEpochMinutes", LEAP)).isEqualTo(28_486_905L);
    assertThat(call("toEpochHours", LEAP)).isEqualTo(474_781L);
    assertThat(call("toEpochDays", LEAP)).isEqualTo(19_782L);
    assertThat(call("toEpochSeconds", -1500L)).isEqualTo(-1L);
    assertThat(call("toEpochDays", "86400000")).isEqualTo(1L);
    assertThat(call("toEpochSecondsRounded", LEAP, 30)).isEqualTo(1_709_214_330L);
    assertThat(call("toEpochMinutesRounded", LEAP, 10)).isEqualTo(28_486_900L);
    assertThat(call("toEpochHoursRounded", LEAP, 6)).isEqualTo(474_780L);
    assertThat(call("toEpochDaysRounded", LEAP, 7)).isEqualTo(19_782L);
    assertThat(call("toEpochHoursBucket", LEAP, 6)).isEqualTo(79_130L);
    assertThat(call("toEpochSecondsBucket", 5_000L, 2)).isEqualTo(2L);
    assertThat(call("toEpochMinutesBucket", 600_000L, 5)).isEqualTo(2L);
    assertThat(call("toEpochDaysBucket", LEAP, 7)).isEqualTo(2_826L);
    assertThat(call("fromEpochSeconds", 2)).isEqualTo(2_000L);
    assertThat(call("fromEpochMinutes", 2)).isEqualTo(120_000L);
    assertThat(call("fromEpochHours", 1)).isEqualTo(3_600_000L);
    assertThat(call("fromEpochDays", 19_782)).isEqualTo(1_709_164_800_000L);
    assertThat(call("fromEpochDaysBucket", 2, 7)).isEqualTo(14 * 86_400_000L);
    assertThat(call("fromEpochSecondsBucket", 2, 30)).isEqualTo(60_000L);
    assertThat(call("fromEpochMinutesBucket", 1, 5)).isEqualTo(300_000L);
    assertThat(call("fromEpochHoursBucket", 1, 2)).isEqualTo(7_200_000L);
    assertThat(call("round", LEAP, 1000)).isEqualTo(1_709_214_330_000L);
    assertThat(call("toEpochSecondsMV", new long[] {1000L, 2500L})).isEqualTo(new Object[] {1L, 2L});
    assertThat(call("toEpochDaysRoundedMV", new Object[] {LEAP, null}, 7)).isEqualTo(new Object[] {19_782L, null});
  }

  @Test
  void fieldsInUtcAndInTimeZones() {
    assertThat(call("year", LEAP)).isEqualTo(2024);
    assertThat(call("quarter", LEAP)).isEqualTo(1);
    assertThat(call("month", LEAP)).isEqualTo(2);
    assertThat(call("monthOfYear", LEAP)).isEqualTo(2);
    assertThat(call("week", LEAP)).isEqualTo(9);
    assertThat(call("weekOfYear", 1_704_067_200_000L)).isEqualTo(1);
    assertThat(call("yearOfWeek", 1_703_980_800_000L)).isEqualTo(2023);
    assertThat(call("yow", 1_735_603_200_000L)).isEqualTo(2025);
    assertThat(call("dayOfYear", LEAP)).isEqualTo(60);
    assertThat(call("doy", LEAP)).isEqualTo(60);
    assertThat(call("dayOfMonth", LEAP)).isEqualTo(29);
    assertThat(call("dayOfWeek", LEAP)).isEqualTo(4);
    assertThat(call("hour", LEAP)).isEqualTo(13);
    assertThat(call("minute", LEAP)).isEqualTo(45);
    assertThat(call("second", LEAP)).isEqualTo(30);
    assertThat(call("millisecond", LEAP)).isEqualTo(123);
    assertThat(call("hour", LEAP, "Asia/Kolkata")).isEqualTo(19);
    assertThat(call("minute", LEAP, "Asia/Kolkata")).isEqualTo(15);
    assertThat(call("day", LEAP, "Pacific/Kiritimati")).isEqualTo(1);
    assertThat(call("month", LEAP, "Pacific/Kiritimati")).isEqualTo(3);
    assertThat(call("dayOfWeek", 0L, "America/Los_Angeles")).isEqualTo(3);
    assertThat(call("year", -1L)).isEqualTo(1969);
    assertThat(call("hourMV", new long[] {0L, LEAP})).isEqualTo(new Object[] {0, 13});
    assertThat(call("timezoneHour", "Asia/Kolkata")).isEqualTo(5);
    assertThat(call("timezoneMinute", "Asia/Kolkata")).isEqualTo(30);
    assertThat(call("timezoneHour", "America/New_York", LEAP)).isEqualTo(-5);
    assertThat(call("timezoneHour", "America/New_York", 1_720_000_000_000L)).isEqualTo(-4);
    assertThat(call("extract", "DOW", LEAP)).isEqualTo(4);
    assertThat(call("extract", "QUARTER", LEAP)).isEqualTo(1);
    assertThatThrownBy(() -> call("hour", LEAP, "Not/AZone")).isInstanceOf(RuntimeException.class);
  }

  @Test
  void jodaPatternsFormatAndParse() {
    assertThat(call("toDateTime", LEAP, "yyyy-MM-dd HH:mm:ss.SSS")).isEqualTo("2024-02-29 13:45:30.123");
    assertThat(call("toDateTime", LEAP, "yyyyMMdd")).isEqualTo("20240229");
    assertThat(call("toDateTime", LEAP, "yyyy-MM-dd'T'HH:mmZZ", "America/Los_Angeles"))
        .isEqualTo("2024-02-29T05:45-08:00");
    assertThat(call("toDateTime", LEAP, "EEE MMM dd HH:mm:ss ZZZ yyyy", "Europe/Paris"))
        .isEqualTo("Thu Feb 29 14:45:30 Europe/Paris 2024");
    assertThat(call("fromDateTime", "2024-02-29", "yyyy-MM-dd")).isEqualTo(1_709_164_800_000L);
    assertThat(call("fromDateTime", "20240229", "yyyyMMdd")).isEqualTo(1_709_164_800_000L);
    assertThat(call("fromDateTime", "2024-2-9", "yyyy-MM-dd")).isEqualTo(1_707_436_800_000L);
    assertThat(call("fromDateTime", "2024-02", "yyyy-MM")).isEqualTo(1_706_745_600_000L);
    assertThat(call("fromDateTime", "2024-02-29 05:45", "yyyy-MM-dd HH:mm", "America/Los_Angeles"))
        .isEqualTo(1_709_214_300_000L);
    assertThat(call("fromDateTime", "Thu Feb 29 14:45:30 Europe/Paris 2024", "EEE MMM dd HH:mm:ss ZZZ yyyy"))
        .isEqualTo(1_709_214_330_000L);
    assertThat(call("fromDateTime", "2024-02-29T05:45-0800", "yyyy-MM-dd'T'HH:mmZ")).isEqualTo(1_709_214_300_000L);
    // 02:30 does not exist on 2024-03-10 in New York: it moves forward by the gap to 03:30 EDT.
    assertThat(call("fromDateTime", "2024-03-10 02:30", "yyyy-MM-dd HH:mm", "America/New_York"))
        .isEqualTo(1_710_055_800_000L);
    assertThat(call("fromDateTime", "garbage", "yyyy-MM-dd", "UTC", -1L)).isEqualTo(-1L);
    assertThatThrownBy(() -> call("fromDateTime", "garbage", "yyyy-MM-dd")).isInstanceOf(RuntimeException.class);
    assertThat(call("toDateTimeMV", new long[] {0L}, "yyyy")).isEqualTo(new Object[] {"1970"});
    assertThat(call("fromDateTimeMV", new String[] {"1970-01-02"}, "yyyy-MM-dd")).isEqualTo(new Object[] {86_400_000L});
    assertThat(call("toIso8601", LEAP)).isEqualTo("2024-02-29T13:45:30.123Z");
    assertThat(call("fromIso8601", "2024-02-29T13:45:30.123Z")).isEqualTo(LEAP);
    assertThat(call("toTimestamp", LEAP)).isEqualTo(new Timestamp(LEAP));
    assertThat(call("fromTimestamp", new Timestamp(LEAP))).isEqualTo(LEAP);
    assertThat(call("fromTimestamp", "2024-02-29 13:45:30.123")).isEqualTo(LEAP);
  }

  @Test
  void truncationAndCalendarArithmetic() {
    assertThat(call("dateTrunc", "day", LEAP)).isEqualTo(1_709_164_800_000L);
    assertThat(call("dateTrunc", "WEEK", LEAP)).isEqualTo(1_708_905_600_000L);
    assertThat(call("dateTrunc", "month", LEAP)).isEqualTo(1_706_745_600_000L);
    assertThat(call("dateTrunc", "quarter", LEAP)).isEqualTo(1_704_067_200_000L);
    assertThat(call("dateTrunc", "year", LEAP)).isEqualTo(1_704_067_200_000L);
    assertThat(call("dateTrunc", "hour", LEAP)).isEqualTo(1_709_211_600_000L);
    assertThat(call("dateTrunc", "minute", LEAP)).isEqualTo(1_709_214_300_000L);
    assertThat(call("dateTrunc", "second", LEAP)).isEqualTo(1_709_214_330_000L);
    assertThat(call("dateTrunc", "millisecond", LEAP)).isEqualTo(LEAP);
    assertThat(call("dateTrunc", "day", 1_709_214_330L, "SECONDS")).isEqualTo(1_709_164_800L);
    assertThat(call("dateTrunc", "day", LEAP, "MILLISECONDS", "Asia/Kolkata")).isEqualTo(1_709_145_000_000L);
    assertThat(call("dateTrunc", "day", LEAP, "MILLISECONDS", "UTC", "DAYS")).isEqualTo(19_782L);
    assertThatThrownBy(() -> call("dateTrunc", "fortnight", LEAP)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fortnight");
    assertThat(call("timestampAdd", "month", 1, 1_706_659_200_000L)).isEqualTo(1_709_164_800_000L);
    assertThat(call("dateAdd", "day", -1, 1_709_164_800_000L)).isEqualTo(1_709_078_400_000L);
    assertThat(call("timestampAdd", "quarter", 1, 0L)).isEqualTo(7_776_000_000L);
    assertThat(call("timestampDiff", "day", 0L, 86_400_000L * 3 - 1)).isEqualTo(2L);
    assertThat(call("dateDiff", "month", 1_706_659_200_000L, 1_709_164_800_000L)).isEqualTo(0L);
    assertThat(call("timestampDiff", "year", 0L, LEAP)).isEqualTo(54L);
    assertThat(call("timestampDiff", "quarter", 0L, LEAP)).isEqualTo(216L);
    assertThat(call("timestampAddMV", "hour", 1, new long[] {0L})).isEqualTo(new Object[] {3_600_000L});
  }

  @Test
  void nowAndAgoAreNotFoldable() {
    long before = System.currentTimeMillis();
    long now = (Long) call("now");
    assertThat(now).isBetween(before, System.currentTimeMillis());
    assertThat((Long) call("ago", "PT1H")).isBetween(before - 3_600_000L, System.currentTimeMillis() - 3_600_000L);
    assertThat(FunctionRegistry.standard().lookup("ago", 1).deterministic()).isFalse();
  }
}
