// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.creator.name;

import org.jspecify.annotations.Nullable;

/// Chooses the name of a segment from its sequence id and the smallest and largest values of its time column.
/// Implementations are immutable and thread-safe.
public interface SegmentNameGenerator {
  /// The segment name.
  ///
  /// @param sequenceId the segment's number within its job (negative: none)
  /// @param minTimeValue the smallest time column value as stored (Long, Integer, String...), or null
  /// @param maxTimeValue the largest time column value, or null
  /// @throws IllegalArgumentException when the name would contain a character Pinot forbids in segment names
  String generate(int sequenceId, @Nullable Object minTimeValue, @Nullable Object maxTimeValue);
}
