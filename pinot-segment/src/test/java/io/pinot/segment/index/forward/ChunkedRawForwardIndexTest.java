// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.forward;

import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.segment.format.IndexType;
import io.pinot.segment.format.SegmentFormat;
import io.pinot.segment.spi.ForwardIndexReader;
import io.pinot.segment.testing.IndexFiles;
import io.pinot.spi.data.DataType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/// Raw forward indexes with every codec at chunk-boundary sizes: fixed-width values (chunks of 16,384 INTs or
/// 8,192 LONGs), variable-width values and multi-values, read contiguously, sparsely and one by one.
class ChunkedRawForwardIndexTest {
  @TempDir
  Path dir;

  static List<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (ChunkCodec codec : ChunkCodec.values()) {
      for (int numDocs : new int[] {0, 1, 8191, 8192, 8193, 16_385, 40_000}) {
        cases.add(Arguments.of(codec, numDocs));
      }
    }
    return cases;
  }

  @ParameterizedTest
  @MethodSource("cases")
  void fixedWidthValuesRoundTrip(ChunkCodec codec, int numDocs) throws IOException {
    Random random = new Random(numDocs);
    int[] ints = new int[numDocs];
    long[] longs = new long[numDocs];
    double[] doubles = new double[numDocs];
    for (int i = 0; i < numDocs; i++) {
      ints[i] = i % 7 == 0 ? Integer.MIN_VALUE : random.nextInt(1000);
      longs[i] = i % 5 == 0 ? Long.MAX_VALUE : random.nextLong();
      doubles[i] = random.nextInt(100_000) / 100.0;
    }
    ForwardIndexReader intReader = fixed(DataType.INT, ints, numDocs, codec);
    ForwardIndexReader longReader = fixed(DataType.LONG, longs, numDocs, codec);
    ForwardIndexReader doubleReader = fixed(DataType.DOUBLE, doubles, numDocs, codec);
    int[] all = range(0, numDocs);
    int[] intOut = new int[numDocs];
    intReader.readIntValues(all, numDocs, intOut);
    assertThat(intOut).isEqualTo(ints);
    long[] longOut = new long[numDocs];
    longReader.readLongValues(all, numDocs, longOut);
    assertThat(longOut).isEqualTo(longs);
    double[] doubleOut = new double[numDocs];
    doubleReader.readDoubleValues(all, numDocs, doubleOut);
    assertThat(doubleOut).isEqualTo(doubles);
    int[] sparse = sparse(numDocs);
    long[] widened = new long[sparse.length];
    intReader.readLongValues(sparse, sparse.length, widened);
    double[] sparseDoubles = new double[sparse.length];
    doubleReader.readDoubleValues(sparse, sparse.length, sparseDoubles);
    String[] text = new String[sparse.length];
    longReader.readStringValues(sparse, sparse.length, text);
    for (int i = 0; i < sparse.length; i++) {
      assertThat(widened[i]).isEqualTo(ints[sparse[i]]);
      assertThat(sparseDoubles[i]).isEqualTo(doubles[sparse[i]]);
      assertThat(text[i]).isEqualTo(Long.toString(longs[sparse[i]]));
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void variableWidthValuesRoundTrip(ChunkCodec codec, int numDocs) throws IOException {
    Random random = new Random(numDocs);
    List<String> values = new ArrayList<>();
    for (int i = 0; i < numDocs; i++) {
      values.add(switch (i % 4) {
        case 0 -> "";
        case 1 -> "https://shop.example.com/c" + random.nextInt(50) + "/p" + random.nextInt(10_000);
        case 2 -> "\u4e2d\u56fd-" + i;
        default -> String.format("%016x", random.nextLong());
      });
    }
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    int[] ends = new int[numDocs];
    for (int i = 0; i < numDocs; i++) {
      data.write(values.get(i).getBytes(StandardCharsets.UTF_8));
      ends[i] = data.size();
    }
    byte[] bytes = data.toByteArray();
    IndexFiles.Written written = IndexFiles.write(dir, out -> RawForwardIndexWriter.writeVariable(out, "c",
        DataType.STRING, bytes, ends, numDocs, codec));
    ForwardIndexReader reader = ForwardIndexes.open(written.view("c", IndexType.FORWARD_INDEX), DataType.STRING,
        null);
    String[] out = new String[numDocs];
    reader.readStringValues(range(0, numDocs), numDocs, out);
    assertThat(out).containsExactlyElementsOf(values);
    int[] sparse = sparse(numDocs);
    String[] sparseOut = new String[sparse.length];
    reader.readStringValues(sparse, sparse.length, sparseOut);
    for (int i = 0; i < sparse.length; i++) {
      assertThat(sparseOut[i]).isEqualTo(values.get(sparse[i]));
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void multiValuesRoundTrip(ChunkCodec codec, int numDocs) throws IOException {
    Random random = new Random(numDocs);
    int[] starts = new int[numDocs + 1];
    List<Long> flat = new ArrayList<>();
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    List<Integer> ends = new ArrayList<>();
    for (int doc = 0; doc < numDocs; doc++) {
      int count = doc % 9 == 0 ? 0 : 1 + random.nextInt(4);
      for (int k = 0; k < count; k++) {
        long value = random.nextInt(100) - 50L;
        flat.add(value);
        data.write(("t" + value).getBytes(StandardCharsets.UTF_8));
        ends.add(data.size());
      }
      starts[doc + 1] = flat.size();
    }
    long[] values = flat.stream().mapToLong(Long::longValue).toArray();
    ForwardIndexReader longs = mv(DataType.LONG, starts, numDocs, new RawForwardIndexWriter.FlatValues(values, null,
        null), codec);
    byte[] bytes = data.toByteArray();
    int[] endArray = ends.stream().mapToInt(Integer::intValue).toArray();
    ForwardIndexReader strings = mv(DataType.STRING, starts, numDocs, new RawForwardIndexWriter.FlatValues(null,
        bytes, endArray), codec);
    long[] longOut = new long[4];
    int[] intOut = new int[4];
    String[] stringOut = new String[4];
    for (int doc : sparse(numDocs)) {
      int count = starts[doc + 1] - starts[doc];
      assertThat(longs.numValuesMV(doc)).isEqualTo(count);
      assertThat(longs.getLongValuesMV(doc, longOut)).isEqualTo(count);
      assertThat(longs.getIntValuesMV(doc, intOut)).isEqualTo(count);
      assertThat(strings.getStringValuesMV(doc, stringOut)).isEqualTo(count);
      for (int k = 0; k < count; k++) {
        assertThat(longOut[k]).isEqualTo(values[starts[doc] + k]);
        assertThat(intOut[k]).isEqualTo((int) values[starts[doc] + k]);
        assertThat(stringOut[k]).isEqualTo("t" + values[starts[doc] + k]);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void compressibleChunksAreCompressedAndOthersStoredAsIs(ChunkCodec codec, int numDocs) throws IOException {
    long[] repetitive = new long[numDocs];
    ForwardIndexReader reader = fixed(DataType.LONG, repetitive, numDocs, codec);
    long size = IndexFiles.write(dir, out -> RawForwardIndexWriter.writeFixed(out, "c", DataType.LONG, repetitive,
        numDocs, codec)).view("c", IndexType.FORWARD_INDEX).size();
    if (codec == ChunkCodec.PASS_THROUGH || numDocs < 100) {
      assertThat(size).isGreaterThanOrEqualTo(8L * numDocs);
    } else {
      assertThat(size).isLessThan(8L * numDocs / 20);
    }
    long[] out = new long[numDocs];
    reader.readLongValues(range(0, numDocs), numDocs, out);
    assertThat(out).isEqualTo(repetitive);
  }

  private ForwardIndexReader fixed(DataType type, Object values, int numDocs, ChunkCodec codec) throws IOException {
    IndexFiles.Written written = IndexFiles.write(dir, out -> RawForwardIndexWriter.writeFixed(out, "c", type, values,
        numDocs, codec));
    ForwardIndexReader reader = ForwardIndexes.open(written.view("c", IndexType.FORWARD_INDEX), type, null);
    assertThat(written.view("c", IndexType.FORWARD_INDEX).getInt(0)).isEqualTo(SegmentFormat.tagValue(
        codec == ChunkCodec.PASS_THROUGH ? SegmentFormat.TAG_FORWARD_RAW_FIXED
            : SegmentFormat.TAG_FORWARD_RAW_FIXED_CHUNKED));
    return reader;
  }

  private ForwardIndexReader mv(DataType type, int[] starts, int numDocs, RawForwardIndexWriter.FlatValues values,
      ChunkCodec codec) throws IOException {
    IndexFiles.Written written = IndexFiles.write(dir, out -> RawForwardIndexWriter.writeMultiValue(out, "c", type,
        starts, numDocs, values, codec));
    ForwardIndexReader reader = ForwardIndexes.open(written.view("c", IndexType.FORWARD_INDEX), type, null);
    assertThat(reader.singleValue()).isFalse();
    assertThat(ForwardIndexes.numDocs(reader)).isEqualTo(numDocs);
    return reader;
  }

  private static int[] range(int start, int end) {
    int[] ids = new int[end - start];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = start + i;
    }
    return ids;
  }

  /// Every 97th document plus the last one.
  private static int[] sparse(int numDocs) {
    List<Integer> ids = new ArrayList<>();
    for (int doc = 0; doc < numDocs; doc += 97) {
      ids.add(doc);
    }
    if (numDocs > 0 && ids.get(ids.size() - 1) != numDocs - 1) {
      ids.add(numDocs - 1);
    }
    return ids.stream().mapToInt(Integer::intValue).toArray();
  }
}
