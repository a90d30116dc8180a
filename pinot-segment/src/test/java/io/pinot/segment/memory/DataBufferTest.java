// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.foreign.Arena;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataBufferTest {
  @TempDir
  Path dir;

  @Test
  void readsLittleEndianValuesAtUnalignedOffsets() {
    ByteBuffer bytes = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
    bytes.put(0, (byte) 0x7F);
    bytes.putInt(1, Integer.MIN_VALUE);
    bytes.putLong(5, Long.MAX_VALUE);
    bytes.putFloat(13, -0.0f);
    bytes.putDouble(17, Double.NaN);
    bytes.putShort(25, (short) -2);
    DataBuffer buffer = DataBuffer.wrap(bytes.array());

    assertThat(buffer.getByte(0)).isEqualTo((byte) 0x7F);
    assertThat(buffer.getInt(1)).isEqualTo(Integer.MIN_VALUE);
    assertThat(buffer.getLong(5)).isEqualTo(Long.MAX_VALUE);
    assertThat(Float.floatToRawIntBits(buffer.getFloat(13))).isEqualTo(Float.floatToRawIntBits(-0.0f));
    assertThat(buffer.getDouble(17)).isNaN();
    assertThat(buffer.getShort(25)).isEqualTo((short) -2);
    assertThat(buffer.size()).isEqualTo(64);
  }

  @Test
  void bulkCopiesAndViews() {
    ByteBuffer bytes = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < 10; i++) {
      bytes.putInt(i * 4, i * 1000 - 3);
    }
    DataBuffer buffer = DataBuffer.wrap(bytes.array());
    int[] ints = new int[4];
    buffer.copyInts(8, ints, 1, 3);
    assertThat(ints).containsExactly(0, 1997, 2997, 3997);

    DataBuffer view = buffer.view(12, 8);
    assertThat(view.size()).isEqualTo(8);
    assertThat(view.getInt(0)).isEqualTo(2997);
    assertThatThrownBy(() -> view.getInt(8)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThat(buffer.getBytes(0, 4)).containsExactly(-3, -1, -1, -1);
    assertThat(buffer.asByteBuffer(4, 4).getInt(0)).isEqualTo(997);
  }

  @Test
  void viewsAreReadOnly() {
    DataBuffer buffer = DataBuffer.wrap(new byte[8]);
    assertThat(buffer.segment().isReadOnly()).isTrue();
  }

  @Test
  void mapsFilesLargerThanTwoGigabytes() throws IOException {
    Path file = dir.resolve("sparse.bin");
    long offset = (1L << 31) + 12345;
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(offset + 16);
      raf.seek(offset);
      raf.write(new byte[] {0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08});
    }
    try (Arena arena = Arena.ofConfined()) {
      DataBuffer buffer = DataBuffer.mapReadOnly(file, arena);
      assertThat(buffer.size()).isEqualTo(offset + 16);
      assertThat(buffer.getLong(offset)).isEqualTo(0x0807060504030201L);
      assertThat(buffer.getInt(offset + 1)).isEqualTo(0x05040302);
      assertThat(buffer.getByte(offset - 1)).isZero();
    } finally {
      Files.delete(file);
    }
  }

  @Test
  void accessAfterTheArenaClosesFails() throws IOException {
    Path file = dir.resolve("small.bin");
    Files.write(file, new byte[] {1, 0, 0, 0});
    Arena arena = Arena.ofShared();
    DataBuffer buffer = DataBuffer.mapReadOnly(file, arena);
    assertThat(buffer.getInt(0)).isEqualTo(1);
    arena.close();
    assertThatThrownBy(() -> buffer.getInt(0)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void mapsEmptyFiles() throws IOException {
    Path file = dir.resolve("empty.bin");
    Files.write(file, new byte[0]);
    try (Arena arena = Arena.ofConfined()) {
      assertThat(DataBuffer.mapReadOnly(file, arena).size()).isZero();
    }
  }
}
