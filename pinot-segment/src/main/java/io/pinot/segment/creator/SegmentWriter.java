// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.creator;

import io.pinot.segment.creator.name.TimeFormatSpec;
import io.pinot.segment.format.CreationMeta;
import io.pinot.segment.format.IndexMap;
import io.pinot.segment.format.MetadataProperties;
import io.pinot.segment.format.SegmentFileWriter;
import io.pinot.segment.format.SegmentFiles;
import io.pinot.segment.format.SegmentFormat;
import io.pinot.segment.index.startree.StarTreeBuilder;
import io.pinot.segment.spi.ColumnMetadata;
import io.pinot.segment.spi.SegmentMetadata;
import io.pinot.spi.data.FieldSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Writes a segment directory from the buffers of a [RecordIngestor].
///
/// On-disk contract (format `psf1`, full description in `docs/segment-format.md`): `<segmentName>/v3/` holds
/// - `columns.psf`: the 16-byte header `"PINOTPSF", int32 1, int32 0`, then for each column in schema order its
///   dictionary (`DFIX`/`DVAR`), forward index (`FSVB`/`FMVB`/`RFIX`/`RVAR`), sorted index (`SRTD`) and inverted
///   index (`INVB`) buffers, each starting at an 8-byte aligned offset with a 4-byte ASCII tag and an int32
///   version; all numbers little-endian;
/// - `index_map`: `<column>.<indexType>.startOffset` / `.size` lines locating every buffer;
/// - `metadata.properties`: segment and per-column metadata with Pinot's key names;
/// - `creation.meta`: big-endian int64 CRC32C of `columns.psf` + `index_map`, then int64 creation time.
///
/// Stateless utilities.
final class SegmentWriter {
  private static final Logger LOGGER = LoggerFactory.getLogger(SegmentWriter.class);

  private SegmentWriter() {
  }

  static SegmentCreationResult write(SegmentGeneratorConfig config, RecordIngestor data) throws IOException {
    Path outputDir = config.outputDir();
    Files.createDirectories(outputDir);
    Path tempDir = Files.createTempDirectory(outputDir, ".segment-");
    try {
      Path filesDir = Files.createDirectory(tempDir.resolve(SegmentFormat.V3_DIR));
      Map<String, ColumnIndexWriter.WrittenColumn> columns = new LinkedHashMap<>();
      long crc = writeData(filesDir, data, columns);
      long creationTime = config.creationTime() != null ? config.creationTime() : System.currentTimeMillis();
      SegmentMetadata metadata = metadata(config, data.numDocs(), columns, creationTime, crc);
      Map<String, MetadataProperties.ColumnExtras> extras = new LinkedHashMap<>();
      columns.forEach((name, column) -> extras.put(name, column.extras()));
      Files.writeString(filesDir.resolve(SegmentFormat.METADATA_FILE), MetadataProperties.write(metadata, extras),
          StandardCharsets.UTF_8);
      Files.write(filesDir.resolve(SegmentFormat.CREATION_META_FILE), new CreationMeta(crc, creationTime).toBytes());
      // Star-trees are built from the written columns; they add their files and chain the CRC in creation.meta.
      StarTreeBuilder.build(tempDir, config.tableConfig(), config.schema());
      Path segmentDir = moveIntoPlace(tempDir, outputDir.resolve(metadata.segmentName()));
      return new SegmentCreationResult(metadata.segmentName(), segmentDir, data.numDocs(), data.numSkipped(),
          data.skippedSamples());
    } finally {
      SegmentFiles.deleteRecursively(tempDir);
    }
  }

  /// Writes `columns.psf` and `index_map`; returns the CRC of both.
  private static long writeData(Path filesDir, RecordIngestor data,
      Map<String, ColumnIndexWriter.WrittenColumn> columns) throws IOException {
    List<ColumnPlan> plans = data.plans();
    try (SegmentFileWriter out = new SegmentFileWriter(filesDir.resolve(SegmentFormat.DATA_FILE))) {
      for (int i = 0; i < plans.size(); i++) {
        ColumnPlan plan = plans.get(i);
        columns.put(plan.name(), ColumnIndexWriter.write(out, plan, data.takeBuffer(i), data.numDocs()));
      }
      byte[] indexMap = new IndexMap(out.entries()).write().getBytes(StandardCharsets.UTF_8);
      Files.write(filesDir.resolve(SegmentFormat.INDEX_MAP_FILE), indexMap);
      out.updateChecksum(indexMap);
      return out.crc();
    }
  }

  private static SegmentMetadata metadata(SegmentGeneratorConfig config, int numDocs,
      Map<String, ColumnIndexWriter.WrittenColumn> columns, long creationTime, long crc) {
    Map<String, ColumnMetadata> columnMetadata = new LinkedHashMap<>();
    columns.forEach((name, column) -> columnMetadata.put(name, column.metadata()));
    String timeColumn = config.tableConfig().segmentsConfig().timeColumnName();
    ColumnMetadata time = timeColumn == null ? null : columnMetadata.get(timeColumn);
    if (timeColumn != null && time == null) {
      LOGGER.warn("Time column[{}] of table[{}] is not in the schema", timeColumn, config.tableConfig().tableName());
    }
    Object minTime = time == null ? null : time.minValue();
    Object maxTime = time == null ? null : time.maxValue();
    String segmentName = config.segmentNameGenerator().generate(config.sequenceId(), minTime, maxTime);
    TimeRange range = minTime == null || maxTime == null ? null
        : timeRange(config, config.schema().fieldSpec(timeColumn), minTime, maxTime);
    return new SegmentMetadata(segmentName, config.tableConfig().rawTableName(), numDocs,
        time == null ? null : timeColumn, range == null ? -1 : range.start(), range == null ? -1 : range.end(),
        range == null ? null : range.unit(), SegmentFormat.FORMAT_VERSION, creationTime, crc, columnMetadata,
        Map.of());
  }

  private record TimeRange(long start, long end, TimeUnit unit) {
  }

  /// Start and end time as Pinot records them: EPOCH values in the format's unit (multiplied by its size), other
  /// formats converted to epoch milliseconds.
  private static @Nullable TimeRange timeRange(SegmentGeneratorConfig config, @Nullable FieldSpec spec,
      Object min, Object max) {
    if (spec == null) {
      return null;
    }
    String format = spec.format();
    if (format == null) {
      String timeType = config.tableConfig().segmentsConfig().timeType();
      format = "1:" + (timeType == null ? "MILLISECONDS" : timeType) + ":EPOCH";
    }
    try {
      TimeFormatSpec timeFormat = TimeFormatSpec.parse(format);
      if (timeFormat.epochUnit() != null) {
        return new TimeRange(epochValue(min) * timeFormat.epochSize(), epochValue(max) * timeFormat.epochSize(),
            timeFormat.epochUnit());
      }
      return new TimeRange(timeFormat.toMillis(min), timeFormat.toMillis(max), TimeUnit.MILLISECONDS);
    } catch (IllegalArgumentException e) {
      LOGGER.warn("Cannot derive the time range of column[{}] with format[{}]: {}", spec.name(), format,
          e.getMessage());
      return null;
    }
  }

  private static long epochValue(Object value) {
    return value instanceof Number number ? number.longValue() : Long.parseLong(value.toString().trim());
  }

  /// Renames the finished directory to its final name, replacing an existing segment of that name.
  private static Path moveIntoPlace(Path tempDir, Path target) throws IOException {
    if (!Files.exists(target)) {
      return Files.move(tempDir, target, StandardCopyOption.ATOMIC_MOVE);
    }
    Path old = Files.createTempDirectory(target.getParent(), ".replaced-");
    Path oldSegment = Files.move(target, old.resolve("segment"), StandardCopyOption.ATOMIC_MOVE);
    try {
      Files.move(tempDir, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      Files.move(oldSegment, target, StandardCopyOption.ATOMIC_MOVE);
      throw e;
    } finally {
      SegmentFiles.deleteRecursively(old);
    }
    return target;
  }
}
