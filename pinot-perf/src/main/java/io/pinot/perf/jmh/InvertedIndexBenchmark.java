// SPDX-License-Identifier: Apache-2.0
package io.pinot.perf.jmh;

import io.pinot.segment.loader.SegmentLoader;
import io.pinot.segment.spi.DataSource;
import io.pinot.segment.spi.IndexSegment;
import io.pinot.segment.spi.InvertedIndexReader;
import io.pinot.segment.spi.RangeIndexReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.roaringbitmap.buffer.BufferFastAggregation;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/// Bitmap index kernels over a memory-mapped segment (1M rows): AND and OR of inverted-index bitmaps (zero-copy
/// views of the mapped file) as filters on two columns or IN lists combine them, and range predicates answered by
/// the bit-sliced range index. Scores are operations per second; each result's cardinality is consumed.
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"})
public class InvertedIndexBenchmark {
  @Param("1000000")
  int rows;

  private Path dir;
  private IndexSegment segment;
  private ImmutableRoaringBitmap frequentCountry;
  private ImmutableRoaringBitmap mobile;
  private ImmutableRoaringBitmap[] eightCountries;
  private RangeIndexReader durationRange;
  private RangeIndexReader priceRange;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("pinot-jmh-inverted");
    segment = SegmentLoader.load(StorageBenchSegments.build(dir, rows));
    DataSource country = segment.dataSource("country");
    InvertedIndexReader countries = country.invertedIndex();
    frequentCountry = countries.docIds(country.dictionary().indexOf("C0"));
    DataSource device = segment.dataSource("device");
    mobile = device.invertedIndex().docIds(device.dictionary().indexOf("mobile"));
    eightCountries = new ImmutableRoaringBitmap[8];
    for (int i = 0; i < 8; i++) {
      eightCountries[i] = countries.docIds(country.dictionary().indexOf("C" + (i * 5)));
    }
    durationRange = segment.dataSource("duration").rangeIndex();
    priceRange = segment.dataSource("price").rangeIndex();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    segment.close();
    StorageBenchSegments.delete(dir);
  }

  /// `country = 'C0' AND device = 'mobile'`: a 4% bitmap AND a 44% bitmap.
  @Benchmark
  public int andOfTwoBitmaps() {
    return ImmutableRoaringBitmap.and(frequentCountry, mobile).getCardinality();
  }

  /// `country IN (8 values)`: OR of 8 bitmaps of 0.1% to 4% each.
  @Benchmark
  public int orOfEightBitmaps() {
    return BufferFastAggregation.or(eightCountries).getCardinality();
  }

  /// `duration BETWEEN 1000 AND 2000` (10% of rows) from the bit-sliced range index (14 slices).
  @Benchmark
  public int rangeIndexOnDictionaryIds() {
    return durationRange.docIdsInIdRange(1000, 2001).getCardinality();
  }

  /// `price` between two values (25% of rows) from the range index of a raw DOUBLE column.
  @Benchmark
  public int rangeIndexOnRawValues() {
    int cardinality = priceRange.cardinality();
    return priceRange.docIdsInIdRange(cardinality / 4, cardinality / 2).getCardinality();
  }
}
