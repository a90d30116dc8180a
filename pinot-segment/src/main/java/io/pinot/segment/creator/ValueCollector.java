// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.creator;

import io.pinot.segment.format.SegmentFileWriter;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/// Collects the converted values of one column (or the flat values of a multi-value column) in primitive,
/// growable buffers during the read pass, then encodes them: either into a sorted dictionary plus dictionary ids,
/// or straight into a raw forward index. Not thread-safe; single use (encoding consumes the buffers).
sealed interface ValueCollector permits IntValues, LongValues, FloatValues, DoubleValues, InternedValues,
    RawBytesValues {
  /// Initial capacity of the growable buffers.
  int INITIAL_CAPACITY = 1024;

  /// Number of values collected.
  int size();

  /// Converts `value` (never null) to the column's stored type and appends it.
  ///
  /// @throws IllegalArgumentException when the value cannot be converted
  void add(Object value);

  /// Drops the values appended after the first `size` ones (rollback of a rejected record).
  void truncate(int size);

  /// Builds the sorted dictionary and replaces every value with its dictionary id.
  EncodedValues encode();

  /// Writes the values as a raw single-value forward index and returns their statistics.
  RawStats writeRaw(SegmentFileWriter out, String column) throws IOException;

  /// Writes the dictionary built by [#encode()].
  @FunctionalInterface
  interface DictionaryWrite {
    void write(SegmentFileWriter out, String column) throws IOException;
  }

  /// Dictionary encoding of the collected values.
  ///
  /// @param cardinality number of distinct values
  /// @param dictIds dictionary id of each collected value (`size()` entries; may be longer)
  /// @param min smallest value (stored Java type), null when there are no values
  /// @param max largest value, null when there are no values
  /// @param maxValueLength bytes per value for fixed-width types, longest value in bytes otherwise
  /// @param dictionary writes the dictionary buffer
  record EncodedValues(int cardinality, int[] dictIds, @Nullable Object min, @Nullable Object max,
      int maxValueLength, DictionaryWrite dictionary) {
  }

  /// Statistics of a raw column.
  record RawStats(@Nullable Object min, @Nullable Object max, boolean sorted, int maxValueLength) {
  }

  /// The next capacity of a growable buffer holding `current` elements.
  static int grow(int current) {
    long next = Math.max(INITIAL_CAPACITY, (long) current + (current >> 1));
    if (next > Integer.MAX_VALUE - 16) {
      if (current >= Integer.MAX_VALUE - 16) {
        throw new IllegalStateException("Too many values for one segment column");
      }
      return Integer.MAX_VALUE - 16;
    }
    return (int) next;
  }
}
