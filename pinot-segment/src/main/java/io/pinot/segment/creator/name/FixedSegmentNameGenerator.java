// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.creator.name;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/// Pinot's `fixed` segment name generator: always the configured name (`segment.name`). Immutable and
/// thread-safe.
///
/// @param segmentName the name every segment gets
public record FixedSegmentNameGenerator(String segmentName) implements SegmentNameGenerator {
  public FixedSegmentNameGenerator {
    SegmentNames.validate(Objects.requireNonNull(segmentName, "segmentName is null"));
  }

  @Override
  public String generate(int sequenceId, @Nullable Object minTimeValue, @Nullable Object maxTimeValue) {
    return segmentName;
  }
}
