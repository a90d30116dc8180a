// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.creator.name;

import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/// Pinot's `simple` segment name generator: `<prefix>_<minTime>_<maxTime>_<postfix>_<sequenceId>`, skipping the
/// parts that are absent (no time values, no postfix, a negative or excluded sequence id), so a table without
/// time values gets `<prefix>_<sequenceId>`. The prefix is normally the table name. Immutable and thread-safe.
///
/// @param prefix first part (`segment.name.prefix`, default the table name)
/// @param postfix part after the times (`segment.name.postfix`), or null
/// @param excludeSequenceId leave the sequence id out (`exclude.sequence.id`)
/// @param omitTimeValues leave the time values out (`omit.timestamps.in.segment.name`)
/// @param appendUuid append a random UUID (`append.uuid.to.segment.name`)
public record SimpleSegmentNameGenerator(String prefix, @Nullable String postfix, boolean excludeSequenceId,
    boolean omitTimeValues, boolean appendUuid) implements SegmentNameGenerator {

  public SimpleSegmentNameGenerator {
    SegmentNames.validate(Objects.requireNonNull(prefix, "prefix is null"));
    if (postfix != null) {
      SegmentNames.validate(postfix);
    }
  }

  /// The generator of `<prefix>_<minTime>_<maxTime>_<sequenceId>` names.
  public SimpleSegmentNameGenerator(String prefix) {
    this(prefix, null, false, false, false);
  }

  @Override
  public String generate(int sequenceId, @Nullable Object minTimeValue, @Nullable Object maxTimeValue) {
    Object min = omitTimeValues ? null : minTimeValue;
    Object max = omitTimeValues ? null : maxTimeValue;
    if (min != null) {
      SegmentNames.validate(min.toString());
    }
    if (max != null) {
      SegmentNames.validate(max.toString());
    }
    Integer sequence = sequenceId >= 0 && !excludeSequenceId ? sequenceId : null;
    return SegmentNames.join(prefix, min, max, postfix, sequence, appendUuid ? UUID.randomUUID() : null);
  }
}
