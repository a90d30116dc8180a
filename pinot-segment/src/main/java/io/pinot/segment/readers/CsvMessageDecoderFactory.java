// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.readers;

import io.pinot.spi.data.FieldSpec;
import io.pinot.spi.data.Schema;
import io.pinot.spi.stream.StreamMessageDecoder;
import io.pinot.spi.stream.StreamMessageDecoderFactory;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/// Decodes stream messages holding one CSV record each (UTF-8), as Apache Pinot's `CSVMessageDecoder` does, with
/// its decoder properties (`stream.<type>.decoder.prop.*`): `header` (the column names, split on the delimiter;
/// without it, or with `skipHeader` true, every message starts with a header line), `delimiter` (default `,`),
/// `multiValueDelimiter` (default `;`), `fileFormat`, `quoteCharacter`, `escapeCharacter`, `commentMarker`,
/// `nullStringValue`, `ignoreSurroundingSpaces`, `ignoreEmptyLines` and `recordSeparator`, read as
/// [CsvReaderConfig] reads them. Values are parsed as [CsvRecordReader] parses file records: an empty value is
/// null and values of the schema's multi-value columns are split on the multi-value delimiter. Thread-safe; its
/// decoders are not.
public final class CsvMessageDecoderFactory implements StreamMessageDecoderFactory {
  private static final Set<String> CLASS_NAMES = Set.of(CsvMessageDecoderFactory.class.getName(),
      "org.apache.pinot.plugin.inputformat.csv.CSVMessageDecoder");

  @Override
  public Set<String> classNames() {
    return CLASS_NAMES;
  }

  /// A decoder; an invalid property (a delimiter of several characters, an unknown `fileFormat`) throws
  /// IllegalArgumentException naming it.
  @Override
  public StreamMessageDecoder create(Map<String, String> decoderProperties, Schema schema, String topic) {
    CsvReaderConfig config = CsvReaderConfig.fromMap(decoderProperties);
    @Nullable List<String> header = null;
    if (config.header() != null) {
      header = parseHeader(config);
      if (header.isEmpty()) {
        throw new IllegalArgumentException("CSV decoder property 'header' names no column");
      }
    }
    return new CsvMessageDecoder(config, header, schema);
  }

  private static List<String> parseHeader(CsvReaderConfig config) {
    try (CsvTokenizer tokenizer = new CsvTokenizer(new StringReader(config.header()), config)) {
      return tokenizer.hasRecord() ? columnNames(tokenizer) : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (CsvTokenizer.MalformedCsvException e) {
      throw new IllegalArgumentException("CSV decoder property 'header' is not valid CSV: " + e.getMessage(), e);
    }
  }

  /// The names of the record just read; empty and repeated names become "" (the field is skipped).
  static List<String> columnNames(CsvTokenizer tokenizer) throws IOException {
    tokenizer.readRecord();
    List<String> names = new ArrayList<>(tokenizer.fieldCount());
    for (int i = 0; i < tokenizer.fieldCount(); i++) {
      String name = tokenizer.field(i);
      names.add(name == null || names.contains(name) ? "" : name);
    }
    return names;
  }

  /// Which of `columns` the schema declares multi-valued.
  static boolean[] multiValueFlags(List<String> columns, Schema schema) {
    boolean[] flags = new boolean[columns.size()];
    for (int i = 0; i < flags.length; i++) {
      FieldSpec spec = columns.get(i).isEmpty() ? null : schema.fieldSpec(columns.get(i));
      flags[i] = spec != null && !spec.singleValue();
    }
    return flags;
  }
}
