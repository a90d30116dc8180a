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
    long bitOffset = (long) first * bits;
    int end = outOffset + length;
    // Each case passes its width as a constant, so that the JIT unrolls the unpacking of one word's values.
    int done = switch (bits) {
      case 1 -> unpackWords(segment, base, bitOffset, out, outOffset, end, 1);
      case 2 -> unpackWords(segment, base, bitOffset, out, outOffset, end, 2);
      case 3 -> unpackWords(segment, base, bitOffset, out, outOffset, end, 3);
      case 4 -> unpackWords(segment, base, bitOffset, out, outOffset, end, 4);
      case 5 -> unpackWords(segment, base, bitOffset, out, outOffset, end, 5);
      case 6 -> unpackWords(segment, base, bitOffset, out, outOffset, end, 6);
      case 7 -> unpackWords(segment, base, bitOffset, out, outOffset, end, 7);
      case 9 -> unpackWords(segment, base, bitOffset, out, outOffset, end, 9);
      case 10 -> unpackWords(segment, base, bitOffset, out, outOffset, end, 10);
      case 11 -> unpackWords(segment, base, bitOffset, out, outOffset, end, 11);
      case 12 -> unpackWords(segment, base, bitOffset, out, outOffset, end, 12);
      case 13 -> unpackWords(segment, base, bitOffset, out, outOffset, end, 13);
      case 14 -> unpackWords(segment, base, bitOffset, out, outOffset, end, 14);
      default -> outOffset;
    };
    MemorySegment data = segment;
    long start = base;
    int width = bits;
    long valueMask = mask;
    bitOffset += (long) (done - outOffset) * width;
    for (int i = done; i < end; i++) {
      long word = data.get(DataBuffer.LONG, start + (bitOffset >>> 3));
      out[i] = (int) ((word >>> (bitOffset & 7)) & valueMask);
      bitOffset += width;
    }
  }

  /// Unpacks values of `width` bits into `out[from, ...)` several per unaligned 8-byte read (all that fit in the
  /// 57 bits a read holds after its first value's shift), as long as whole reads fit before `end`; returns the index
  /// of the first value not unpacked.
  private static int unpackWords(MemorySegment data, long start, long firstBit, int[] out, int from, int end,
      int width) {
    int perWord = 57 / width;
    long valueMask = (1L << width) - 1;
    long bitOffset = firstBit;
    int i = from;
    for (; i + perWord <= end; i += perWord) {
      long word = data.get(DataBuffer.LONG, start + (bitOffset >>> 3)) >>> (bitOffset & 7);
      for (int j = 0; j < perWord; j++) {
        out[i + j] = (int) (word >>> (j * width) & valueMask);
      }
      bitOffset += (long) perWord * width;
    }
    return i;
  }
}
