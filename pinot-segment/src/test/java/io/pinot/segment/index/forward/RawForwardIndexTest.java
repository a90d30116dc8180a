// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pinot.segment.format.IndexType;
import io.pinot.segment.format.SegmentFormat;
import io.pinot.segment.index.dictionary.VarLengthValues;
import io.pinot.segment.spi.ForwardIndexReader;
import io.pinot.segment.spi.Utf8Hash;
import io.pinot.segment.testing.IndexFiles;
import io.pinot.spi.data.DataType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RawForwardIndexTest {
  @TempDir
  Path dir;

  @Test
  void fixedWidthIntsAtLimitsWithConversions() throws IOException {
    int[] values = {Integer.MIN_VALUE, -1, 0, 1, Integer.MAX_VALUE};
    ForwardIndexReader reader = open(out -> ForwardIndexes.writeRawInts(out, "c", values, values.length),
        DataType.INT);
    assertThat(reader.dictionaryEncoded()).isFalse();
    int[] all = {0, 1, 2, 3, 4};
    int[] ints = new int[5];
    reader.readIntValues(all, 5, ints);
    assertThat(ints).containsExactly(values);
    reader.readIntValues(new int[] {1, 4}, 2, ints);
    assertThat(ints[0]).isEqualTo(-1);
    assertThat(ints[1]).isEqualTo(Integer.MAX_VALUE);
    long[] longs = new long[5];
    reader.readLongValues(all, 5, longs);
    assertThat(longs).containsExactly(Integer.MIN_VALUE, -1L, 0L, 1L, Integer.MAX_VALUE);
    double[] doubles = new double[5];
    reader.readDoubleValues(all, 5, doubles);
    assertThat(doubles[0]).isEqualTo(Integer.MIN_VALUE);
    String[] strings = new String[5];
    reader.readStringValues(all, 5, strings);
    assertThat(strings).containsExactly("-2147483648", "-1", "0", "1", "2147483647");
    assertThatThrownBy(() -> reader.readDictIds(all, 5, ints)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void fixedWidthLongsFloatsAndDoubles() throws IOException {
    long[] longs = {Long.MIN_VALUE, Long.MAX_VALUE};
    ForwardIndexReader longReader = open(out -> ForwardIndexes.writeRawLongs(out, "c", longs, 2), DataType.LONG);
    long[] longOut = new long[2];
    longReader.readLongValues(new int[] {0, 1}, 2, longOut);
    assertThat(longOut).containsExactly(longs);

    float[] floats = {Float.NaN, -0.0f, Float.MAX_VALUE};
    ForwardIndexReader floatReader = open(out -> ForwardIndexes.writeRawFloats(out, "c", floats, 3), DataType.FLOAT);
    float[] floatOut = new float[3];
    floatReader.readFloatValues(new int[] {0, 1, 2}, 3, floatOut);
    assertThat(floatOut[0]).isNaN();
    assertThat(Float.floatToRawIntBits(floatOut[1])).isEqualTo(Float.floatToRawIntBits(-0.0f));
    assertThat(floatOut[2]).isEqualTo(Float.MAX_VALUE);

    double[] doubles = {1.25, -1e-300, Double.POSITIVE_INFINITY};
    ForwardIndexReader doubleReader = open(out -> ForwardIndexes.writeRawDoubles(out, "c", doubles, 3),
        DataType.DOUBLE);
    double[] doubleOut = new double[2];
    doubleReader.readDoubleValues(new int[] {0, 2}, 2, doubleOut);
    assertThat(doubleOut).containsExactly(1.25, Double.POSITIVE_INFINITY);
    int[] intOut = new int[1];
    doubleReader.readIntValues(new int[] {0}, 1, intOut);
    assertThat(intOut[0]).isEqualTo(1);
  }

  @Test
  void variableWidthStringsAcrossChunkBoundaries() throws IOException {
    int chunk = SegmentFormat.RAW_VAR_DOCS_PER_CHUNK;
    for (int numDocs : new int[] {0, 1, chunk - 1, chunk, chunk + 1, 2 * chunk + 5}) {
      List<String> values = new ArrayList<>();
      for (int i = 0; i < numDocs; i++) {
        values.add(switch (i % 4) {
          case 0 -> "";
          case 1 -> "v" + i;
          case 2 -> "\u4e2d\u6587\ud83d\ude00" + i;
          default -> "x".repeat(i % 300);
        });
      }
      ForwardIndexReader reader = strings(values);
      int[] docIds = new int[numDocs];
      for (int i = 0; i < numDocs; i++) {
        docIds[i] = i;
      }
      String[] out = new String[numDocs];
      reader.readStringValues(docIds, numDocs, out);
      assertThat(out).containsExactlyElementsOf(values);
      byte[][] bytes = new byte[numDocs][];
      reader.readBytesValues(docIds, numDocs, bytes);
      for (int i = 0; i < numDocs; i++) {
        assertThat(new String(bytes[i], StandardCharsets.UTF_8)).isEqualTo(values.get(i));
      }
    }
  }

  @Test
  void chunkLayoutsFollowTheValues() throws IOException {
    List<String> hex = new ArrayList<>();
    List<String> upperHex = new ArrayList<>();
    List<String> mixed = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      hex.add(String.format("%016x", i * 7919L));
      upperHex.add(String.format("%016X", i * 7919L));
      mixed.add(i == 1500 ? "short" : String.format("%016x", i * 7919L));
    }
    long hexSize = writeStrings(hex).view("c", IndexType.FORWARD_INDEX).size();
    long fixedSize = writeStrings(upperHex).view("c", IndexType.FORWARD_INDEX).size();
    long mixedSize = writeStrings(mixed).view("c", IndexType.FORWARD_INDEX).size();
    // Lower-case hex of one length is stored as its bytes (8 per value), other fixed-length text as is (16 per
    // value), and a chunk of mixed lengths adds a 4-byte offset per value.
    assertThat(hexSize).isBetween(8L * 2000, 8L * 2000 + 200);
    assertThat(fixedSize).isBetween(16L * 2000, 16L * 2000 + 200);
    assertThat(mixedSize).isBetween(20L * 2000 - 11, 20L * 2000 + 200);
    for (List<String> values : List.of(hex, upperHex, mixed)) {
      ForwardIndexReader reader = strings(values);
      String[] out = new String[4];
      reader.readStringValues(new int[] {0, 1023, 1500, 1999}, 4, out);
      assertThat(out).containsExactly(values.get(0), values.get(1023), values.get(1500), values.get(1999));
      byte[][] bytes = new byte[1][];
      reader.readBytesValues(new int[] {1999}, 1, bytes);
      assertThat(new String(bytes[0], StandardCharsets.US_ASCII)).isEqualTo(values.get(1999));
      // hashes read from every chunk layout are those of the values' UTF-8 bytes
      long[] hashes = new long[4];
      reader.readUtf8Hashes(new int[] {0, 1023, 1500, 1999}, 4, hashes);
      assertThat(hashes).containsExactly(Utf8Hash.hash(values.get(0)), Utf8Hash.hash(values.get(1023)),
          Utf8Hash.hash(values.get(1500)), Utf8Hash.hash(values.get(1999)));
    }
  }

  @Test
  void variableWidthBytesAndBigDecimals() throws IOException {
    byte[][] bytes = {{}, {(byte) 0xAB, 0x01}};
    ForwardIndexReader bytesReader = variable(DataType.BYTES, bytes);
    String[] hex = new String[2];
    bytesReader.readStringValues(new int[] {0, 1}, 2, hex);
    assertThat(hex).containsExactly("", "ab01");
    assertThatThrownBy(() -> bytesReader.readIntValues(new int[] {0}, 1, new int[1]))
        .isInstanceOf(UnsupportedOperationException.class);

    byte[][] decimals = {VarLengthValues.serializeBigDecimal(new BigDecimal("-12.50")),
        VarLengthValues.serializeBigDecimal(new BigDecimal("1E+20"))};
    ForwardIndexReader decimalReader = variable(DataType.BIG_DECIMAL, decimals);
    String[] text = new String[2];
    decimalReader.readStringValues(new int[] {0, 1}, 2, text);
    assertThat(text).containsExactly("-12.50", "100000000000000000000");
    double[] doubles = new double[1];
    decimalReader.readDoubleValues(new int[] {0}, 1, doubles);
    assertThat(doubles[0]).isEqualTo(-12.5);
  }

  @Test
  void storedTypeMustMatchTheMetadata() throws IOException {
    IndexFiles.Written written = IndexFiles.write(dir, out -> ForwardIndexes.writeRawInts(out, "c", new int[1], 1));
    assertThatThrownBy(() -> ForwardIndexes.open(written.view("c", IndexType.FORWARD_INDEX), DataType.LONG, null))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("metadata says LONG");
  }

  private ForwardIndexReader strings(List<String> values) throws IOException {
    return ForwardIndexes.open(writeStrings(values).view("c", IndexType.FORWARD_INDEX), DataType.STRING, null);
  }

  private IndexFiles.Written writeStrings(List<String> values) throws IOException {
    byte[][] encoded = values.stream().map(value -> value.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
    return writeVariable(DataType.STRING, encoded);
  }

  private ForwardIndexReader variable(DataType type, byte[][] values) throws IOException {
    return ForwardIndexes.open(writeVariable(type, values).view("c", IndexType.FORWARD_INDEX), type, null);
  }

  private IndexFiles.Written writeVariable(DataType type, byte[][] values) throws IOException {
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    int[] ends = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      data.write(values[i]);
      ends[i] = data.size();
    }
    byte[] bytes = data.toByteArray();
    return IndexFiles.write(dir, out -> ForwardIndexes.writeRawVariable(out, "c", type, bytes, ends, values.length));
  }

  private ForwardIndexReader open(IndexFiles.Writes writes, DataType type) throws IOException {
    return ForwardIndexes.open(IndexFiles.write(dir, writes).view("c", IndexType.FORWARD_INDEX), type, null);
  }
}
