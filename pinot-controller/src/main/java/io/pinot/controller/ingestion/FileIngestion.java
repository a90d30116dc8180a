// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.ingestion;

import io.pinot.common.http.RestException;
import io.pinot.controller.helix.MetadataStore;
import io.pinot.controller.segment.SegmentManager;
import io.pinot.segment.creator.SegmentCreationResult;
import io.pinot.segment.creator.SegmentCreator;
import io.pinot.segment.creator.SegmentGeneratorConfig;
import io.pinot.segment.creator.name.SimpleSegmentNameGenerator;
import io.pinot.segment.readers.RecordReaders;
import io.pinot.segment.tar.TarGzUtils;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.config.table.TableType;
import io.pinot.spi.data.Schema;
import io.pinot.spi.data.readers.RecordReadException;
import io.pinot.spi.data.readers.RecordReader;
import io.pinot.spi.utils.TableNameBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/// Apache Pinot's file ingestion on the controller (`/ingestFromFile`, `/ingestFromURI`): one input file becomes
/// one segment of an OFFLINE table, built in the controller's temp directory and added as an upload would be. Meant
/// for small files, as in Pinot. A row that does not parse fails the whole file with the reader's position, so
/// nothing is dropped silently.
///
/// The batch config map names the `inputFormat` (`csv`, `json`, `avro`, `parquet`) and the reader's settings as
/// `recordReader.prop.<key>` (`recordReader.prop.delimiter: "|"`); `segmentNameGenerator.configs.segment.name.postfix`
/// sets the name's postfix (default: the current time in milliseconds, so each file becomes a new segment).
public final class FileIngestion {
  private static final String READER_PROP = "recordReader.prop.";
  private static final String NAME_POSTFIX = "segmentNameGenerator.configs.segment.name.postfix";

  private final MetadataStore store;
  private final SegmentManager segments;
  private final Path tempDir;

  public FileIngestion(MetadataStore store, SegmentManager segments, Path tempDir) {
    this.store = store;
    this.segments = segments;
    this.tempDir = tempDir;
  }

  /// What one ingested file became.
  public record Result(String tableNameWithType, String segmentName, int numDocs) {
  }

  /// The table config of `tableNameWithType`, which must name an existing OFFLINE table.
  public TableConfig offlineTable(String tableNameWithType) {
    if (tableNameWithType == null || tableNameWithType.isBlank()) {
      throw RestException.badRequest("Query parameter tableNameWithType is required, e.g. myTable_OFFLINE");
    }
    TableType type = TableNameBuilder.tableType(tableNameWithType);
    if (type == null) {
      throw RestException.badRequest("Must provide table name with type suffix for table: " + tableNameWithType);
    }
    if (type == TableType.REALTIME) {
      throw RestException.badRequest("Cannot ingest file into REALTIME table: " + tableNameWithType);
    }
    TableConfig config = store.tableConfig(tableNameWithType);
    if (config == null) {
      throw RestException.notFound("Table: " + tableNameWithType + " not found");
    }
    return config;
  }

  /// Told when the ingestion moves on to pushing the built segment.
  @FunctionalInterface
  public interface Progress {
    void pushing();
  }

  /// Reads `file` (`inputFormat` in `batchConfig`), builds a segment and adds it to the table. `sourceName` (the
  /// uploaded file's name, or the URI) stands for the controller's temporary copy in error messages.
  public Result ingest(TableConfig table, Map<String, String> batchConfig, Path file, String sourceName,
      Progress progress) throws IOException {
    String format = batchConfig.get("inputFormat");
    if (format == null || format.isBlank()) {
      throw RestException.badRequest("batchConfigMapStr must name the inputFormat (csv, json, avro or parquet)");
    }
    Schema schema = store.schema(table.schemaName());
    if (schema == null) {
      throw RestException.notFound("Schema " + table.schemaName() + " of table " + table.tableName() + " not found");
    }
    Map<String, String> readerConfigs = new HashMap<>();
    batchConfig.forEach((key, value) -> {
      if (key.startsWith(READER_PROP)) {
        readerConfigs.put(key.substring(READER_PROP.length()), value);
      }
    });
    String postfix = batchConfig.getOrDefault(NAME_POSTFIX, Long.toString(System.currentTimeMillis()));
    Files.createDirectories(tempDir);
    Path work = Files.createTempDirectory(tempDir, "ingest-");
    try {
      SegmentCreationResult built;
      try (RecordReader reader = RecordReaders.create(format, file, readerConfigs, schema)) {
        built = SegmentCreator.create(SegmentGeneratorConfig.builder().tableConfig(table).schema(schema)
            .outputDir(work.resolve("segment")).inputDescription("an ingested file")
            .segmentNameGenerator(new SimpleSegmentNameGenerator(table.rawTableName(), postfix, true, false, false))
            .build(), reader);
      } catch (IllegalArgumentException | RecordReadException | IOException e) {
        throw RestException.badRequest("Got illegal argument when ingesting file into table: " + table.tableName()
            + ". " + String.valueOf(e.getMessage()).replace(file.toString(), sourceName)
            .replace(file.getFileName().toString(), sourceName));
      }
      progress.pushing();
      Path tar = work.resolve(built.segmentName() + TarGzUtils.TAR_GZ_EXTENSION);
      TarGzUtils.createTarGz(built.segmentDir(), tar);
      SegmentManager.UploadResult uploaded = segments.upload(tar, table.tableName(), null);
      return new Result(uploaded.tableNameWithType(), uploaded.segmentName(), built.numDocs());
    } finally {
      deleteTree(work);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
