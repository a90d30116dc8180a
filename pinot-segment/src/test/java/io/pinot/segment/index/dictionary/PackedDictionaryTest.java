// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.dictionary;

import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.segment.format.SegmentFormat;
import io.pinot.segment.memory.DataBuffer;
import io.pinot.segment.spi.Dictionary;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// INT and LONG dictionaries in the block-wise frame-of-reference layout (`DFOR`) at block boundaries, and the
/// choice between `DFOR` and `DFIX`.
class PackedDictionaryTest {
  @ParameterizedTest
  @ValueSource(ints = {2, 63, 64, 65, 127, 128, 129, 1000, 100_000})
  void denseLongsArePackedAndReadBack(int cardinality) {
    Random random = new Random(cardinality);
    long[] values = new long[cardinality];
    long value = 1_700_000_000_000L;
    for (int i = 0; i < cardinality; i++) {
      value += 1 + random.nextInt(1500);
      values[i] = value;
    }
    byte[] buffer = Dictionaries.buildLongs(values, cardinality);
    // Two values do not repay the block header; from a block on, 11-bit offsets beat 64-bit values.
    assertThat(tag(buffer)).isEqualTo(cardinality == 2 ? SegmentFormat.TAG_DICTIONARY_FIXED
        : SegmentFormat.TAG_DICTIONARY_FOR);
    if (cardinality > 2) {
      assertThat((long) buffer.length).isLessThan(8L * cardinality / 2 + 64);
    }
    Dictionary dictionary = Dictionaries.open(buffer);
    assertThat(dictionary.length()).isEqualTo(cardinality);
    int[] ids = new int[cardinality];
    for (int i = 0; i < cardinality; i++) {
      ids[i] = i;
      assertThat(dictionary.getLongValue(i)).isEqualTo(values[i]);
      assertThat(dictionary.indexOf(values[i])).isEqualTo(i);
      assertThat(dictionary.insertionIndexOf(values[i] + 1)).isEqualTo(values[i] + 1 == (i + 1 < cardinality
          ? values[i + 1] : Long.MIN_VALUE) ? i + 1 : -(i + 1) - 1);
    }
    long[] out = new long[cardinality];
    dictionary.readLongValues(ids, cardinality, out);
    assertThat(out).isEqualTo(values);
    assertThat(dictionary.insertionIndexOf(values[0] - 1)).isEqualTo(-1);
    assertThat(dictionary.insertionIndexOf(Long.MAX_VALUE)).isEqualTo(-cardinality - 1);
  }

  @Test
  void intsAtTheTypeLimitsStayPlainButDenseOnesArePacked() {
    int[] extremes = {Integer.MIN_VALUE, -1, 0, Integer.MAX_VALUE};
    byte[] plain = Dictionaries.buildInts(extremes, 4);
    assertThat(tag(plain)).isEqualTo(SegmentFormat.TAG_DICTIONARY_FIXED);
    assertThat(Dictionaries.open(plain).getIntValue(0)).isEqualTo(Integer.MIN_VALUE);
    int[] dense = new int[500];
    for (int i = 0; i < dense.length; i++) {
      dense[i] = -250 + i;
    }
    Dictionary packed = Dictionaries.open(Dictionaries.buildInts(dense, dense.length));
    assertThat(packed.getIntValue(0)).isEqualTo(-250);
    assertThat(packed.getIntValue(499)).isEqualTo(249);
    assertThat(packed.indexOf(0)).isEqualTo(250);
    assertThat(packed.indexOf(0.5)).isEqualTo(-1);
    assertThat(packed.insertionIndexOf(1000)).isEqualTo(-501);
    double[] doubles = new double[2];
    packed.readDoubleValues(new int[] {0, 499}, 2, doubles);
    assertThat(doubles).containsExactly(-250.0, 249.0);
  }

  @Test
  void blocksSpanningTwoToThe32StayPlain() {
    long[] values = {0, 1L << 32};
    assertThat(tag(Dictionaries.buildLongs(values, 2))).isEqualTo(SegmentFormat.TAG_DICTIONARY_FIXED);
    long[] wide = {Long.MIN_VALUE, Long.MAX_VALUE};
    Dictionary dictionary = Dictionaries.open(Dictionaries.buildLongs(wide, 2));
    assertThat(dictionary.getLongValue(1)).isEqualTo(Long.MAX_VALUE);
    // Spans just under 2^32 per block pack with 32 bits.
    long[] edge = new long[130];
    for (int i = 0; i < edge.length; i++) {
      edge[i] = i % 64 == 63 ? edge[i - 1] + 0xFFFFFFFFL - 62 : i == 0 ? -5 : edge[i - 1] + 1;
    }
    long[] sorted = Arrays.copyOf(edge, edge.length);
    Arrays.sort(sorted);
    assertThat(sorted).isEqualTo(edge);
    byte[] buffer = Dictionaries.buildLongs(edge, edge.length);
    Dictionary packed = Dictionaries.open(buffer);
    for (int i = 0; i < edge.length; i++) {
      assertThat(packed.getLongValue(i)).isEqualTo(edge[i]);
    }
  }

  private static String tag(byte[] buffer) {
    return new String(DataBuffer.wrap(buffer).getBytes(0, 4), java.nio.charset.StandardCharsets.US_ASCII);
  }
}
