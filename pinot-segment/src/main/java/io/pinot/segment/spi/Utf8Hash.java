// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.spi;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/// A 64-bit hash of a string's UTF-8 bytes that gives the same value whether the bytes are in an array, in mapped
/// memory, or stored as the decoded bytes of lower-case hexadecimal text (a raw column's hex chunks, see
/// [#hashHex]), so sketches fed from any of them agree without materializing the text. Eight bytes are mixed at a
/// time (little-endian words), the length last, then a final avalanche. Not for security. Stateless.
public final class Utf8Hash {
  private static final ValueLayout.OfLong LONG_LE = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  private static final long SEED = 0x9E3779B97F4A7C15L;
  private static final long MULTIPLIER = 0xBF58476D1CE4E5B9L;
  /// Byte → its two lower-case hex digits, the high digit in the low byte (text order in a little-endian word).
  private static final long[] HEX_PAIRS = new long[256];

  static {
    byte[] digits = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    for (int b = 0; b < 256; b++) {
      HEX_PAIRS[b] = digits[b >>> 4] | (long) digits[b & 0xF] << 8;
    }
  }

  private Utf8Hash() {
  }

  public static long hash(String value) {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    return hash(utf8, 0, utf8.length);
  }

  public static long hash(byte[] bytes, int offset, int length) {
    return hash(MemorySegment.ofArray(bytes), offset, length);
  }

  public static long hash(MemorySegment memory, long offset, int length) {
    long h = SEED;
    int i = 0;
    for (; i + 8 <= length; i += 8) {
      h = step(h, memory.get(LONG_LE, offset + i));
    }
    if (i < length) {
      long tail = 0;
      for (int k = 0; i + k < length; k++) {
        tail |= (memory.get(ValueLayout.JAVA_BYTE, offset + i + k) & 0xFFL) << (8 * k);
      }
      h = step(h, tail);
    }
    return finish(h, length);
  }

  /// The hash of the lower-case hexadecimal text (two digits per byte) of `numBytes` bytes at `offset`: equal to
  /// [#hash(byte[], int, int)] of the text's bytes.
  public static long hashHex(MemorySegment memory, long offset, int numBytes) {
    long h = SEED;
    int i = 0;
    // four bytes make one word of eight digits
    for (; i + 4 <= numBytes; i += 4) {
      long word = HEX_PAIRS[memory.get(ValueLayout.JAVA_BYTE, offset + i) & 0xFF]
          | HEX_PAIRS[memory.get(ValueLayout.JAVA_BYTE, offset + i + 1) & 0xFF] << 16
          | HEX_PAIRS[memory.get(ValueLayout.JAVA_BYTE, offset + i + 2) & 0xFF] << 32
          | HEX_PAIRS[memory.get(ValueLayout.JAVA_BYTE, offset + i + 3) & 0xFF] << 48;
      h = step(h, word);
    }
    if (i < numBytes) {
      long tail = 0;
      for (int k = 0; i + k < numBytes; k++) {
        tail |= HEX_PAIRS[memory.get(ValueLayout.JAVA_BYTE, offset + i + k) & 0xFF] << (16 * k);
      }
      h = step(h, tail);
    }
    return finish(h, 2 * numBytes);
  }

  private static long step(long h, long word) {
    long x = (h ^ word) * MULTIPLIER;
    return x ^ (x >>> 31);
  }

  private static long finish(long h, int length) {
    long x = h ^ length;
    x = (x ^ (x >>> 30)) * MULTIPLIER;
    x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
    return x ^ (x >>> 31);
  }
}
