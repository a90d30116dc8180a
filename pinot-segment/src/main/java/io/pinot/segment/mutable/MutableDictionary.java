// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.mutable;

import io.pinot.spi.data.DataType;
import io.pinot.spi.data.FieldSpec;
import java.util.Arrays;

/// The growable dictionary of one column of a [MutableSegment]: distinct values in **insertion order** (dictionary
/// id `i` is the i-th distinct value indexed), a hash map from value to id, and the typed reads of
/// [io.pinot.segment.spi.Dictionary]. Ids are therefore not sorted by value; readers see it through
/// [MutableDictionaryView], whose `sorted()` is false and whose `insertionIndexOf` is unsupported.
///
/// Writing is two-phase so that a row that fails conversion leaves no trace: [#stage] converts a raw value into a
/// staging slot (and may throw), [#commit] adds the staged value if new and returns its id (never throws for a
/// staged value).
///
/// Thread-safety: one writer thread calls [#stage] and [#commit]; any number of readers call the read methods with
/// ids below the number of ids published to them and [#lookup] with that number as bound. Values are written
/// before the hash slot that points at them, and both before the segment publishes the document using them.
abstract sealed class MutableDictionary permits IntMutableDictionary, LongMutableDictionary,
    FloatMutableDictionary, DoubleMutableDictionary, ObjectMutableDictionary {
  private final DataType storedType;
  /// Number of distinct values, as known to the writer.
  int size;

  MutableDictionary(DataType storedType) {
    this.storedType = storedType;
  }

  /// A dictionary for the column, storing values in chunks of `2^shift` (STRING and BYTES values truncated to
  /// `maxLength`).
  static MutableDictionary create(FieldSpec spec, int maxLength, int shift) {
    DataType logicalType = spec.dataType();
    return switch (logicalType.storedType()) {
      case INT -> new IntMutableDictionary(logicalType, shift);
      case LONG -> new LongMutableDictionary(logicalType, shift);
      case FLOAT -> new FloatMutableDictionary(shift);
      case DOUBLE -> new DoubleMutableDictionary(shift);
      case STRING, BYTES, BIG_DECIMAL -> new ObjectMutableDictionary(logicalType, maxLength, shift);
      default -> throw new IllegalArgumentException("Column[" + spec.name() + "] has unsupported type "
          + logicalType);
    };
  }

  final DataType storedType() {
    return storedType;
  }

  /// Writer: converts `value` (never null) to the stored type and keeps it in staging slot `slot`.
  ///
  /// @throws IllegalArgumentException when the value cannot be converted
  abstract void stage(int slot, Object value);

  /// Writer: the id of the value in staging slot `slot`, adding it when new.
  abstract int commit(int slot);

  /// Writer or reader: compares the values of two ids in the stored type's order (numeric with NaN last,
  /// [String#compareTo], unsigned bytes, [java.math.BigDecimal#compareTo]).
  abstract int compareIds(int a, int b);

  /// Reader: the id of `key` if it is below `bound`, else -1 (see [LookupKeys] for the accepted keys).
  abstract int lookup(Object key, int bound);

  abstract Object get(int id);

  abstract int getInt(int id);

  abstract long getLong(int id);

  abstract float getFloat(int id);

  abstract double getDouble(int id);

  abstract String getString(int id);

  abstract byte[] getBytes(int id);

  abstract void readInts(int[] ids, int length, int[] out);

  abstract void readLongs(int[] ids, int length, long[] out);

  abstract void readFloats(int[] ids, int length, float[] out);

  abstract void readDoubles(int[] ids, int length, double[] out);

  void readStrings(int[] ids, int length, String[] out) {
    for (int i = 0; i < length; i++) {
      out[i] = getString(ids[i]);
    }
  }

  /// Heap bytes held, approximately.
  abstract long memoryBytes();

  /// A staging array able to hold slot `slot`.
  static int[] grow(int[] staging, int slot) {
    return slot < staging.length ? staging : Arrays.copyOf(staging, Math.max(slot + 1, staging.length * 2));
  }

  static UnsupportedOperationException noBytes(DataType type) {
    return new UnsupportedOperationException(type + " dictionary has no bytes values");
  }
}
