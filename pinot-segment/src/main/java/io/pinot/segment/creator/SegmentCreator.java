// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.creator;

import io.pinot.segment.index.timestamp.TimestampIndexes;
import io.pinot.spi.data.readers.RecordReader;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Builds one immutable segment from a [RecordReader].
///
/// The reader is read **once**: every schema column's values are converted to the column's stored type
/// ([io.pinot.spi.data.DataType#convertValue]), missing and null values replaced by the field's default value,
/// STRING/JSON/BYTES values truncated to `maxLength`, and the results kept in primitive columnar buffers
/// (dictionary columns keep one int id per row and each distinct value once). Then each column's indexes are
/// written in turn and its buffers released. The segment is assembled in a hidden temporary directory inside
/// `outputDir` and renamed to `outputDir/<segmentName>` only when complete, so a failure never leaves a partial
/// segment behind; an existing segment of the same name is replaced. The on-disk format is described by
/// [SegmentWriter] and `docs/segment-format.md`.
///
/// Thread-safety: stateless; concurrent calls must use different readers and different output names.
public final class SegmentCreator {
  /// Number of skipped-record samples kept in [SegmentCreationResult#skippedSamples()].
  public static final int MAX_SAMPLES = 10;

  private static final Logger LOGGER = LoggerFactory.getLogger(SegmentCreator.class);

  private SegmentCreator() {
  }

  /// Builds a segment from all records of `reader` (the caller closes the reader).
  ///
  /// @throws io.pinot.spi.data.readers.RecordReadException when a record cannot be read or converted and
  ///     `continueOnError` is off; the message names the reader position and the column
  /// @throws IllegalArgumentException when the segment name is invalid
  /// @throws IOException when reading the input or writing the segment fails
  public static SegmentCreationResult create(SegmentGeneratorConfig config, RecordReader reader)
      throws IOException {
    long start = System.nanoTime();
    List<ColumnPlan> plans = ColumnPlan.plan(config.tableConfig(), config.schema());
    // Timestamp index columns ($ts$DAY...) are derived from their source column while reading.
    List<TimestampIndexes.DerivedColumn> derived = TimestampIndexes.derivedColumns(config.tableConfig(),
        config.schema());
    plans = TimestampIndexes.withDerivedPlans(plans, derived, config.tableConfig(), config.schema());
    RecordIngestor ingestor = new RecordIngestor(plans, config.continueOnError());
    ingestor.readAll(TimestampIndexes.wrap(reader, derived, config.schema()));
    long read = System.nanoTime();
    SegmentCreationResult result = SegmentWriter.write(config, ingestor);
    long done = System.nanoTime();
    LOGGER.info("Built segment[{}] of table[{}] from {}: {} docs, {} skipped, read {} ms, write {} ms",
        result.segmentName(), config.tableConfig().tableName(), config.inputDescription(), result.numDocs(),
        result.numSkippedRecords(), (read - start) / 1_000_000, (done - read) / 1_000_000);
    return result;
  }
}
