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
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VarLengthDictionaryTest {
  @TempDir
  Path dir;

  @Test
  void stringDictionaryComparesInStringOrderIncludingSurrogates() throws IOException {
    // U+FFFD sorts after the surrogate pair of U+1F600 in UTF-16 order, but before it in UTF-8 byte order.
    List<String> values = new ArrayList<>(List.of("", "A", "Z", "a", "caf\u00e9", "\u00ff", "\u4e2d",
        "\ud83d\ude00", "\ud83d\ude00x", "\ufffd", "\ufffd\ufffd"));
    values.sort(String::compareTo);
    Dictionary dictionary = strings(values);
    assertThat(dictionary.valueType()).isEqualTo(DataType.STRING);
    assertThat(dictionary.length()).isEqualTo(values.size());
    for (int i = 0; i < values.size(); i++) {
      assertThat(dictionary.indexOf(values.get(i))).as(values.get(i)).isEqualTo(i);
      assertThat(dictionary.get(i)).isEqualTo(values.get(i));
      assertThat(dictionary.getBytesValue(i)).isEqualTo(values.get(i).getBytes(StandardCharsets.UTF_8));
    }
    assertThat(dictionary.insertionIndexOf("B")).isEqualTo(-(values.indexOf("Z")) - 1);
    assertThat(dictionary.insertionIndexOf("\ud83d")).isEqualTo(-(values.indexOf("\ud83d\ude00")) - 1);
    assertThat(dictionary.insertionIndexOf("\ud83d\ude00\u0000")).isEqualTo(-(values.indexOf("\ud83d\ude00x")) - 1);
    assertThat(dictionary.insertionIndexOf("\uffff")).isEqualTo(-values.size() - 1);
    assertThat(dictionary.indexOf("caf")).isEqualTo(-1);
    String[] out = new String[2];
    dictionary.readStringValues(new int[] {values.indexOf("\u4e2d"), 0}, 2, out);
    assertThat(out).containsExactly("\u4e2d", "");
  }

  @Test
  void stringDictionaryLooksUpNonStringsByTextAndParsesNumbers() throws IOException {
    Dictionary dictionary = strings(List.of("-3", "12", "7.5", "true"));
    assertThat(dictionary.indexOf(12)).isEqualTo(1);
    assertThat(dictionary.indexOf(true)).isEqualTo(3);
    assertThat(dictionary.indexOf(new BigDecimal("7.5"))).isEqualTo(2);
    assertThat(dictionary.getIntValue(0)).isEqualTo(-3);
    assertThat(dictionary.getDoubleValue(2)).isEqualTo(7.5);
    long[] longs = new long[2];
    dictionary.readLongValues(new int[] {1, 0}, 2, longs);
    assertThat(longs).containsExactly(12L, -3L);
  }

  @Test
  void searchWorksAtBoundarySizes() throws IOException {
    for (int size : new int[] {0, 1, 2, 3, 15, 16, 17}) {
      List<String> values = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        values.add(String.format("v%03d", i * 2));
      }
      Dictionary dictionary = strings(values);
      for (int i = 0; i < size; i++) {
        assertThat(dictionary.indexOf(values.get(i))).isEqualTo(i);
        assertThat(dictionary.insertionIndexOf(String.format("v%03d", i * 2 + 1))).isEqualTo(-(i + 1) - 1);
      }
      assertThat(dictionary.insertionIndexOf("a")).isEqualTo(-1);
    }
  }

  @Test
  void bytesDictionaryUsesUnsignedOrderAndHexText() throws IOException {
    byte[][] values = {{}, {0x00}, {0x00, 0x00}, {0x7F}, {(byte) 0x80}, {(byte) 0xFF, 0x01}};
    Dictionary dictionary = Dictionaries.open(IndexFiles.write(dir, out -> Dictionaries.writeVariable(out, "c",
        DataType.BYTES, values, values.length)).view("c", IndexType.DICTIONARY));
    assertThat(dictionary.valueType()).isEqualTo(DataType.BYTES);
    for (int i = 0; i < values.length; i++) {
      assertThat(dictionary.indexOf(values[i])).isEqualTo(i);
      assertThat((byte[]) dictionary.get(i)).containsExactly(values[i]);
    }
    assertThat(dictionary.indexOf("80")).isEqualTo(4);
    assertThat(dictionary.indexOf("FF01")).isEqualTo(5);
    assertThat(dictionary.getStringValue(5)).isEqualTo("ff01");
    assertThat(dictionary.insertionIndexOf(new byte[] {0x00, 0x01})).isEqualTo(-4);
    assertThat(dictionary.insertionIndexOf(new byte[] {(byte) 0xFF})).isEqualTo(-6);
    assertThatThrownBy(() -> dictionary.indexOf("xyz")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> dictionary.getIntValue(0)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void bigDecimalDictionaryComparesNumerically() throws IOException {
    List<BigDecimal> values = List.of(new BigDecimal("-1E+400"), new BigDecimal("-0.001"), new BigDecimal("0"),
        new BigDecimal("1.50"), new BigDecimal("123456789012345678901234567890.5"));
    byte[][] encoded = values.stream().map(VarLengthValues::serializeBigDecimal).toArray(byte[][]::new);
    Dictionary dictionary = Dictionaries.open(IndexFiles.write(dir, out -> Dictionaries.writeVariable(out, "c",
        DataType.BIG_DECIMAL, encoded, encoded.length)).view("c", IndexType.DICTIONARY));
    for (int i = 0; i < values.size(); i++) {
      assertThat(dictionary.get(i)).isEqualTo(values.get(i));
    }
    assertThat(dictionary.indexOf(new BigDecimal("1.5"))).isEqualTo(3);
    assertThat(dictionary.indexOf(0)).isEqualTo(2);
    assertThat(dictionary.indexOf(-0.001)).isEqualTo(1);
    assertThat(dictionary.indexOf("1.500")).isEqualTo(3);
    assertThat(dictionary.insertionIndexOf(2L)).isEqualTo(-5);
    assertThat(dictionary.insertionIndexOf(Double.NaN)).isEqualTo(-6);
    assertThat(dictionary.insertionIndexOf(Double.NEGATIVE_INFINITY)).isEqualTo(-1);
    assertThat(dictionary.getStringValue(0)).startsWith("-1000");
    assertThat(dictionary.getDoubleValue(3)).isEqualTo(1.5);
  }

  @Test
  void bigDecimalSerializationRoundTrips() {
    for (String text : new String[] {"0", "-1", "1E+10", "-0.000000000000000000000001", "99999999999999999999.99"}) {
      BigDecimal value = new BigDecimal(text);
      BigDecimal read = VarLengthValues.deserializeBigDecimal(VarLengthValues.serializeBigDecimal(value));
      assertThat(read).isEqualTo(value);
      assertThat(read.scale()).isEqualTo(value.scale());
    }
  }

  @Test
  void rejectsValuesRunningPastTheBuffer() throws IOException {
    IndexFiles.Written written = IndexFiles.write(dir, out -> Dictionaries.writeVariable(out, "c", DataType.STRING,
        new byte[][] {"abc".getBytes(StandardCharsets.UTF_8)}, 1));
    byte[] truncated = Arrays.copyOf(written.bytes(), written.bytes().length - 2);
    IndexFiles.Written broken = new IndexFiles.Written(truncated, List.of(new io.pinot.segment.format.IndexMap.Entry(
        "c", IndexType.DICTIONARY, written.entries().get(0).startOffset(), written.entries().get(0).size() - 2)));
    assertThatThrownBy(() -> Dictionaries.open(broken.view("c", IndexType.DICTIONARY)))
        .isInstanceOf(IllegalStateException.class);
  }

  private Dictionary strings(List<String> values) throws IOException {
    byte[][] encoded = values.stream().map(value -> value.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
    return Dictionaries.open(IndexFiles.write(dir, out -> Dictionaries.writeVariable(out, "c", DataType.STRING,
        encoded, encoded.length)).view("c", IndexType.DICTIONARY));
  }
}
