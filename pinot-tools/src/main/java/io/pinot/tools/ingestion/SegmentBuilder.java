// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.ingestion;

import io.pinot.segment.creator.SegmentCreationResult;
import io.pinot.segment.creator.SegmentCreator;
import io.pinot.segment.creator.SegmentGeneratorConfig;
import io.pinot.segment.creator.name.SegmentNameGenerator;
import io.pinot.segment.creator.name.SegmentNameGenerators;
import io.pinot.segment.ingestion.IngestionStats;
import io.pinot.segment.ingestion.TimeValueChecker;
import io.pinot.segment.ingestion.TransformingRecordReader;
import io.pinot.segment.readers.RecordReaders;
import io.pinot.segment.tar.TarGzUtils;
import io.pinot.spi.data.readers.RecordReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Builds the segment of one input file and its tarball in the job's staging directory: the only class
/// of the job runner that calls the segment creator. The input reader is wrapped in the table's ingestion pipeline
/// (transforms, filter, complex types, type coercion), and the segment's time range is checked when
/// `segmentTimeValueCheck` is on. Thread-safe (each call has its own directories and reader).
final class SegmentBuilder {
  private static final Logger LOG = LoggerFactory.getLogger(SegmentBuilder.class);

  private SegmentBuilder() {
  }

  /// Reads `inputFile`, creates segment number `sequenceId`, and tars it as `<segmentName>.tar.gz`.
  ///
  /// @throws io.pinot.spi.data.readers.RecordReadException when a row cannot be read (naming file and line)
  /// @throws IngestionJobException when the segment is empty and must not be, or its time range is invalid
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
    IngestionStats stats;
    RecordReader input = RecordReaders.create(context.readerName(), inputFile, context.readerSpec().configs(),
        table.schema());
    try (TransformingRecordReader reader = context.pipeline().wrap(input)) {
      result = SegmentCreator.create(config, reader);
      stats = reader.stats();
    }
    checkTimeRange(context, inputFile, stats);
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
        result.numSkippedRecords(), result.skippedSamples(), millis, stats.numFilteredRows());
  }

  /// Pinot's `segmentTimeValueCheck`: the segment's time range must be within 1971-2071. A violation fails the file,
  /// or is only logged under `continueOnError`.
  private static void checkTimeRange(GenerationContext context, Path inputFile, IngestionStats stats) {
    TimeValueChecker checker = context.pipeline().timeChecker();
    if (checker == null || !stats.hasTimeRange() || !context.pipeline().config().segmentTimeValueCheckEnabled()) {
      return;
    }
    long invalid = !TimeValueChecker.isValid(stats.minTimeMillis()) ? stats.minTimeMillis()
        : !TimeValueChecker.isValid(stats.maxTimeMillis()) ? stats.maxTimeMillis() : Long.MIN_VALUE;
    if (invalid == Long.MIN_VALUE) {
      return;
    }
    String message = "Input file " + inputFile + ": segment time range check failed: "
        + checker.describeInvalid(invalid);
    if (context.continueOnError()) {
      LOG.warn("{} (continuing: continueOnError is set)", message);
      return;
    }
    throw new IngestionJobException(message + " (fix the values, set ingestionConfig.segmentTimeValueCheck to "
        + "false, or set continueOnError)");
  }
}
