// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.dictionary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pinot.segment.format.IndexType;
import io.pinot.segment.spi.Dictionary;
import io.pinot.segment.testing.IndexFiles;
import io.pinot.spi.data.DataType;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NumericDictionaryTest {
  @TempDir
  Path dir;

  @Test
  void intDictionaryAtTypeLimits() throws IOException {
    int[] values = {Integer.MIN_VALUE, -1, 0, 1, Integer.MAX_VALUE};
    Dictionary dictionary = ints(values);
    assertThat(dictionary.valueType()).isEqualTo(DataType.INT);
    assertThat(dictionary.length()).isEqualTo(5);
    for (int i = 0; i < values.length; i++) {
      assertThat(dictionary.indexOf(values[i])).isEqualTo(i);
      assertThat(dictionary.get(i)).isEqualTo(values[i]);
      assertThat(dictionary.getStringValue(i)).isEqualTo(Integer.toString(values[i]));
    }
    assertThat(dictionary.indexOf(1L)).isEqualTo(3);
    assertThat(dictionary.indexOf(1.0d)).isEqualTo(3);
    assertThat(dictionary.indexOf((short) -1)).isEqualTo(1);
    assertThat(dictionary.indexOf(" 0 ")).isEqualTo(2);
    assertThat(dictionary.indexOf(new BigDecimal("1.000"))).isEqualTo(3);
    assertThat(dictionary.indexOf(1.5)).isEqualTo(-1);
    assertThat(dictionary.insertionIndexOf(1.5)).isEqualTo(-5);
    assertThat(dictionary.insertionIndexOf(-0.5f)).isEqualTo(-3);
    assertThat(dictionary.insertionIndexOf(new BigDecimal("-1.5"))).isEqualTo(-2);
    assertThat(dictionary.insertionIndexOf(Long.MAX_VALUE)).isEqualTo(-6);
    assertThat(dictionary.insertionIndexOf((long) Integer.MIN_VALUE - 1)).isEqualTo(-1);
    assertThat(dictionary.insertionIndexOf(-1e300)).isEqualTo(-1);
    assertThat(dictionary.insertionIndexOf(Double.NaN)).isEqualTo(-6);
    assertThat(dictionary.insertionIndexOf("Infinity")).isEqualTo(-6);
    assertThat(dictionary.insertionIndexOf("2147483647.5")).isEqualTo(-6);
    assertThatThrownBy(() -> dictionary.indexOf("abc")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> dictionary.getBytesValue(0)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void intDictionaryBulkReadsConvert() throws IOException {
    Dictionary dictionary = ints(new int[] {-7, 3, 1_000_000});
    int[] dictIds = {2, 0, 0, 1};
    int[] ints = new int[4];
    long[] longs = new long[4];
    float[] floats = new float[4];
    double[] doubles = new double[4];
    String[] strings = new String[4];
    dictionary.readIntValues(dictIds, 4, ints);
    dictionary.readLongValues(dictIds, 4, longs);
    dictionary.readFloatValues(dictIds, 4, floats);
    dictionary.readDoubleValues(dictIds, 4, doubles);
    dictionary.readStringValues(dictIds, 3, strings);
    assertThat(ints).containsExactly(1_000_000, -7, -7, 3);
    assertThat(longs).containsExactly(1_000_000L, -7L, -7L, 3L);
    assertThat(floats).containsExactly(1_000_000f, -7f, -7f, 3f);
    assertThat(doubles).containsExactly(1_000_000d, -7d, -7d, 3d);
    assertThat(strings).containsExactly("1000000", "-7", "-7", null);
  }

  @Test
  void searchFindsEveryValueAndGapAtBoundarySizes() throws IOException {
    for (int size : new int[] {0, 1, 2, 3, 7, 8, 9, 255, 256, 257}) {
      int[] values = new int[size];
      for (int i = 0; i < size; i++) {
        values[i] = i * 10;
      }
      Dictionary dictionary = ints(values);
      assertThat(dictionary.length()).isEqualTo(size);
      for (int i = 0; i < size; i++) {
        assertThat(dictionary.indexOf(i * 10)).isEqualTo(i);
        assertThat(dictionary.insertionIndexOf(i * 10 + 5)).isEqualTo(-(i + 1) - 1);
      }
      assertThat(dictionary.insertionIndexOf(-5)).isEqualTo(-1);
    }
  }

  @Test
  void longDictionaryAtTypeLimits() throws IOException {
    long[] values = {Long.MIN_VALUE, Long.MIN_VALUE + 1, 0, Long.MAX_VALUE - 1, Long.MAX_VALUE};
    Dictionary dictionary = open(out -> Dictionaries.writeLongs(out, "c", values, values.length));
    assertThat(dictionary.valueType()).isEqualTo(DataType.LONG);
    for (int i = 0; i < values.length; i++) {
      assertThat(dictionary.indexOf(values[i])).isEqualTo(i);
      assertThat(dictionary.getLongValue(i)).isEqualTo(values[i]);
    }
    assertThat(dictionary.indexOf(0)).isEqualTo(2);
    assertThat(dictionary.indexOf(new BigDecimal("9223372036854775807"))).isEqualTo(4);
    assertThat(dictionary.insertionIndexOf(new BigDecimal("9223372036854775806.5"))).isEqualTo(-5);
    assertThat(dictionary.insertionIndexOf(new BigDecimal("9223372036854775808"))).isEqualTo(-6);
    assertThat(dictionary.insertionIndexOf(0x1p63)).isEqualTo(-6);
    assertThat(dictionary.insertionIndexOf(-0x1p63)).isEqualTo(0);
    assertThat(dictionary.insertionIndexOf("-9223372036854775809")).isEqualTo(-1);
  }

  @Test
  void floatDictionaryOrdersSpecialValuesLikeFloatCompare() throws IOException {
    float[] values = {Float.NEGATIVE_INFINITY, -1.5f, 0.0f, Float.MIN_VALUE, Float.POSITIVE_INFINITY, Float.NaN};
    Dictionary dictionary = open(out -> Dictionaries.writeFloats(out, "c", values, values.length));
    assertThat(dictionary.valueType()).isEqualTo(DataType.FLOAT);
    for (int i = 0; i < values.length; i++) {
      assertThat(dictionary.indexOf(values[i])).isEqualTo(i);
    }
    // -0.0 is looked up as 0.0, which is how ingestion stores it.
    assertThat(dictionary.indexOf(-0.0f)).isEqualTo(2);
    assertThat(dictionary.indexOf(-0.0d)).isEqualTo(2);
    assertThat(dictionary.indexOf(Double.NaN)).isEqualTo(5);
    assertThat(dictionary.indexOf(-1.5d)).isEqualTo(1);
    // 0.1 as a double is not any float's exact value.
    assertThat(dictionary.indexOf(0.1d)).isEqualTo(-1);
    assertThat(dictionary.insertionIndexOf(1)).isEqualTo(-5);
    assertThat(dictionary.getStringValue(1)).isEqualTo("-1.5");
    float[] out = new float[2];
    dictionary.readFloatValues(new int[] {5, 4}, 2, out);
    assertThat(out[0]).isNaN();
    assertThat(out[1]).isEqualTo(Float.POSITIVE_INFINITY);
  }

  @Test
  void doubleDictionaryLookups() throws IOException {
    double[] values = {-Double.MAX_VALUE, -0.5, 0.0, Double.MIN_VALUE, 1e300, Double.NaN};
    Dictionary dictionary = open(out -> Dictionaries.writeDoubles(out, "c", values, values.length));
    for (int i = 0; i < values.length; i++) {
      assertThat(dictionary.indexOf(values[i])).isEqualTo(i);
    }
    assertThat(dictionary.indexOf(-0.0)).isEqualTo(2);
    assertThat(dictionary.indexOf("NaN")).isEqualTo(5);
    assertThat(dictionary.indexOf(-0.5f)).isEqualTo(1);
    assertThat(dictionary.insertionIndexOf(Double.NEGATIVE_INFINITY)).isEqualTo(-1);
    assertThat(dictionary.insertionIndexOf(Double.POSITIVE_INFINITY)).isEqualTo(-6);
    assertThat(dictionary.getIntValue(1)).isZero();
    assertThat(dictionary.getLongValue(4)).isEqualTo(Long.MAX_VALUE);
  }

  private Dictionary ints(int[] values) throws IOException {
    return open(out -> Dictionaries.writeInts(out, "c", values, values.length));
  }

  private Dictionary open(IndexFiles.Writes writes) throws IOException {
    return Dictionaries.open(IndexFiles.write(dir, writes).view("c", IndexType.DICTIONARY));
  }
}
