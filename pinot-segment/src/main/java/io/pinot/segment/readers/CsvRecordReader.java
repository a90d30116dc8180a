// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.readers;

import io.pinot.spi.data.readers.GenericRow;
import io.pinot.spi.data.readers.RecordReadException;
import io.pinot.spi.data.readers.RecordReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/// Reads a CSV file (UTF-8, optionally gzip-compressed when its name ends with `.gz`) as Pinot's
/// `CSVRecordReader` does: the header comes from the first record or from the `header` setting; every header
/// column is read; an empty value is null; values of the given multi-value columns are split on the multi-value
/// delimiter into `Object[]` (empty tokens dropped). A malformed record throws [RecordReadException] naming the
/// file and the line on which the record starts, and reading can continue with the next record.
/// Not thread-safe.
public final class CsvRecordReader implements RecordReader {
  private final Path file;
  private final CsvReaderConfig config;
  private final Set<String> multiValueColumns;
  private final String fileName;
  private List<String> columns = List.of();
  private boolean[] multiValue = new boolean[0];
  private @Nullable CsvTokenizer tokenizer;
  private int lastLine;

  public CsvRecordReader(Path file, CsvReaderConfig config) throws IOException {
    this(file, config, Set.of());
  }

  /// A reader splitting the values of `multiValueColumns` on the configured multi-value delimiter.
  public CsvRecordReader(Path file, CsvReaderConfig config, Set<String> multiValueColumns) throws IOException {
    this.file = Objects.requireNonNull(file, "file is null");
    this.config = Objects.requireNonNull(config, "config is null");
    this.multiValueColumns = Set.copyOf(multiValueColumns);
    this.fileName = file.getFileName().toString();
    open();
  }

  /// The header columns in file order (empty names and repeated names are left out).
  public List<String> columns() {
    return columns;
  }

  private void open() throws IOException {
    InputStream input = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    CsvTokenizer opened;
    try {
      if (fileName.endsWith(".gz")) {
        input = new GZIPInputStream(input, 1 << 16);
      }
      opened = new CsvTokenizer(new InputStreamReader(input, StandardCharsets.UTF_8), config);
    } catch (IOException | RuntimeException e) {
      input.close();
      throw e;
    }
    tokenizer = opened;
    try {
      List<@Nullable String> header;
      if (config.header() != null) {
        header = parseHeaderLine(config.header());
        if (config.skipHeader() && opened.hasRecord()) {
          opened.readRecord();
        }
      } else {
        header = opened.hasRecord() ? readFields(opened) : List.of();
      }
      setColumns(header);
    } catch (CsvTokenizer.MalformedCsvException e) {
      close();
      throw new RecordReadException(position(opened.recordLine()), "malformed CSV header: " + e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  private List<@Nullable String> parseHeaderLine(String header) throws IOException {
    try (CsvTokenizer headerTokenizer = new CsvTokenizer(new StringReader(header), config)) {
      return headerTokenizer.hasRecord() ? readFields(headerTokenizer) : List.of();
    }
  }

  private static List<@Nullable String> readFields(CsvTokenizer tokenizer) throws IOException {
    tokenizer.readRecord();
    List<@Nullable String> fields = new ArrayList<>();
    for (int i = 0; i < tokenizer.fieldCount(); i++) {
      fields.add(tokenizer.field(i));
    }
    return fields;
  }

  private void setColumns(List<@Nullable String> header) {
    List<String> names = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String name : header) {
      // Positions are kept (null placeholders) so that field i maps to header column i.
      names.add(name != null && !name.isEmpty() && seen.add(name) ? name : "");
    }
    columns = List.copyOf(names);
    multiValue = new boolean[names.size()];
    for (int i = 0; i < names.size(); i++) {
      multiValue[i] = multiValueColumns.contains(names.get(i));
    }
  }

  @Override
  public boolean hasNext() {
    try {
      return tokenizer != null && tokenizer.hasRecord();
    } catch (IOException e) {
      throw new RecordReadException(position(lastLine + 1), "cannot read: " + e.getMessage(), e);
    }
  }

  @Override
  public GenericRow next(GenericRow reuse) throws IOException {
    CsvTokenizer current = tokenizer;
    if (current == null || !current.hasRecord()) {
      throw new NoSuchElementException("No more records in " + fileName);
    }
    try {
      current.readRecord();
    } catch (CsvTokenizer.MalformedCsvException e) {
      lastLine = current.recordLine();
      throw new RecordReadException(position(), "malformed CSV: " + e.getMessage(), e);
    }
    lastLine = current.recordLine();
    reuse.clear();
    int fieldCount = current.fieldCount();
    for (int i = 0; i < columns.size(); i++) {
      String name = columns.get(i);
      if (name.isEmpty()) {
        continue;
      }
      String value = i < fieldCount ? current.field(i) : null;
      reuse.putValue(name, value == null || value.isEmpty() ? null : multiValue[i] ? split(value) : value);
    }
    return reuse;
  }

  private Object split(String value) {
    return splitMultiValue(value, config.multiValueDelimiter());
  }

  /// Splits on the multi-value delimiter, dropping empty tokens (Commons Lang `StringUtils.split`); no delimiter
  /// gives a single value.
  static Object[] splitMultiValue(String value, @Nullable Character delimiter) {
    if (delimiter == null) {
      return new Object[] {value};
    }
    List<String> tokens = new ArrayList<>(4);
    int start = 0;
    char separator = delimiter;
    for (int i = 0; i <= value.length(); i++) {
      if (i == value.length() || value.charAt(i) == separator) {
        if (i > start) {
          tokens.add(value.substring(start, i));
        }
        start = i + 1;
      }
    }
    return tokens.toArray();
  }

  @Override
  public void rewind() throws IOException {
    close();
    lastLine = 0;
    open();
  }

  @Override
  public String position() {
    return position(lastLine);
  }

  private String position(int line) {
    return "file " + fileName + " line " + line;
  }

  @Override
  public void close() throws IOException {
    CsvTokenizer current = tokenizer;
    tokenizer = null;
    if (current != null) {
      current.close();
    }
  }
}
