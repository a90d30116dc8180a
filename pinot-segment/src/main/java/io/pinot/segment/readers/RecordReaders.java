// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.readers;

import io.pinot.spi.data.FieldSpec;
import io.pinot.spi.data.Schema;
import io.pinot.spi.data.readers.RecordReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/// Creates record readers from a job spec's `recordReaderSpec`: by `dataFormat` (`csv`, `json`, `avro`, `parquet`)
/// or by Pinot's reader class names (`org.apache.pinot.plugin.inputformat.csv.CSVRecordReader`,
/// `...json.JSONRecordReader`, `...avro.AvroRecordReader`, `...parquet.ParquetRecordReader`,
/// `...parquet.ParquetAvroRecordReader`, `...parquet.ParquetNativeRecordReader`), through an alias table.
///
/// CSV and JSON are read here; Avro and Parquet by a [RecordReaderFactory] found on the class path (the
/// `pinot-input-formats` module). ORC, Thrift and Protocol Buffers are recognized and rejected with a message.
/// Stateless utilities.
public final class RecordReaders {
  /// The input formats.
  public enum Format {
    CSV,
    JSON,
    AVRO,
    /// Parquet through the Avro reader when the file carries an Avro schema, else the native reader (Pinot's
    /// `ParquetRecordReader`).
    PARQUET,
    PARQUET_AVRO,
    PARQUET_NATIVE,
    ORC,
    THRIFT,
    PROTOBUF
  }

  private static final String PINOT_PLUGIN = "org.apache.pinot.plugin.inputformat.";
  private static final Map<String, Format> ALIASES = aliases();

  private RecordReaders() {
  }

  private static Map<String, Format> aliases() {
    Map<String, Format> aliases = new LinkedHashMap<>();
    aliases.put("csv", Format.CSV);
    aliases.put(PINOT_PLUGIN + "csv.csvrecordreader", Format.CSV);
    aliases.put("json", Format.JSON);
    aliases.put("jsonl", Format.JSON);
    aliases.put(PINOT_PLUGIN + "json.jsonrecordreader", Format.JSON);
    aliases.put("avro", Format.AVRO);
    aliases.put(PINOT_PLUGIN + "avro.avrorecordreader", Format.AVRO);
    aliases.put("parquet", Format.PARQUET);
    aliases.put(PINOT_PLUGIN + "parquet.parquetrecordreader", Format.PARQUET);
    aliases.put(PINOT_PLUGIN + "parquet.parquetavrorecordreader", Format.PARQUET_AVRO);
    aliases.put(PINOT_PLUGIN + "parquet.parquetnativerecordreader", Format.PARQUET_NATIVE);
    aliases.put("orc", Format.ORC);
    aliases.put(PINOT_PLUGIN + "orc.orcrecordreader", Format.ORC);
    aliases.put("thrift", Format.THRIFT);
    aliases.put(PINOT_PLUGIN + "thrift.thriftrecordreader", Format.THRIFT);
    aliases.put("protobuf", Format.PROTOBUF);
    aliases.put("proto", Format.PROTOBUF);
    aliases.put(PINOT_PLUGIN + "protobuf.protobufrecordreader", Format.PROTOBUF);
    return Map.copyOf(aliases);
  }

  /// The format named by a `dataFormat` or reader class name (case-insensitive).
  ///
  /// @throws IllegalArgumentException for unknown names and for the formats that are not supported (ORC, Thrift,
  ///     Protocol Buffers), naming the supported ones
  public static Format format(String dataFormatOrClassName) {
    Format format = ALIASES.get(dataFormatOrClassName.trim().toLowerCase(Locale.ROOT));
    if (format == null) {
      throw new IllegalArgumentException("Input format '" + dataFormatOrClassName + "' is not supported: use csv, "
          + "json, avro or parquet");
    }
    switch (format) {
      case ORC -> throw new IllegalArgumentException("Input format '" + dataFormatOrClassName + "' (ORC) is not "
          + "supported: convert the files to Parquet or Avro (for example with Spark or DuckDB) and use "
          + "dataFormat parquet or avro");
      case THRIFT, PROTOBUF -> throw new IllegalArgumentException("Input format '" + dataFormatOrClassName
          + "' is not supported: use csv, json, avro or parquet");
      default -> {
        return format;
      }
    }
  }

  /// Opens a reader of `file`.
  ///
  /// @param configs the `recordReaderSpec.configs` (CSV settings of [CsvReaderConfig#fromMap], Avro's
  ///     `enableLogicalTypes`...); may be null
  /// @param schema decides which columns are multi-valued
  /// @throws IllegalArgumentException when the format is unsupported or its reader is not on the class path
  public static RecordReader create(String dataFormatOrClassName, Path file, @Nullable Map<String, String> configs,
      Schema schema) throws IOException {
    Format format = format(dataFormatOrClassName);
    Map<String, String> settings = configs == null ? Map.of() : configs;
    return switch (format) {
      case CSV -> new CsvRecordReader(file, CsvReaderConfig.fromMap(settings), multiValueColumns(schema));
      case JSON -> new JsonRecordReader(file);
      default -> factory(format).create(format, file, settings, schema);
    };
  }

  private static RecordReaderFactory factory(Format format) {
    for (RecordReaderFactory factory : ServiceLoader.load(RecordReaderFactory.class,
        RecordReaders.class.getClassLoader())) {
      if (factory.supports(format)) {
        return factory;
      }
    }
    throw new IllegalArgumentException("Reading " + format.name().toLowerCase(Locale.ROOT) + " input needs the "
        + "pinot-input-formats module on the class path (it is part of the distribution and of pinot-tools)");
  }

  /// The names of the schema's multi-value columns.
  public static Set<String> multiValueColumns(Schema schema) {
    Set<String> columns = new HashSet<>();
    for (FieldSpec spec : schema.allFieldSpecs()) {
      if (!spec.singleValue()) {
        columns.add(spec.name());
      }
    }
    return columns;
  }
}
