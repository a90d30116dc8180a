// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pinot.segment.memory.DataBuffer;
import io.pinot.segment.testing.IndexFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackedIntsTest {
  @TempDir
  Path dir;

  @Test
  void bitsNeededIsTheMinimum() {
    assertThat(PackedInts.bitsForCardinality(0)).isEqualTo(1);
    assertThat(PackedInts.bitsForCardinality(1)).isEqualTo(1);
    assertThat(PackedInts.bitsForCardinality(2)).isEqualTo(1);
    assertThat(PackedInts.bitsForCardinality(3)).isEqualTo(2);
    assertThat(PackedInts.bitsForCardinality(4)).isEqualTo(2);
    assertThat(PackedInts.bitsForCardinality(5)).isEqualTo(3);
    assertThat(PackedInts.bitsForCardinality(255)).isEqualTo(8);
    assertThat(PackedInts.bitsForCardinality(256)).isEqualTo(8);
    assertThat(PackedInts.bitsForCardinality(257)).isEqualTo(9);
    assertThat(PackedInts.bitsForCardinality(Integer.MAX_VALUE)).isEqualTo(31);
    assertThat(PackedInts.bitsNeeded(0xFFFFFFFFL)).isEqualTo(32);
  }

  @Test
  void packedSizeCoversWholeWordsPlusPadding() {
    assertThat(PackedInts.packedSize(0, 5)).isEqualTo(8);
    assertThat(PackedInts.packedSize(1, 1)).isEqualTo(16);
    assertThat(PackedInts.packedSize(64, 1)).isEqualTo(16);
    assertThat(PackedInts.packedSize(65, 1)).isEqualTo(24);
    assertThat(PackedInts.packedSize(3, 32)).isEqualTo(24);
  }

  @Test
  void roundTripsEveryWidthAndBoundaryCount() throws IOException {
    Random random = new Random(7);
    for (int bits = 1; bits <= 32; bits++) {
      for (int count : new int[] {0, 1, 7, 8, 9, 63, 64, 65, 1000}) {
        int[] values = randomValues(random, count, bits);
        PackedInts packed = write(values, bits);
        assertThat(packed.count()).isEqualTo(count);
        for (int i = 0; i < count; i++) {
          assertThat(packed.get(i)).as("bits %d count %d index %d", bits, count, i).isEqualTo(values[i]);
        }
        checkRanges(packed, values);
      }
    }
  }

  @Test
  void readsScatteredIndexes() throws IOException {
    int[] values = randomValues(new Random(3), 5000, 13);
    PackedInts packed = write(values, 13);
    int[] indexes = {4999, 0, 17, 17, 2500, 4096, 1};
    int[] out = new int[indexes.length];
    packed.read(indexes, indexes.length, out);
    for (int i = 0; i < indexes.length; i++) {
      assertThat(out[i]).isEqualTo(values[indexes[i]]);
    }
  }

  @Test
  void extremeValuesSurviveAtEveryWidth() throws IOException {
    for (int bits = 1; bits <= 32; bits++) {
      int max = (int) ((1L << bits) - 1);
      int[] values = {max, 0, max, max, 0};
      PackedInts packed = write(values, bits);
      for (int i = 0; i < values.length; i++) {
        assertThat(packed.get(i)).isEqualTo(values[i]);
      }
    }
  }

  @Test
  void rejectsValuesWiderThanTheBitWidth() throws IOException {
    assertThatThrownBy(() -> write(new int[] {4}, 2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not fit in 2 bits");
    assertThatThrownBy(() -> write(new int[] {-1}, 31)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsAreasRunningPastTheBuffer() {
    DataBuffer buffer = DataBuffer.wrap(new byte[15]);
    assertThatThrownBy(() -> new PackedInts(buffer, 0, 1, 1)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new PackedInts(DataBuffer.wrap(new byte[64]), 0, 1, 33))
        .isInstanceOf(IllegalStateException.class);
  }

  private void checkRanges(PackedInts packed, int[] values) {
    int count = values.length;
    int[] out = new int[count + 2];
    for (int start : new int[] {0, 1, count / 3, Math.max(0, count - 1)}) {
      if (start > count) {
        continue;
      }
      int length = count - start;
      packed.readRange(start, length, out, 2);
      for (int i = 0; i < length; i++) {
        assertThat(out[2 + i]).isEqualTo(values[start + i]);
      }
    }
  }

  private static int[] randomValues(Random random, int count, int bits) {
    int[] values = new int[count];
    for (int i = 0; i < count; i++) {
      values[i] = (int) (random.nextLong() & ((1L << bits) - 1));
    }
    return values;
  }

  private PackedInts write(int[] values, int bits) throws IOException {
    IndexFiles.Written written = IndexFiles.write(dir, out -> {
      out.beginIndex("c", IndexType.FORWARD_INDEX);
      PackedIntsWriter.write(out, values, 0, values.length, bits);
      out.endIndex();
    });
    DataBuffer view = written.view("c", IndexType.FORWARD_INDEX);
    assertThat(view.size()).isEqualTo(PackedInts.packedSize(values.length, bits));
    return new PackedInts(view, 0, values.length, bits);
  }
}
