// SPDX-License-Identifier: Apache-2.0
package io.pinot.perf.jmh;

import io.pinot.segment.loader.SegmentLoader;
import io.pinot.segment.spi.ForwardIndexReader;
import io.pinot.segment.spi.IndexSegment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/// Filtered scan throughput next to the memory-bandwidth ceiling. One operation is a full pass over `rows` values
/// counting those that pass a range filter (about 50% match), block by block as the query engine's scan
/// predicates do (read 10,000 values into a reused array, then a branch-free compare); multiply the score by
/// `8 * rows` bytes for GB/s of 8-byte values:
/// - `longArrayLoop`: a plain Java loop over an on-heap `long[]` of the same size, the ceiling;
/// - `rawDoubleColumn`: the raw DOUBLE column of a memory-mapped segment (`RFIX`, read in place);
/// - `compressedRawDoubleColumn`: the same values in LZ4 chunks (`RFXC`, decoded per chunk and thread);
/// - `dictionaryIdColumn`: a 14-bit dictionary-encoded INT column, comparing dictionary ids (values per second are
///   the same measure; its bytes read are 14/64 of the others').
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"})
public class FilteredScanBenchmark {
  private static final int BLOCK = 10_000;

  @Param("1000000")
  int rows;

  private Path dir;
  private IndexSegment segment;
  private IndexSegment compressed;
  private ForwardIndexReader price;
  private ForwardIndexReader compressedPrice;
  private ForwardIndexReader duration;
  private long[] heapValues;
  private final int[] docIds = new int[BLOCK];
  private final double[] doubles = new double[BLOCK];
  private final long[] longs = new long[BLOCK];
  private final int[] dictIds = new int[BLOCK];

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("pinot-jmh-scan");
    segment = SegmentLoader.load(StorageBenchSegments.build(dir.resolve("plain"), rows));
    price = segment.dataSource("price").forwardIndex();
    duration = segment.dataSource("duration").forwardIndex();
    compressed = SegmentLoader.load(CodecBenchmark.compressedPriceSegment(dir.resolve("lz4"), rows));
    compressedPrice = compressed.dataSource("price").forwardIndex();
    heapValues = new long[rows];
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < rows; i++) {
      heapValues[i] = random.nextLong(100_000);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    segment.close();
    compressed.close();
    StorageBenchSegments.delete(dir);
  }

  @Benchmark
  public long longArrayLoop() {
    long[] values = heapValues;
    long count = 0;
    for (int start = 0; start < rows; start += BLOCK) {
      int end = Math.min(rows, start + BLOCK);
      for (int i = start; i < end; i++) {
        count += values[i] >= 50_000 ? 1 : 0;
      }
    }
    return count;
  }

  @Benchmark
  public long rawDoubleColumn() {
    return scanDoubles(price);
  }

  @Benchmark
  public long compressedRawDoubleColumn() {
    return scanDoubles(compressedPrice);
  }

  private long scanDoubles(ForwardIndexReader reader) {
    long count = 0;
    for (int start = 0; start < rows; start += BLOCK) {
      int length = fill(start);
      reader.readDoubleValues(docIds, length, doubles);
      for (int i = 0; i < length; i++) {
        double value = doubles[i];
        count += value >= 500.0 & value <= 1000.0 ? 1 : 0;
      }
    }
    return count;
  }

  @Benchmark
  public long dictionaryIdColumn() {
    long count = 0;
    for (int start = 0; start < rows; start += BLOCK) {
      int length = fill(start);
      duration.readDictIds(docIds, length, dictIds);
      for (int i = 0; i < length; i++) {
        long offset = dictIds[i] - 5000L;
        count += (int) (((offset - 5000) & ~offset) >>> 63);
      }
    }
    return count + longs.length;
  }

  private int fill(int start) {
    int length = Math.min(BLOCK, rows - start);
    for (int i = 0; i < length; i++) {
      docIds[i] = start + i;
    }
    return length;
  }
}
