// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.ingestion;

import io.pinot.segment.creator.SegmentCreationResult;
import io.pinot.segment.creator.SegmentCreator;
import io.pinot.segment.creator.SegmentGeneratorConfig;
import io.pinot.segment.creator.name.SegmentNameGenerator;
import io.pinot.segment.creator.name.SegmentNameGenerators;
import io.pinot.segment.readers.RecordReaders;
import io.pinot.segment.tar.TarGzUtils;
import io.pinot.spi.data.readers.RecordReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/// Builds the segment of one input file and its tarball in the job's staging directory: the only class
/// of the job runner that calls the segment creator. Thread-safe (each call has its own directories).
final class SegmentBuilder {
  private SegmentBuilder() {
  }

  /// Reads `inputFile`, creates segment number `sequenceId`, and tars it as `<segmentName>.tar.gz`.
  ///
  /// @throws io.pinot.spi.data.readers.RecordReadException when a row cannot be read (naming file and line)
  static SegmentReport build(GenerationContext context, Path inputFile, int sequenceId) throws IOException {
    long start = System.nanoTime();
    TableInputs table = context.table();
    Path segmentParent = context.stagingDir().resolve("segments").resolve("seq-" + sequenceId);
    Files.createDirectories(segmentParent);
    // Pinot's default name prefix is the table name with type: `baseballStats_OFFLINE_0`.
    SegmentNameGenerator names = SegmentNameGenerators.create(context.nameGeneratorType(),
        context.nameSpec().configs(), table.tableConfig().tableName(), table.tableConfig(), table.schema());
    SegmentGeneratorConfig config = SegmentGeneratorConfig.builder()
        .tableConfig(table.tableConfig())
        .schema(table.schema())
        .outputDir(segmentParent)
        .segmentNameGenerator(names)
        .sequenceId(sequenceId)
        .continueOnError(context.continueOnError())
        .inputDescription(inputFile.toString())
        .build();
    SegmentCreationResult result;
    try (RecordReader reader = RecordReaders.create(context.readerName(), inputFile,
        context.readerSpec().configs(), table.schema())) {
      result = SegmentCreator.create(config, reader);
    }
    if (result.numDocs() == 0 && context.failOnEmptySegment()) {
      throw new IngestionJobException("Input file " + inputFile + " produced an empty segment "
          + result.segmentName() + " (failOnEmptySegment is true)");
    }
    Path tarDir = context.stagingDir().resolve("tars").resolve("seq-" + sequenceId);
    Files.createDirectories(tarDir);
    Path tarFile = tarDir.resolve(result.segmentName() + ".tar.gz");
    TarGzUtils.createTarGz(result.segmentDir(), tarFile);
    long millis = (System.nanoTime() - start) / 1_000_000;
    return new SegmentReport(inputFile, sequenceId, result.segmentName(), tarFile, result.numDocs(),
        result.numSkippedRecords(), result.skippedSamples(), millis);
  }
}
