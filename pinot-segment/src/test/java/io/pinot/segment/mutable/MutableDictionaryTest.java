// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.mutable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pinot.spi.data.DataType;
import io.pinot.spi.data.FieldSpec;
import io.pinot.spi.data.FieldType;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class MutableDictionaryTest {
  private static MutableDictionary dictionary(DataType type) {
    return MutableDictionary.create(FieldSpec.of("c", type, FieldType.DIMENSION), 512, 4);
  }

  private static int add(MutableDictionary dictionary, Object value) {
    dictionary.stage(0, value);
    return dictionary.commit(0);
  }

  @Test
  void intValuesGetInsertionOrderIdsAcrossResizesAndChunks() {
    MutableDictionary dictionary = dictionary(DataType.INT);
    for (int i = 0; i < 10_000; i++) {
      assertThat(add(dictionary, 5000 - i)).isEqualTo(i);
    }
    for (int i = 0; i < 10_000; i++) {
      assertThat(add(dictionary, 5000 - i)).isEqualTo(i);
      assertThat(dictionary.lookup(5000 - i, 10_000)).isEqualTo(i);
      assertThat(dictionary.getInt(i)).isEqualTo(5000 - i);
    }
    assertThat(dictionary.size).isEqualTo(10_000);
    assertThat(dictionary.lookup(-4999, 9_999)).as("id at the bound is not visible").isEqualTo(-1);
    assertThat(dictionary.lookup(10_000, 10_000)).isEqualTo(-1);
  }

  @Test
  void integralLimitsAndKeyConversions() {
    MutableDictionary ints = dictionary(DataType.INT);
    add(ints, Integer.MIN_VALUE);
    add(ints, Integer.MAX_VALUE);
    add(ints, 0);
    assertThat(ints.lookup(Integer.MAX_VALUE, 3)).isEqualTo(1);
    assertThat(ints.lookup((long) Integer.MAX_VALUE + 1, 3)).isEqualTo(-1);
    assertThat(ints.lookup(-2147483648.0, 3)).isZero();
    assertThat(ints.lookup(new BigDecimal("0.000"), 3)).isEqualTo(2);
    assertThat(ints.lookup(BigInteger.ONE, 3)).isEqualTo(-1);
    assertThat(ints.lookup(" 2147483647 ", 3)).isEqualTo(1);
    assertThat(ints.lookup("NaN", 3)).isEqualTo(-1);
    assertThatThrownBy(() -> ints.lookup("abc", 3)).isInstanceOf(IllegalArgumentException.class);
    assertThat(ints.compareIds(0, 1)).isNegative();
    assertThat(ints.getString(0)).isEqualTo("-2147483648");
    assertThatThrownBy(() -> ints.getBytes(0)).isInstanceOf(UnsupportedOperationException.class);
    MutableDictionary longs = dictionary(DataType.LONG);
    add(longs, Long.MIN_VALUE);
    add(longs, Long.MAX_VALUE);
    assertThat(longs.lookup(Long.MAX_VALUE, 2)).isEqualTo(1);
    assertThat(longs.lookup(9.223372036854775807E18, 2)).as("2^63 is not a long").isEqualTo(-1);
    assertThat(longs.lookup("-9223372036854775808", 2)).isZero();
    assertThat(longs.getDouble(1)).isEqualTo(9.223372036854775807E18);
  }

  @Test
  void booleanAndTimestampConvertToTheirStoredTypes() {
    MutableDictionary booleans = MutableDictionary.create(FieldSpec.of("b", DataType.BOOLEAN, FieldType.DIMENSION), 512,
        4);
    assertThat(add(booleans, "true")).isZero();
    assertThat(add(booleans, Boolean.TRUE)).isZero();
    assertThat(add(booleans, 7)).isZero();
    assertThat(add(booleans, false)).isOne();
    assertThat(booleans.get(0)).isEqualTo(1);
    MutableDictionary timestamps = MutableDictionary.create(
        FieldSpec.of("t", DataType.TIMESTAMP, FieldType.DIMENSION), 512, 4);
    assertThat(add(timestamps, "2024-01-01")).isZero();
    assertThat(timestamps.get(0)).isEqualTo(1_704_067_200_000L);
  }

  @Test
  void floatingValuesHaveOneZeroAndOneNaN() {
    for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
      MutableDictionary dictionary = dictionary(type);
      assertThat(add(dictionary, -0.0)).isZero();
      assertThat(add(dictionary, 0.0)).isZero();
      assertThat(add(dictionary, Double.NaN)).isOne();
      assertThat(add(dictionary, Float.NaN)).isOne();
      assertThat(add(dictionary, Double.NEGATIVE_INFINITY)).isEqualTo(2);
      assertThat(add(dictionary, type == DataType.FLOAT ? Float.MAX_VALUE : Double.MAX_VALUE)).isEqualTo(3);
      assertThat(dictionary.lookup(-0.0f, 4)).isZero();
      assertThat(dictionary.lookup("NaN", 4)).isOne();
      assertThat(dictionary.lookup(0, 4)).isZero();
      assertThat(dictionary.compareIds(1, 3)).as("NaN is largest").isPositive();
      assertThat(dictionary.compareIds(2, 0)).isNegative();
      assertThat(dictionary.getString(0)).isEqualTo(type == DataType.FLOAT ? "0.0" : "0.0");
    }
    MutableDictionary floats = dictionary(DataType.FLOAT);
    add(floats, 0.1f);
    assertThat(floats.lookup(0.1f, 1)).isZero();
    assertThat(floats.lookup(0.1, 1)).as("the double 0.1 is not the float 0.1").isEqualTo(-1);
    MutableDictionary doubles = dictionary(DataType.DOUBLE);
    add(doubles, 0.1);
    assertThat(doubles.lookup(new BigDecimal("0.1"), 1)).isZero();
  }

  @Test
  void stringValuesAreTruncatedSanitizedAndLookedUpByText() {
    MutableDictionary strings = MutableDictionary.create(FieldSpec.of("s", DataType.STRING, FieldType.DIMENSION), 3, 4);
    assertThat(add(strings, "abcdef")).isZero();
    assertThat(add(strings, "abc")).isZero();
    assertThat(add(strings, "x\uD800")).isOne();
    assertThat(add(strings, "x?")).isOne();
    assertThat(add(strings, "ab\uD83D\uDE00")).as("a surrogate pair is never split").isEqualTo(2);
    assertThat(strings.get(2)).isEqualTo("ab");
    assertThat(add(strings, 12)).isEqualTo(3);
    assertThat(strings.lookup(12L, 4)).isEqualTo(3);
    assertThat(strings.lookup(new BigDecimal("12"), 4)).isEqualTo(3);
    assertThat(strings.lookup("12".getBytes(java.nio.charset.StandardCharsets.UTF_8), 4)).isEqualTo(3);
    assertThat(strings.getInt(3)).isEqualTo(12);
    assertThat(strings.getBytes(0)).containsExactly('a', 'b', 'c');
    assertThat(strings.compareIds(0, 1)).isNegative();
    String[] out = new String[2];
    strings.readStrings(new int[] {1, 0}, 2, out);
    assertThat(out).containsExactly("x?", "abc");
  }

  @Test
  void bytesCompareByContentAndUnsigned() {
    MutableDictionary bytes = dictionary(DataType.BYTES);
    assertThat(add(bytes, new byte[] {1, 2})).isZero();
    assertThat(add(bytes, new byte[] {1, 2})).isZero();
    assertThat(add(bytes, "ff")).isOne();
    assertThat(add(bytes, new byte[0])).isEqualTo(2);
    assertThat(bytes.lookup("0102", 3)).isZero();
    assertThat(bytes.lookup(new byte[] {(byte) 0xFF}, 3)).isOne();
    assertThat(bytes.getString(1)).isEqualTo("ff");
    assertThat(bytes.compareIds(1, 0)).as("0xff is above 0x01 unsigned").isPositive();
    assertThat(bytes.compareIds(2, 0)).isNegative();
    assertThatThrownBy(() -> bytes.getInt(0)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> bytes.lookup(5, 3)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void bigDecimalsEqualByCompareToShareTheFirstId() {
    MutableDictionary decimals = dictionary(DataType.BIG_DECIMAL);
    assertThat(add(decimals, new BigDecimal("1.0"))).isZero();
    assertThat(add(decimals, new BigDecimal("1.00"))).isZero();
    assertThat(add(decimals, "1")).isZero();
    assertThat(add(decimals, 2.5)).isOne();
    assertThat(decimals.get(0)).isEqualTo(new BigDecimal("1.0"));
    assertThat(decimals.getString(0)).isEqualTo("1.0");
    assertThat(decimals.lookup(1, 2)).isZero();
    assertThat(decimals.lookup(2.5f, 2)).isOne();
    assertThat(decimals.lookup(Double.NaN, 2)).isEqualTo(-1);
    assertThat(decimals.lookup("Infinity", 2)).isEqualTo(-1);
    assertThat(decimals.getDouble(1)).isEqualTo(2.5);
    assertThat(decimals.compareIds(0, 1)).isNegative();
  }

  @Test
  void viewIsBoundedAndUnsorted() {
    MutableDictionary dictionary = dictionary(DataType.LONG);
    add(dictionary, 30L);
    add(dictionary, 10L);
    add(dictionary, 20L);
    MutableDictionaryView view = new MutableDictionaryView(dictionary, 2);
    assertThat(view.sorted()).isFalse();
    assertThat(view.length()).isEqualTo(2);
    assertThat(view.valueType()).isEqualTo(DataType.LONG);
    assertThat(view.indexOf(10L)).isOne();
    assertThat(view.indexOf(20L)).as("beyond the view").isEqualTo(-1);
    assertThatThrownBy(() -> view.getLongValue(2)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> view.insertionIndexOf(10L)).isInstanceOf(UnsupportedOperationException.class);
    long[] longs = new long[2];
    view.readLongValues(new int[] {1, 0}, 2, longs);
    assertThat(longs).containsExactly(10L, 30L);
    double[] doubles = new double[1];
    view.readDoubleValues(new int[] {0}, 1, doubles);
    assertThat(doubles).containsExactly(30.0);
    int[] ints = new int[1];
    view.readIntValues(new int[] {1}, 1, ints);
    assertThat(ints).containsExactly(10);
    float[] floats = new float[1];
    view.readFloatValues(new int[] {1}, 1, floats);
    assertThat(floats).containsExactly(10f);
    String[] strings = new String[1];
    view.readStringValues(new int[] {0}, 1, strings);
    assertThat(strings).containsExactly("30");
  }

  @Test
  void conversionFailureIsReportedAtStage() {
    MutableDictionary ints = dictionary(DataType.INT);
    assertThatThrownBy(() -> ints.stage(0, "1.5")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ints.stage(0, new byte[1])).isInstanceOf(IllegalArgumentException.class);
    assertThat(ints.size).isZero();
  }
}
