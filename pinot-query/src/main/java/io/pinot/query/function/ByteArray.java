// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.function;

import java.util.Arrays;
import java.util.HexFormat;

/// A `byte[]` with value equality and unsigned lexicographic order, for BYTES values used as keys.
/// The array is not copied: callers must not modify it.
public record ByteArray(byte[] bytes) implements Comparable<ByteArray> {

  @Override
  public boolean equals(Object other) {
    return other instanceof ByteArray that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public int compareTo(ByteArray other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public String toString() {
    return HexFormat.of().formatHex(bytes);
  }
}
