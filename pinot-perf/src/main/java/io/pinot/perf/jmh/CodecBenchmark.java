// SPDX-License-Identifier: Apache-2.0
package io.pinot.perf.jmh;

import io.pinot.common.utils.JsonUtils;
import io.pinot.segment.creator.SegmentCreator;
import io.pinot.segment.creator.SegmentGeneratorConfig;
import io.pinot.segment.creator.name.FixedSegmentNameGenerator;
import io.pinot.segment.index.forward.ChunkCodec;
import io.pinot.segment.readers.InMemoryRecordReader;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.Schema;
import io.pinot.spi.data.readers.GenericRow;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.zip.Inflater;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/// Raw forward index chunk codecs: decoding one 64 KiB chunk as readers do (one operation), for two kinds of
/// data: `doubles` (8,192 prices with two decimals, little-endian) and `text` (URL-like strings). Multiply the
/// score by 65,536 bytes for the decoded bytes per second.
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"})
public class CodecBenchmark {
  static final int CHUNK = 65_536;

  @Param({"PASS_THROUGH", "SNAPPY", "LZ4", "ZSTANDARD", "GZIP"})
  String codec;

  @Param({"doubles", "text"})
  String data;

  private ChunkCodec chunkCodec;
  private byte[] compressed;
  private final byte[] decoded = new byte[CHUNK];
  private final Inflater inflater = new Inflater(true);

  @Setup(Level.Trial)
  public void setUp() {
    chunkCodec = ChunkCodec.valueOf(codec);
    byte[] raw = data.equals("doubles") ? doubles() : text();
    compressed = chunkCodec.compress(raw, 0, CHUNK);
  }

  private static byte[] doubles() {
    SplittableRandom random = new SplittableRandom(5);
    ByteBuffer buffer = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
    while (buffer.hasRemaining()) {
      buffer.putDouble(Math.round(random.nextDouble() * 100_000) / 100.0);
    }
    return buffer.array();
  }

  private static byte[] text() {
    SplittableRandom random = new SplittableRandom(5);
    StringBuilder text = new StringBuilder();
    while (text.length() < CHUNK) {
      text.append("https://shop.example.com/c").append(random.nextInt(50)).append("/p").append(random.nextInt(10_000));
    }
    return text.substring(0, CHUNK).getBytes(StandardCharsets.US_ASCII);
  }

  /// Decodes one chunk.
  @Benchmark
  public int decode() {
    chunkCodec.decompress(compressed, 0, compressed.length, decoded, CHUNK, inflater);
    return decoded[CHUNK - 1];
  }

  /// A segment whose `price` column (raw DOUBLE, two decimals) is stored in LZ4 chunks, for scan benchmarks.
  static Path compressedPriceSegment(Path dir, int rows) throws IOException {
    Schema schema = JsonUtils.fromJson("""
        {"schemaName": "lz4", "metricFieldSpecs": [{"name": "price", "dataType": "DOUBLE"}]}""", Schema.class);
    TableConfig table = JsonUtils.fromJson("""
        {"tableName": "lz4", "tableType": "OFFLINE",
         "fieldConfigList": [{"name": "price", "encodingType": "RAW", "compressionCodec": "LZ4"}]}""",
        TableConfig.class);
    SplittableRandom random = new SplittableRandom(7);
    List<GenericRow> rowsData = new ArrayList<>(rows);
    for (int i = 0; i < rows; i++) {
      GenericRow row = new GenericRow();
      row.putValue("price", Math.round(random.nextDouble() * 100_000) / 100.0);
      rowsData.add(row);
    }
    return SegmentCreator.create(SegmentGeneratorConfig.builder().tableConfig(table).schema(schema).outputDir(dir)
        .segmentNameGenerator(new FixedSegmentNameGenerator("lz4_0")).build(), new InMemoryRecordReader(rowsData))
        .segmentDir();
  }
}
