// SPDX-License-Identifier: Apache-2.0
package io.pinot.perf.jmh;

import io.pinot.segment.loader.SegmentLoader;
import io.pinot.segment.spi.Dictionary;
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
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/// Dictionary kernels over a memory-mapped segment: value lookups (`indexOf`, a binary search, as predicates on
/// dictionary columns do once per segment and value) and bulk value reads by dictionary id (as aggregations and
/// group keys do per block). Each operation is one lookup or one value read: scores are lookups (values) per
/// second. `user_id` is a LONG dictionary in the block-packed `DFOR` layout, `url` a STRING dictionary of UTF-8
/// values compared without decoding.
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"})
public class DictionaryBenchmark {
  private static final int KEYS = 1024;
  private static final int BLOCK = 10_000;

  @Param("1000000")
  int rows;

  private Path dir;
  private IndexSegment segment;
  private Dictionary users;
  private Dictionary urls;
  private Dictionary durations;
  private final long[] userKeys = new long[KEYS];
  private final String[] urlKeys = new String[KEYS];
  private final int[] dictIds = new int[BLOCK];
  private final long[] longs = new long[BLOCK];
  private final int[] ints = new int[BLOCK];
  private final String[] strings = new String[BLOCK];

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("pinot-jmh-dictionary");
    segment = SegmentLoader.load(StorageBenchSegments.build(dir, rows));
    users = segment.dataSource("user_id").dictionary();
    urls = segment.dataSource("url").dictionary();
    durations = segment.dataSource("duration").dictionary();
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < KEYS; i++) {
      // Half present, half absent keys.
      userKeys[i] = i % 2 == 0 ? users.getLongValue(random.nextInt(users.length())) : random.nextLong();
      urlKeys[i] = i % 2 == 0 ? urls.getStringValue(random.nextInt(urls.length())) : "https://x/" + i;
    }
    for (int i = 0; i < BLOCK; i++) {
      dictIds[i] = random.nextInt(Math.min(users.length(), Math.min(urls.length(), durations.length())));
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    segment.close();
    StorageBenchSegments.delete(dir);
  }

  /// `indexOf` of a LONG key in the `user_id` dictionary (about rows/2 values).
  @Benchmark
  @OperationsPerInvocation(KEYS)
  public long longIndexOf() {
    long found = 0;
    for (long key : userKeys) {
      found += users.indexOf(key);
    }
    return found;
  }

  /// `indexOf` of a STRING key in the `url` dictionary (about rows/10 values).
  @Benchmark
  @OperationsPerInvocation(KEYS)
  public long stringIndexOf() {
    long found = 0;
    for (String key : urlKeys) {
      found += urls.indexOf(key);
    }
    return found;
  }

  /// Bulk reads of LONG values from the block-packed dictionary, by random ids.
  @Benchmark
  @OperationsPerInvocation(BLOCK)
  public long readLongValues() {
    users.readLongValues(dictIds, BLOCK, longs);
    return longs[BLOCK - 1];
  }

  /// Bulk reads of INT values by random ids.
  @Benchmark
  @OperationsPerInvocation(BLOCK)
  public int readIntValues() {
    durations.readIntValues(dictIds, BLOCK, ints);
    return ints[BLOCK - 1];
  }

  /// Bulk reads of STRING values (decoded to Java strings) by random ids.
  @Benchmark
  @OperationsPerInvocation(BLOCK)
  public int readStringValues() {
    urls.readStringValues(dictIds, BLOCK, strings);
    return strings[BLOCK - 1].length();
  }
}
