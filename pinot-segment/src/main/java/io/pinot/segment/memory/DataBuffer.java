// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.memory;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/// A read-only view of bytes (a memory-mapped file, a slice of one, or heap memory), addressed with `long`
/// offsets so that files larger than 2 GB work. Every multi-byte value is **little-endian** and may sit at
/// any (unaligned) offset: this is the byte order of every segment file.
///
/// The buffer does not own its memory: the [Arena] that mapped it does, and closing that arena makes every
/// later access throw [IllegalStateException]. Thread-safe for concurrent reads (no mutable state).
public final class DataBuffer {
  /// Little-endian, unaligned value layouts used by all readers of the segment format.
  public static final ValueLayout.OfByte BYTE = ValueLayout.JAVA_BYTE;
  public static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  public static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  public static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  public static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  public static final ValueLayout.OfDouble DOUBLE =
      ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

  private final MemorySegment segment;

  private DataBuffer(MemorySegment segment) {
    this.segment = segment.asReadOnly();
  }

  /// Wraps a memory segment (made read-only).
  public static DataBuffer wrap(MemorySegment segment) {
    return new DataBuffer(Objects.requireNonNull(segment, "segment is null"));
  }

  /// Wraps a heap byte array (for tests and small in-memory buffers).
  public static DataBuffer wrap(byte[] bytes) {
    return new DataBuffer(MemorySegment.ofArray(bytes));
  }

  /// Memory-maps a whole file read-only; the mapping lives until `arena` is closed.
  public static DataBuffer mapReadOnly(Path file, Arena arena) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size == 0) {
        return new DataBuffer(MemorySegment.ofArray(new byte[0]));
      }
      return new DataBuffer(channel.map(FileChannel.MapMode.READ_ONLY, 0, size, arena));
    }
  }

  /// The underlying segment, for hot loops that want to avoid one indirection.
  public MemorySegment segment() {
    return segment;
  }

  public long size() {
    return segment.byteSize();
  }

  public byte getByte(long offset) {
    return segment.get(BYTE, offset);
  }

  public short getShort(long offset) {
    return segment.get(SHORT, offset);
  }

  public int getInt(long offset) {
    return segment.get(INT, offset);
  }

  public long getLong(long offset) {
    return segment.get(LONG, offset);
  }

  public float getFloat(long offset) {
    return segment.get(FLOAT, offset);
  }

  public double getDouble(long offset) {
    return segment.get(DOUBLE, offset);
  }

  /// Copies `length` bytes starting at `offset` into `destination[destinationOffset..)`.
  public void copyTo(long offset, byte[] destination, int destinationOffset, int length) {
    MemorySegment.copy(segment, BYTE, offset, destination, destinationOffset, length);
  }

  /// A fresh array with the `length` bytes starting at `offset`.
  public byte[] getBytes(long offset, int length) {
    byte[] bytes = new byte[length];
    copyTo(offset, bytes, 0, length);
    return bytes;
  }

  /// Bulk copy of `count` little-endian ints starting at `offset`.
  public void copyInts(long offset, int[] destination, int destinationOffset, int count) {
    MemorySegment.copy(segment, INT, offset, destination, destinationOffset, count);
  }

  public void copyLongs(long offset, long[] destination, int destinationOffset, int count) {
    MemorySegment.copy(segment, LONG, offset, destination, destinationOffset, count);
  }

  public void copyFloats(long offset, float[] destination, int destinationOffset, int count) {
    MemorySegment.copy(segment, FLOAT, offset, destination, destinationOffset, count);
  }

  public void copyDoubles(long offset, double[] destination, int destinationOffset, int count) {
    MemorySegment.copy(segment, DOUBLE, offset, destination, destinationOffset, count);
  }

  /// A view of `length` bytes starting at `offset` (no copy).
  public DataBuffer view(long offset, long length) {
    return new DataBuffer(segment.asSlice(offset, length));
  }

  /// A little-endian [ByteBuffer] view of `length` bytes (no copy), for libraries that need one
  /// (RoaringBitmap). `length` must be below 2 GB.
  public ByteBuffer asByteBuffer(long offset, long length) {
    return segment.asSlice(offset, length).asByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
  }

  @Override
  public String toString() {
    return "DataBuffer[size=" + segment.byteSize() + "]";
  }
}
