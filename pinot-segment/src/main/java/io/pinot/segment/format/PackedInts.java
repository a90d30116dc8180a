// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.format;

import io.pinot.segment.memory.DataBuffer;
import java.lang.foreign.MemorySegment;

/// Reader of a bit-packed array of non-negative ints of `bits` bits each (1..32).
///
/// On-disk contract: value `i` occupies bits `[i*bits, (i+1)*bits)` of a little-endian bit stream (bit `k` is
/// bit `k % 8` of byte `k / 8`). The packed area is [#packedSize] bytes: the data rounded up to whole 8-byte
/// words plus one 8-byte word of zero padding, so that any value can be read with a single unaligned 8-byte load
/// at `bitOffset / 8` followed by a shift and a mask. Thread-safe (immutable).
public final class PackedInts {
  private final MemorySegment segment;
  private final long base;
  private final int bits;
  private final long mask;
  private final int count;

  /// A reader over `count` values starting at byte `offset` of `buffer`.
  public PackedInts(DataBuffer buffer, long offset, int count, int bits) {
    if (bits < 1 || bits > 32) {
      throw new IllegalStateException("Invalid bits per value " + bits);
    }
    if (offset + packedSize(count, bits) > buffer.size()) {
      throw new IllegalStateException("Packed ints of " + count + " x " + bits + " bits run past the buffer end");
    }
    this.segment = buffer.segment();
    this.base = offset;
    this.bits = bits;
    this.mask = (1L << bits) - 1;
    this.count = count;
  }

  /// Bits needed to store every value in `[0, maxValue]`, at least 1.
  public static int bitsNeeded(long maxValue) {
    return maxValue <= 1 ? 1 : 64 - Long.numberOfLeadingZeros(maxValue);
  }

  /// Bits per dictionary id for a dictionary of `cardinality` values (cardinality 3 needs 2 bits; 0 or 1 need 1).
  public static int bitsForCardinality(int cardinality) {
    return bitsNeeded(cardinality - 1L);
  }

  /// Size in bytes of `count` packed values of `bits` bits, including the trailing padding word.
  public static long packedSize(long count, int bits) {
    return ((count * bits + 63) >>> 6) * 8 + 8;
  }

  public int count() {
    return count;
  }

  public int bits() {
    return bits;
  }

  public int get(int index) {
    long bitOffset = (long) index * bits;
    long word = segment.get(DataBuffer.LONG, base + (bitOffset >>> 3));
    return (int) ((word >>> (bitOffset & 7)) & mask);
  }

  /// Reads the values at `indexes[0..length)` (any order) into `out`.
  public void read(int[] indexes, int length, int[] out) {
    MemorySegment data = segment;
    long start = base;
    int width = bits;
    long valueMask = mask;
    for (int i = 0; i < length; i++) {
      long bitOffset = (long) indexes[i] * width;
      long word = data.get(DataBuffer.LONG, start + (bitOffset >>> 3));
      out[i] = (int) ((word >>> (bitOffset & 7)) & valueMask);
    }
  }

  /// Reads the `length` consecutive values starting at `first` into `out[outOffset..)`.
  public void readRange(int first, int length, int[] out, int outOffset) {
    switch (bits) {
      case 8 -> {
        for (int i = 0; i < length; i++) {
          out[outOffset + i] = segment.get(DataBuffer.BYTE, base + first + i) & 0xFF;
        }
      }
      case 16 -> {
        for (int i = 0; i < length; i++) {
          out[outOffset + i] = segment.get(DataBuffer.SHORT, base + 2L * (first + i)) & 0xFFFF;
        }
      }
      case 32 -> MemorySegment.copy(segment, DataBuffer.INT, base + 4L * first, out, outOffset, length);
      default -> readRangeUnaligned(first, length, out, outOffset);
    }
  }

  private void readRangeUnaligned(int first, int length, int[] out, int outOffset) {
    MemorySegment data = segment;
    long start = base;
    int width = bits;
    long valueMask = mask;
    long bitOffset = (long) first * width;
    int end = outOffset + length;
    for (int i = outOffset; i < end; i++) {
      long word = data.get(DataBuffer.LONG, start + (bitOffset >>> 3));
      out[i] = (int) ((word >>> (bitOffset & 7)) & valueMask);
      bitOffset += width;
    }
  }
}
