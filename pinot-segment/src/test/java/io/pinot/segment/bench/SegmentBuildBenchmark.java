// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.bench;

import io.pinot.common.utils.JsonUtils;
import io.pinot.segment.creator.SegmentCreationResult;
import io.pinot.segment.creator.SegmentCreator;
import io.pinot.segment.creator.SegmentGeneratorConfig;
import io.pinot.segment.format.SegmentFiles;
import io.pinot.segment.loader.ImmutableSegment;
import io.pinot.segment.loader.SegmentLoader;
import io.pinot.segment.readers.RecordReaders;
import io.pinot.segment.spi.DataSource;
import io.pinot.segment.spi.ForwardIndexReader;
import io.pinot.segment.tar.TarGzUtils;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.Schema;
import io.pinot.spi.data.readers.RecordReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/// Manual benchmark (not a unit test): builds one segment from a CSV written by `gen_data.py` with the bench
/// schema and table config, then reports build time, size on disk, tarball size and forward-index read speed.
///
/// Usage: `java -cp <test classpath> io.pinot.segment.bench.SegmentBuildBenchmark <csv> <benchDir> <workDir>`.
public final class SegmentBuildBenchmark {
  private static final int BLOCK = 10_000;

  private SegmentBuildBenchmark() {
  }

  public static void main(String[] args) throws IOException {
    PrintStream out = System.out;
    Path csv = Path.of(args[0]);
    Path benchDir = Path.of(args[1]);
    Path workDir = Path.of(args[2]);
    int iterations = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    Schema schema = JsonUtils.fromJson(Files.readString(benchDir.resolve("events_schema.json")), Schema.class);
    TableConfig table = JsonUtils.fromJson(Files.readString(benchDir.resolve("events_offline_table.json")),
        TableConfig.class);
    SegmentCreationResult result = null;
    for (int i = 0; i < iterations; i++) {
      SegmentFiles.deleteRecursively(workDir);
      SegmentGeneratorConfig config = SegmentGeneratorConfig.builder().tableConfig(table).schema(schema)
          .outputDir(workDir).sequenceId(0).inputDescription(csv.toString()).build();
      long start = System.nanoTime();
      try (RecordReader reader = RecordReaders.create("csv", csv, Map.of("delimiter", ",",
          "multiValueDelimiter", ";"), schema)) {
        result = SegmentCreator.create(config, reader);
      }
      out.printf("build %d: %d docs in %.2f s%n", i, result.numDocs(), (System.nanoTime() - start) / 1e9);
    }
    Path segmentDir = result.segmentDir();
    out.printf("segment %s: %.1f MB on disk%n", result.segmentName(), size(segmentDir) / 1e6);
    long tarStart = System.nanoTime();
    Path tarGz = workDir.resolve(result.segmentName() + ".tar.gz");
    TarGzUtils.createTarGz(segmentDir, tarGz);
    out.printf("tar.gz: %.1f MB in %.2f s%n", Files.size(tarGz) / 1e6, (System.nanoTime() - tarStart) / 1e9);
    try (ImmutableSegment segment = SegmentLoader.load(segmentDir)) {
      for (int round = 0; round < 10; round++) {
        scan(segment, out);
      }
    }
  }

  private static void scan(ImmutableSegment segment, PrintStream out) {
    int numDocs = segment.numDocs();
    int[] docIds = new int[BLOCK];
    int[] strided = new int[BLOCK];
    int[] dictIds = new int[BLOCK];
    long values = 0;
    long checksum = 0;
    long start = System.nanoTime();
    for (String column : segment.columnNames()) {
      DataSource source = segment.dataSource(column);
      ForwardIndexReader forward = source.forwardIndex();
      if (!forward.dictionaryEncoded() || !forward.singleValue()) {
        continue;
      }
      for (int first = 0; first < numDocs; first += BLOCK) {
        int length = Math.min(BLOCK, numDocs - first);
        for (int i = 0; i < length; i++) {
          docIds[i] = first + i;
        }
        forward.readDictIds(docIds, length, dictIds);
        checksum += dictIds[length - 1];
        values += length;
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long stridedValues = 0;
    long stridedStart = System.nanoTime();
    for (String column : segment.columnNames()) {
      ForwardIndexReader forward = segment.dataSource(column).forwardIndex();
      if (!forward.dictionaryEncoded() || !forward.singleValue()) {
        continue;
      }
      for (int first = 0; first + 2 * BLOCK <= numDocs; first += 2 * BLOCK) {
        for (int i = 0; i < BLOCK; i++) {
          strided[i] = first + 2 * i;
        }
        forward.readDictIds(strided, BLOCK, dictIds);
        checksum += dictIds[BLOCK - 1];
        stridedValues += BLOCK;
      }
    }
    double stridedSeconds = (System.nanoTime() - stridedStart) / 1e9;
    out.printf("sequential dictId block reads: %.0f M values/s; every-other-doc blocks: %.0f M values/s (%d)%n",
        values / seconds / 1e6, stridedValues / stridedSeconds / 1e6, checksum);
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(path -> {
        try {
          return Files.size(path);
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }).sum();
    }
  }
}
