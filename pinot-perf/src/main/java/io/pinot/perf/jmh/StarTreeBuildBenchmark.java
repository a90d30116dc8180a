// SPDX-License-Identifier: Apache-2.0
package io.pinot.perf.jmh;

import io.pinot.common.utils.JsonUtils;
import io.pinot.segment.index.startree.StarTreeBuilder;
import io.pinot.spi.config.table.TableConfig;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/// Building the star-tree of [StarTreeBenchmark]'s table (four dimensions, four metrics, 10,000 leaf records) on a
/// written 1M-row segment: load the segment, sort and aggregate its rows, build the tree, write the files. The
/// segment is copied afresh before each build (not measured). Time per build.
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"})
public class StarTreeBuildBenchmark {
  private static final TableConfig PLAIN = JsonUtils.fromJson("{\"tableName\": \"sales\", \"tableType\": \"OFFLINE\"}",
      TableConfig.class);

  private Path dir;
  private Path plainSegment;
  private Path copy;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("pinot-jmh-startree-build");
    plainSegment = StarTreeBenchmark.build(dir.resolve("plain"), 1_000_000, PLAIN);
  }

  @Setup(Level.Invocation)
  public void copySegment() throws IOException {
    copy = dir.resolve("copy");
    delete(copy);
    try (Stream<Path> files = Files.walk(plainSegment)) {
      for (Path path : (Iterable<Path>) files::iterator) {
        Path target = copy.resolve(plainSegment.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    delete(dir);
  }

  private static void delete(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path path : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(path);
      }
    }
  }

  @Benchmark
  public int build() throws IOException {
    return StarTreeBuilder.build(copy, StarTreeBenchmark.TABLE, StarTreeBenchmark.SCHEMA);
  }
}
