// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.upsert;

import java.util.Arrays;
import java.util.HexFormat;

/// A byte array with value equality and unsigned lexicographic order: a BYTES primary-key value or comparison value,
/// or a hashed primary key. The array must not be modified once wrapped. Immutable.
record ByteKey(byte[] bytes) implements Comparable<ByteKey> {
  @Override
  public boolean equals(Object other) {
    return other instanceof ByteKey key && Arrays.equals(bytes, key.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public int compareTo(ByteKey other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public String toString() {
    return HexFormat.of().formatHex(bytes);
  }
}
