// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.bloom;

import io.pinot.spi.data.DataType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/// The 64-bit hash of a stored value, as the bloom filter writes and probes it. Values are canonical per stored
/// type so that equal values always hash alike: INT and LONG by their integral value, FLOAT and DOUBLE by the
/// bits of their value as a double (`-0.0` as `0.0`), STRING by its UTF-8 bytes, BYTES by their bytes, BIG_DECIMAL
/// by the text of its value with trailing zeros stripped (`1.0` and `1.00` alike).
///
/// On-disk contract: the byte hash is an xxHash64-style construction with the constants below and seed 0 (the
/// algorithm's structure, written here from its published description: 8-byte little-endian lanes mixed into
/// one accumulator, then the 64-bit avalanche of MurmurHash3); integral and floating-point values hash their
/// 8-byte little-endian form the same way. Changing any of this is a format change. Stateless utilities.
public final class BloomHashing {
  private static final long P1 = 0x9E3779B185EBCA87L;
  private static final long P2 = 0xC2B2AE3D27D4EB4FL;
  private static final long P3 = 0x165667B19E3779F9L;
  private static final long P4 = 0x85EBCA77C2B2AE63L;
  private static final long P5 = 0x27D4EB2F165667C5L;

  private BloomHashing() {
  }

  /// The hash of a stored value of a column of `storedType` (numbers of any Java type are converted first).
  ///
  /// @throws IllegalArgumentException when the value is not a value of the type
  public static long hash(Object value, DataType storedType) {
    return switch (storedType) {
      case INT, LONG -> hashLong(((Number) value).longValue());
      case FLOAT, DOUBLE -> hashDouble(((Number) value).doubleValue());
      case STRING -> hashBytes(value.toString().getBytes(StandardCharsets.UTF_8));
      case BYTES -> hashBytes((byte[]) value);
      case BIG_DECIMAL -> hashDecimal(value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString()));
      default -> throw new IllegalArgumentException("No bloom filter hashing for type " + storedType);
    };
  }

  public static long hashLong(long value) {
    long h = P5 + 8;
    h ^= lane(value);
    h = Long.rotateLeft(h, 27) * P1 + P4;
    return avalanche(h);
  }

  public static long hashDouble(double value) {
    return hashLong(Double.doubleToLongBits(value + 0.0));
  }

  public static long hashDecimal(BigDecimal value) {
    return hashBytes(value.stripTrailingZeros().toString().getBytes(StandardCharsets.UTF_8));
  }

  public static long hashBytes(byte[] bytes) {
    return hashBytes(bytes, 0, bytes.length);
  }

  public static long hashBytes(byte[] bytes, int offset, int length) {
    long h = P5 + length;
    int i = offset;
    int end = offset + length;
    for (; i + 8 <= end; i += 8) {
      h ^= lane(littleEndianLong(bytes, i));
      h = Long.rotateLeft(h, 27) * P1 + P4;
    }
    if (i < end) {
      long tail = 0;
      for (int shift = 0; i < end; i++, shift += 8) {
        tail |= (bytes[i] & 0xFFL) << shift;
      }
      h ^= lane(tail);
      h = Long.rotateLeft(h, 23) * P2 + P3;
    }
    return avalanche(h);
  }

  /// A second, independent-enough hash for double hashing; always odd so that probes cover every bit position.
  static long secondHash(long hash) {
    return avalanche(hash ^ P3) | 1;
  }

  private static long lane(long value) {
    return Long.rotateLeft(value * P2, 31) * P1;
  }

  private static long littleEndianLong(byte[] bytes, int offset) {
    long value = 0;
    for (int i = 7; i >= 0; i--) {
      value = value << 8 | (bytes[offset + i] & 0xFFL);
    }
    return value;
  }

  /// MurmurHash3's fmix64 finalizer.
  private static long avalanche(long value) {
    long h = value;
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    h *= 0xC4CEB9FE1A85EC53L;
    h ^= h >>> 33;
    return h;
  }
}
