// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.creator.name;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/// Pinot's `normalizedDate` segment name generator. For APPEND tables the name is
/// `<prefix>_<minDate>_<maxDate>_<postfix>_<sequenceId>` with the time values rendered as UTC `yyyy-MM-dd`
/// (`yyyy-MM-dd-HH` for an HOURLY push frequency); for REFRESH tables it is `<prefix>_<postfix>_<sequenceId>`.
/// Absent parts are skipped. Immutable and thread-safe.
///
/// @param prefix first part (`segment.name.prefix`, default the table name)
/// @param postfix part after the dates (`segment.name.postfix`), or null
/// @param excludeSequenceId leave the sequence id out (`exclude.sequence.id`)
/// @param appendPushType whether the table's push type is APPEND (only then are dates included)
/// @param hourly whether the push frequency is HOURLY
/// @param timeFormat how time values map to epoch milliseconds (required for APPEND)
/// @param appendUuid append a random UUID (`append.uuid.to.segment.name`)
public record NormalizedDateSegmentNameGenerator(String prefix, @Nullable String postfix, boolean excludeSequenceId,
    boolean appendPushType, boolean hourly, @Nullable TimeFormatSpec timeFormat, boolean appendUuid)
    implements SegmentNameGenerator {

  public NormalizedDateSegmentNameGenerator {
    SegmentNames.validate(Objects.requireNonNull(prefix, "prefix is null").trim());
    prefix = prefix.trim();
    if (postfix != null) {
      postfix = SegmentNames.validate(postfix.trim());
    }
    if (appendPushType && timeFormat == null) {
      throw new IllegalArgumentException("normalizedDate segment names of an APPEND table need the time column's "
          + "format: check segmentsConfig.timeColumnName and the schema's date-time field");
    }
  }

  @Override
  public String generate(int sequenceId, @Nullable Object minTimeValue, @Nullable Object maxTimeValue) {
    Integer sequence = !excludeSequenceId && sequenceId >= 0 ? sequenceId : null;
    String uuid = appendUuid ? UUID.randomUUID().toString() : null;
    if (!appendPushType) {
      return SegmentNames.join(prefix, postfix, sequence, uuid);
    }
    if (minTimeValue == null || maxTimeValue == null) {
      throw new IllegalArgumentException("normalizedDate segment names of an APPEND table need time values");
    }
    return SegmentNames.join(prefix, normalizedDate(minTimeValue), normalizedDate(maxTimeValue), postfix, sequence,
        uuid);
  }

  /// A time value as a UTC date (or date and hour).
  public String normalizedDate(Object timeValue) {
    long millis = Objects.requireNonNull(timeFormat).toMillis(timeValue);
    DateTimeFormatter output = DateTimeFormatter.ofPattern(hourly ? "yyyy-MM-dd-HH" : "yyyy-MM-dd", Locale.ROOT)
        .withZone(ZoneOffset.UTC);
    return output.format(Instant.ofEpochMilli(millis));
  }
}
