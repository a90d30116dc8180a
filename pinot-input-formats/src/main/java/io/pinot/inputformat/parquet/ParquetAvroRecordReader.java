// SPDX-License-Identifier: Apache-2.0
package io.pinot.inputformat.parquet;

import io.pinot.inputformat.avro.AvroValueConverter;
import io.pinot.spi.data.readers.GenericRow;
import io.pinot.spi.data.readers.RecordReadException;
import io.pinot.spi.data.readers.RecordReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroReadSupport;
import org.apache.parquet.avro.GenericDataSupplier;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.ParquetDecodingException;
import org.jspecify.annotations.Nullable;

/// Reads a Parquet file through parquet-avro (Pinot's `ParquetAvroRecordReader`): rows become Avro records, converted
/// by [AvroValueConverter] (so Avro logical types apply; INT96 is read as a 12-byte fixed and becomes epoch
/// milliseconds). Reader configs: `enableLogicalTypes` (default true), `extractRawTimeValues` (default false).
///
/// [#position()] is `file <name> row <n>` (1-based). A row that cannot be decoded throws [RecordReadException]
/// naming the position and ends the file. Not thread-safe.
public final class ParquetAvroRecordReader implements RecordReader {
  private final Path file;
  private final String fileName;
  private final AvroValueConverter converter;
  private @Nullable ParquetReader<GenericRecord> reader;
  private @Nullable GenericRecord next;
  private boolean fetched;
  private long rowNumber;

  public ParquetAvroRecordReader(Path file, boolean logicalTypes, boolean rawTimeValues) throws IOException {
    this.file = Objects.requireNonNull(file, "file is null");
    this.fileName = file.getFileName().toString();
    this.converter = new AvroValueConverter(logicalTypes, rawTimeValues);
    open();
  }

  private void open() throws IOException {
    Configuration configuration = ParquetFiles.configuration();
    configuration.setBoolean("parquet.avro.readInt96AsFixed", true);
    configuration.setClass(AvroReadSupport.AVRO_DATA_SUPPLIER, GenericDataSupplier.class,
        org.apache.parquet.avro.AvroDataSupplier.class);
    try {
      reader = AvroParquetReader.<GenericRecord>builder(ParquetFiles.inputFile(file, configuration))
          .withConf(configuration).build();
    } catch (IOException | RuntimeException e) {
      throw new IOException("Cannot open " + fileName + " as a Parquet file: " + e.getMessage(), e);
    }
    next = null;
    fetched = false;
    rowNumber = 0;
  }

  @Override
  public boolean hasNext() {
    ParquetReader<GenericRecord> current = reader;
    if (current == null) {
      return false;
    }
    if (!fetched) {
      fetched = true;
      try {
        next = current.read();
      } catch (IOException | ParquetDecodingException e) {
        next = null;
        rowNumber++;
        throw new RecordReadException(position(), "cannot read Parquet row: " + e.getMessage(), e);
      }
    }
    return next != null;
  }

  @Override
  public GenericRow next(GenericRow reuse) {
    if (!hasNext()) {
      throw new NoSuchElementException("No more rows in " + fileName);
    }
    GenericRecord record = Objects.requireNonNull(next);
    fetched = false;
    rowNumber++;
    reuse.clear();
    try {
      reuse.fields().putAll(converter.record(record.getSchema(), record));
    } catch (RuntimeException e) {
      throw new RecordReadException(position(), "cannot convert Parquet row: " + e.getMessage(), e);
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
    return "file " + fileName + " row " + rowNumber;
  }

  @Override
  public void close() throws IOException {
    ParquetReader<GenericRecord> current = reader;
    reader = null;
    if (current != null) {
      current.close();
    }
  }
}
