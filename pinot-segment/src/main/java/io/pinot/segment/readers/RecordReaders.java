// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.readers;

import io.pinot.spi.data.FieldSpec;
import io.pinot.spi.data.Schema;
import io.pinot.spi.data.readers.RecordReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/// Creates record readers from a job spec's `recordReaderSpec`: by `dataFormat` (`csv`, `json`) or by Pinot's
/// reader class names (`org.apache.pinot.plugin.inputformat.csv.CSVRecordReader`,
/// `org.apache.pinot.plugin.inputformat.json.JSONRecordReader`), through an alias table. Stateless utilities.
public final class RecordReaders {
  /// The supported input formats.
  public enum Format {
    CSV,
    JSON
  }

  private static final Map<String, Format> ALIASES = Map.of(
      "csv", Format.CSV,
      "org.apache.pinot.plugin.inputformat.csv.csvrecordreader", Format.CSV,
      "json", Format.JSON,
      "jsonl", Format.JSON,
      "org.apache.pinot.plugin.inputformat.json.jsonrecordreader", Format.JSON);

  private RecordReaders() {
  }

  /// The format named by a `dataFormat` or reader class name (case-insensitive).
  ///
  /// @throws IllegalArgumentException for formats not supported (yet): Avro, Parquet, ORC, Thrift, Protobuf...
  public static Format format(String dataFormatOrClassName) {
    Format format = ALIASES.get(dataFormatOrClassName.trim().toLowerCase(Locale.ROOT));
    if (format == null) {
      throw new IllegalArgumentException("Input format '" + dataFormatOrClassName + "' is not supported yet: use csv "
          + "or json");
    }
    return format;
  }

  /// Opens a reader of `file`.
  ///
  /// @param configs the `recordReaderSpec.configs` (CSV settings of [CsvReaderConfig#fromMap]); may be null
  /// @param schema decides which CSV columns are multi-valued
  public static RecordReader create(String dataFormatOrClassName, Path file, @Nullable Map<String, String> configs,
      Schema schema) throws IOException {
    return switch (format(dataFormatOrClassName)) {
      case CSV -> new CsvRecordReader(file, CsvReaderConfig.fromMap(configs == null ? Map.of() : configs),
          multiValueColumns(schema));
      case JSON -> new JsonRecordReader(file);
    };
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
