// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.ingestion;

import io.pinot.segment.creator.name.TimeFormatSpec;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.FieldSpec;
import io.pinot.spi.data.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/// Validity of the table's time column values, as Pinot checks them: a time is valid when it is between
/// 1971-01-01 and 2071-01-01 UTC ([#VALID_MIN_MILLIS], [#VALID_MAX_MILLIS]) once converted to epoch milliseconds with
/// the column's date-time format. Used per row for `rowTimeValueCheck` and on a segment's time range for
/// `segmentTimeValueCheck`. Immutable and thread-safe.
public final class TimeValueChecker {
  /// 1971-01-01T00:00:00Z, Pinot's `TimeUtils.VALID_MIN_TIME_MILLIS`.
  public static final long VALID_MIN_MILLIS = 31_536_000_000L;
  /// 2071-01-01T00:00:00Z, Pinot's `TimeUtils.VALID_MAX_TIME_MILLIS`.
  public static final long VALID_MAX_MILLIS = 3_187_296_000_000L;

  private final String column;
  private final TimeFormatSpec format;

  private TimeValueChecker(String column, TimeFormatSpec format) {
    this.column = column;
    this.format = format;
  }

  /// The checker of the table's time column (`segmentsConfig.timeColumnName`), or null when the table has none or
  /// the schema does not declare it.
  ///
  /// @throws IllegalArgumentException when the column's format cannot be read
  public static @Nullable TimeValueChecker of(TableConfig tableConfig, Schema schema) {
    String timeColumn = tableConfig.segmentsConfig().timeColumnName();
    if (timeColumn == null || timeColumn.isBlank()) {
      return null;
    }
    FieldSpec spec = schema.fieldSpec(timeColumn);
    if (spec == null) {
      return null;
    }
    String format = spec.format();
    if (format == null) {
      String timeType = tableConfig.segmentsConfig().timeType();
      format = "1:" + (timeType == null ? "MILLISECONDS" : timeType) + ":EPOCH";
    }
    return new TimeValueChecker(timeColumn, TimeFormatSpec.parse(format));
  }

  /// The time column's name.
  public String column() {
    return column;
  }

  /// Epoch milliseconds of a (converted) time column value.
  ///
  /// @throws IllegalArgumentException when the value does not match the column's format
  public long toMillis(Object value) {
    return format.toMillis(value);
  }

  /// Whether epoch milliseconds are within Pinot's valid time range.
  public static boolean isValid(long millis) {
    return millis >= VALID_MIN_MILLIS && millis <= VALID_MAX_MILLIS;
  }

  /// A message for an invalid time, naming the column and the range (not the value's origin).
  public String describeInvalid(long millis) {
    return "Time value " + Instant.ofEpochMilli(millis) + " of column[" + column + "] is not in the valid range "
        + Instant.ofEpochMilli(VALID_MIN_MILLIS) + " to " + Instant.ofEpochMilli(VALID_MAX_MILLIS);
  }
}
