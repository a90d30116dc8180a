// SPDX-License-Identifier: Apache-2.0
package io.pinot.perf.jmh;

import io.pinot.segment.loader.SegmentLoader;
import io.pinot.segment.spi.DataSource;
import io.pinot.segment.spi.Dictionary;
import io.pinot.segment.spi.ForwardIndexReader;
import io.pinot.segment.spi.IndexSegment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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

/// Column scan kernels over a memory-mapped segment: bit-unpacking dictionary ids block by block
/// (10,000 contiguous docs per call) and turning them into values, and reading raw doubles. One operation is
/// a full pass over the column; throughput is reported in passes per second (multiply by the row count for
/// values per second).
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"})
public class ForwardIndexBenchmark {
  private static final int BLOCK = 10_000;

  @Param("1000000")
  int rows;

  private Path dir;
  private IndexSegment segment;
  private ForwardIndexReader low;
  private ForwardIndexReader mid;
  private Dictionary midDictionary;
  private ForwardIndexReader price;
  private final int[] docIds = new int[BLOCK];
  private final int[] dictIds = new int[BLOCK];
  private final double[] values = new double[BLOCK];

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("pinot-jmh");
    segment = SegmentLoader.load(BenchSegments.build(dir, rows));
    low = source("low").forwardIndex();
    DataSource midSource = source("mid");
    mid = midSource.forwardIndex();
    midDictionary = midSource.dictionary();
    price = source("price").forwardIndex();
  }

  private DataSource source(String column) {
    DataSource source = segment.dataSource(column);
    if (source == null) {
      throw new IllegalStateException("No column " + column);
    }
    return source;
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    segment.close();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path path : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(path);
      }
    }
  }

  /// 4-bit dictionary ids of the whole column.
  @Benchmark
  public long scanLowCardinalityDictIds() {
    long sum = 0;
    for (int start = 0; start < rows; start += BLOCK) {
      int length = fill(start);
      low.readDictIds(docIds, length, dictIds);
      sum += dictIds[length - 1];
    }
    return sum;
  }

  /// 11-bit dictionary ids of a STRING column.
  @Benchmark
  public long scanMediumCardinalityDictIds() {
    long sum = 0;
    for (int start = 0; start < rows; start += BLOCK) {
      int length = fill(start);
      mid.readDictIds(docIds, length, dictIds);
      sum += dictIds[0];
    }
    return sum + midDictionary.length();
  }

  /// Raw (no-dictionary) doubles.
  @Benchmark
  public double scanRawDoubles() {
    double sum = 0;
    for (int start = 0; start < rows; start += BLOCK) {
      int length = fill(start);
      price.readDoubleValues(docIds, length, values);
      sum += values[length - 1];
    }
    return sum;
  }

  private int fill(int start) {
    int length = Math.min(BLOCK, rows - start);
    for (int i = 0; i < length; i++) {
      docIds[i] = start + i;
    }
    return length;
  }
}
