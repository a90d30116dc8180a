// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.datatable;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/// A growable big-endian byte array with absolute and appending writes, used to assemble DataTable
/// sections without per-value allocation. Not thread-safe.
final class ByteSink {
  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private byte[] bytes;
  private int size;

  ByteSink(int initialCapacity) {
    bytes = new byte[Math.max(16, initialCapacity)];
  }

  int size() {
    return size;
  }

  /// Appends `length` zero bytes and returns the offset of the first one.
  int reserve(int length) {
    ensure(length);
    int offset = size;
    Arrays.fill(bytes, offset, offset + length, (byte) 0);
    size += length;
    return offset;
  }

  void putInt(int offset, int value) {
    INT.set(bytes, offset, value);
  }

  void putLong(int offset, long value) {
    LONG.set(bytes, offset, value);
  }

  void writeInt(int value) {
    ensure(4);
    INT.set(bytes, size, value);
    size += 4;
  }

  void writeLong(long value) {
    ensure(8);
    LONG.set(bytes, size, value);
    size += 8;
  }

  void writeByte(int value) {
    ensure(1);
    bytes[size++] = (byte) value;
  }

  void write(byte[] value) {
    ensure(value.length);
    System.arraycopy(value, 0, bytes, size, value.length);
    size += value.length;
  }

  /// Writes `int32 length` followed by the UTF-8 bytes of the string.
  void writeString(String value) {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    writeInt(utf8.length);
    write(utf8);
  }

  byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  /// Copies the content into `target` at `offset`.
  void copyTo(byte[] target, int offset) {
    System.arraycopy(bytes, 0, target, offset, size);
  }

  private void ensure(int extra) {
    int needed = size + extra;
    if (needed > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(needed, bytes.length * 2));
    }
  }
}
