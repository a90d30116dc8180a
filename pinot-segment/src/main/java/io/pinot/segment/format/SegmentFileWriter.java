// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.format;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import org.jspecify.annotations.Nullable;

/// Sequential little-endian writer of `columns.psf`: writes the file header, then one index buffer after another
/// (each started by [#beginIndex] at an 8-byte aligned offset and closed by [#endIndex]), and records the
/// [IndexMap] entries. Keeps a CRC32C of every byte written. Not thread-safe.
public final class SegmentFileWriter implements Closeable {
  private static final int BUFFER_SIZE = 1 << 20;

  private final FileChannel channel;
  private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
  private final CRC32C crc = new CRC32C();
  private final List<IndexMap.Entry> entries = new ArrayList<>();
  private long flushed;
  private @Nullable String openColumn;
  private @Nullable IndexType openType;
  private long openStart;

  public SegmentFileWriter(Path file) throws IOException {
    channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    buffer.put(SegmentFormat.FILE_MAGIC);
    buffer.putInt(SegmentFormat.FILE_VERSION);
    buffer.putInt(0);
  }

  /// Current file position.
  public long position() {
    return flushed + buffer.position();
  }

  /// Pads to the alignment and starts the buffer of one index of one column.
  public void beginIndex(String column, IndexType type) throws IOException {
    if (openColumn != null) {
      throw new IllegalStateException("Index " + openColumn + "." + openType + " is still open");
    }
    padTo(SegmentFormat.align(position()));
    openColumn = column;
    openType = type;
    openStart = position();
  }

  /// Starts an index buffer and writes its tag and version.
  public void beginIndex(String column, IndexType type, String tag) throws IOException {
    beginIndex(column, type);
    writeBytes(tag.getBytes(StandardCharsets.US_ASCII));
    writeInt(SegmentFormat.INDEX_VERSION);
  }

  public void endIndex() {
    if (openColumn == null || openType == null) {
      throw new IllegalStateException("No open index");
    }
    entries.add(new IndexMap.Entry(openColumn, openType, openStart, position() - openStart));
    openColumn = null;
    openType = null;
  }

  public void writeByte(int value) throws IOException {
    ensure(1);
    buffer.put((byte) value);
  }

  public void writeInt(int value) throws IOException {
    ensure(4);
    buffer.putInt(value);
  }

  public void writeLong(long value) throws IOException {
    ensure(8);
    buffer.putLong(value);
  }

  public void writeFloat(float value) throws IOException {
    ensure(4);
    buffer.putFloat(value);
  }

  public void writeDouble(double value) throws IOException {
    ensure(8);
    buffer.putDouble(value);
  }

  public void writeBytes(byte[] bytes) throws IOException {
    writeBytes(bytes, 0, bytes.length);
  }

  public void writeBytes(byte[] bytes, int offset, int length) throws IOException {
    int written = 0;
    while (written < length) {
      if (!buffer.hasRemaining()) {
        flush();
      }
      int chunk = Math.min(buffer.remaining(), length - written);
      buffer.put(bytes, offset + written, chunk);
      written += chunk;
    }
  }

  /// Writes the remaining bytes of `source` (consumed).
  public void writeBuffer(ByteBuffer source) throws IOException {
    while (source.hasRemaining()) {
      if (!buffer.hasRemaining()) {
        flush();
      }
      int chunk = Math.min(buffer.remaining(), source.remaining());
      ByteBuffer slice = source.slice(source.position(), chunk);
      buffer.put(slice);
      source.position(source.position() + chunk);
    }
  }

  /// Scratch space of at least `size` bytes (at most 1 MiB) at the write position: the caller fills it with
  /// little-endian data through the returned buffer's relative puts, which advance the write position.
  public ByteBuffer reserve(int size) throws IOException {
    if (size > BUFFER_SIZE) {
      throw new IllegalArgumentException("Cannot reserve " + size + " bytes");
    }
    ensure(size);
    return buffer;
  }

  /// Writes zero bytes up to `target`.
  public void padTo(long target) throws IOException {
    while (position() < target) {
      writeByte(0);
    }
  }

  /// Adds bytes that are not part of the file (the `index_map` text) to the running checksum.
  public void updateChecksum(byte[] bytes) throws IOException {
    flush();
    crc.update(bytes, 0, bytes.length);
  }

  /// The CRC32C of every byte written so far (flushes pending bytes).
  public long crc() throws IOException {
    flush();
    return crc.getValue();
  }

  public List<IndexMap.Entry> entries() {
    return List.copyOf(entries);
  }

  @Override
  public void close() throws IOException {
    // No fsync: a segment is rebuilt or re-downloaded after a crash; the deep store copy is the durable one.
    try {
      flush();
    } finally {
      channel.close();
    }
  }

  private void ensure(int size) throws IOException {
    if (buffer.remaining() < size) {
      flush();
    }
  }

  private void flush() throws IOException {
    buffer.flip();
    crc.update(buffer.array(), 0, buffer.limit());
    while (buffer.hasRemaining()) {
      flushed += channel.write(buffer);
    }
    buffer.clear();
  }
}
