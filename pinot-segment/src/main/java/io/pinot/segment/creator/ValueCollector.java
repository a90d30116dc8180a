// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.creator;

import io.pinot.segment.format.SegmentFileWriter;
import io.pinot.segment.index.dictionary.Dictionaries;
import io.pinot.segment.index.forward.ChunkCodec;
import io.pinot.segment.spi.Dictionary;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/// Collects the converted values of one column (or the flat values of a multi-value column) in primitive,
/// growable buffers during the read pass, then writes them: either as a sorted dictionary plus dictionary ids
/// ([#encode()]), or straight into a raw forward index ([#writeRaw]), after which [#encode()] may still be called
/// once to get the sorted distinct values for the column's other indexes. Not thread-safe; single use.
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

  /// Builds the sorted dictionary and replaces every value with its dictionary id (the collected values are
  /// consumed).
  EncodedValues encode();

  /// Writes the values as a raw forward index and returns their statistics: single-value when `starts` is null,
  /// else multi-value with document `d` holding values `[starts[d], starts[d + 1])`.
  RawStats writeRaw(SegmentFileWriter out, String column, ChunkCodec codec, int @Nullable [] starts, int numDocs)
      throws IOException;

  /// Dictionary encoding of the collected values.
  ///
  /// @param cardinality number of distinct values
  /// @param dictIds dictionary id of each collected value (`size()` entries; may be longer)
  /// @param min smallest value (stored Java type), null when there are no values
  /// @param max largest value, null when there are no values
  /// @param maxValueLength bytes per value for fixed-width types, longest value in bytes otherwise
  /// @param dictionaryBuffer the complete dictionary buffer (`DFIX`/`DVAR`)
  record EncodedValues(int cardinality, int[] dictIds, @Nullable Object min, @Nullable Object max,
      int maxValueLength, byte[] dictionaryBuffer) {
    /// The dictionary as a heap [Dictionary] (the sorted distinct values).
    Dictionary dictionary() {
      return Dictionaries.open(dictionaryBuffer);
    }
  }

  /// Statistics of a raw column (over all values of a multi-value column).
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
