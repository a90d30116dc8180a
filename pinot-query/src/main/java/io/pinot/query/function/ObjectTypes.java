// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.function;

import io.pinot.common.datatable.CustomObject;

/// Object-type ids of the OBJECT cells this engine writes for aggregation intermediates. They only need to
/// be understood by this engine's brokers; ids avoid Pinot's null id 100.
public final class ObjectTypes {
  /// AVG: double sum, long count.
  public static final int AVG_PAIR = 1;
  /// DISTINCTCOUNT over integral and floating values: int32 n, then n longs (see [LongHashSet] encoding).
  public static final int LONG_SET = 2;
  /// DISTINCTCOUNT over strings and big decimals: int32 n, then n × (int32 length, UTF-8 bytes).
  public static final int STRING_SET = 3;
  /// DISTINCTCOUNT over bytes: int32 n, then n × (int32 length, bytes).
  public static final int BYTES_SET = 4;
  /// DISTINCTCOUNT over numbers, strictly increasing: int32 n, then n longs.
  public static final int SORTED_LONGS = 5;

  private ObjectTypes() {
  }

  static void expect(CustomObject object, int type) {
    if (object.type() != type) {
      throw new IllegalStateException("Expected intermediate object type " + type + " but got " + object.type());
    }
  }
}
