// SPDX-License-Identifier: Apache-2.0
package io.pinot.inputformat.avro;

import io.pinot.spi.data.readers.GenericRow;
import io.pinot.spi.data.readers.RecordReadException;
import io.pinot.spi.data.readers.RecordReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.jspecify.annotations.Nullable;

/// Reads an Avro object container file (`.avro`, any codec Avro supports) as Pinot's `AvroRecordReader`: each record's
/// top-level fields become the record's columns, converted by [AvroValueConverter]. Reader configs (the job spec's
/// `recordReaderSpec.configs`): `enableLogicalTypes` (default true) and `extractRawTimeValues` (default false).
///
/// [#position()] is `file <name> record <n>` (1-based). A corrupt block throws [RecordReadException] naming the
/// position, and the rest of the file is not read (Avro cannot resynchronize reliably). Not thread-safe.
public final class AvroRecordReader implements RecordReader {
  private final Path file;
  private final String fileName;
  private final AvroValueConverter converter;
  private @Nullable DataFileReader<GenericRecord> reader;
  private @Nullable GenericRecord reuseRecord;
  private @Nullable Schema schema;
  private long recordNumber;
  private boolean broken;

  public AvroRecordReader(Path file, Map<String, String> configs) throws IOException {
    this.file = Objects.requireNonNull(file, "file is null");
    this.fileName = file.getFileName().toString();
    this.converter = new AvroValueConverter(flag(configs, "enableLogicalTypes", true),
        flag(configs, "extractRawTimeValues", false));
    open();
  }

  static boolean flag(Map<String, String> configs, String key, boolean defaultValue) {
    String value = configs.get(key);
    return value == null || value.isBlank() ? defaultValue : Boolean.parseBoolean(value.trim());
  }

  private void open() throws IOException {
    try {
      DataFileReader<GenericRecord> opened = new DataFileReader<>(file.toFile(),
          new GenericDatumReader<>(null, null, new GenericData()));
      reader = opened;
      schema = opened.getSchema();
    } catch (IOException | AvroRuntimeException e) {
      throw new IOException("Cannot open " + fileName + " as an Avro data file: " + e.getMessage(), e);
    }
    if (schema.getType() != Schema.Type.RECORD) {
      close();
      throw new IOException(fileName + " holds " + schema.getType() + " values, not records");
    }
    recordNumber = 0;
    broken = false;
    reuseRecord = null;
  }

  /// The Avro schema of the file (the writer's schema).
  public Schema schema() {
    return Objects.requireNonNull(schema, "closed");
  }

  @Override
  public boolean hasNext() {
    return reader != null && !broken && reader.hasNext();
  }

  @Override
  public GenericRow next(GenericRow reuse) {
    DataFileReader<GenericRecord> current = reader;
    if (current == null || broken || !current.hasNext()) {
      throw new NoSuchElementException("No more records in " + fileName);
    }
    recordNumber++;
    try {
      reuseRecord = current.next(reuseRecord);
    } catch (IOException | AvroRuntimeException e) {
      broken = true;
      throw new RecordReadException(position(), "corrupt Avro data: " + e.getMessage(), e);
    }
    reuse.clear();
    try {
      reuse.fields().putAll(converter.record(schema(), reuseRecord));
    } catch (RuntimeException e) {
      throw new RecordReadException(position(), "cannot convert Avro record: " + e.getMessage(), e);
    }
    return reuse;
  }

  @Override
  public void rewind() throws IOException {
    close();
    open();
  }

  @Override
  public String position() {
    return "file " + fileName + " record " + recordNumber;
  }

  @Override
  public void close() throws IOException {
    DataFileReader<GenericRecord> current = reader;
    reader = null;
    if (current != null) {
      current.close();
    }
  }
}
