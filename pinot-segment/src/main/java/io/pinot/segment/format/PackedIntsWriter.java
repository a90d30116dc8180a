// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.format;

import java.io.IOException;

/// Streams bit-packed ints into a [SegmentFileWriter] in the layout read by [PackedInts]: values of `bits` bits
/// in a little-endian bit stream, whole 8-byte words, then one zero padding word. Not thread-safe.
public final class PackedIntsWriter {
  private final SegmentFileWriter out;
  private final int bits;
  private final long limit;
  private long word;
  private int used;
  private long count;
  private boolean finished;

  public PackedIntsWriter(SegmentFileWriter out, int bits) {
    if (bits < 1 || bits > 32) {
      throw new IllegalArgumentException("Invalid bits per value " + bits);
    }
    this.out = out;
    this.bits = bits;
    this.limit = 1L << bits;
  }

  /// Writes `values[from..from+length)` with `bits` bits each, then the padding.
  public static void write(SegmentFileWriter out, int[] values, int from, int length, int bits) throws IOException {
    PackedIntsWriter writer = new PackedIntsWriter(out, bits);
    for (int i = from; i < from + length; i++) {
      writer.add(values[i]);
    }
    writer.finish();
  }

  public void add(int value) throws IOException {
    long unsigned = value & 0xFFFFFFFFL;
    if (unsigned >= limit) {
      throw new IllegalArgumentException("Value " + unsigned + " does not fit in " + bits + " bits");
    }
    word |= unsigned << used;
    used += bits;
    if (used >= 64) {
      out.writeLong(word);
      used -= 64;
      word = used == 0 ? 0 : unsigned >>> (bits - used);
    }
    count++;
  }

  /// Number of values added.
  public long count() {
    return count;
  }

  /// Flushes the last partial word and writes the padding word. Idempotent.
  public void finish() throws IOException {
    if (finished) {
      return;
    }
    finished = true;
    if (used > 0) {
      out.writeLong(word);
    }
    out.writeLong(0);
  }
}
