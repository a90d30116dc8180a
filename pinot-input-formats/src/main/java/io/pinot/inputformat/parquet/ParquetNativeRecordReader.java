// SPDX-License-Identifier: Apache-2.0
package io.pinot.inputformat.parquet;

import io.pinot.spi.data.readers.GenericRow;
import io.pinot.spi.data.readers.RecordReadException;
import io.pinot.spi.data.readers.RecordReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.ParquetDecodingException;
import org.apache.parquet.schema.MessageType;
import org.jspecify.annotations.Nullable;

/// Reads a Parquet file with Parquet's own schema (Pinot's `ParquetNativeRecordReader`), row group by row group,
/// converting each row with [ParquetGroupConverter]. Handles every Parquet type, including INT96 and DECIMAL.
/// Reader config: `extractRawTimeValues` (default false).
///
/// [#position()] is `file <name> row <n>` (1-based over the file). A row that cannot be decoded throws
/// [RecordReadException] naming the position; the rest of its row group is skipped. Not thread-safe.
public final class ParquetNativeRecordReader implements RecordReader {
  private final Path file;
  private final String fileName;
  private final ParquetGroupConverter converter;
  private @Nullable ParquetFileReader reader;
  private @Nullable MessageType schema;
  private org.apache.parquet.io.@Nullable RecordReader<Group> rowGroup;
  private long rowsLeftInGroup;
  private long rowNumber;

  public ParquetNativeRecordReader(Path file, boolean rawTimeValues) throws IOException {
    this.file = Objects.requireNonNull(file, "file is null");
    this.fileName = file.getFileName().toString();
    this.converter = new ParquetGroupConverter(rawTimeValues);
    open();
  }

  private void open() throws IOException {
    reader = ParquetFiles.open(file);
    schema = reader.getFooter().getFileMetaData().getSchema();
    rowGroup = null;
    rowsLeftInGroup = 0;
    rowNumber = 0;
  }

  @Override
  public boolean hasNext() {
    try {
      return advanceRowGroup();
    } catch (IOException e) {
      throw new RecordReadException(position(), "cannot read Parquet row group: " + e.getMessage(), e);
    }
  }

  private boolean advanceRowGroup() throws IOException {
    ParquetFileReader current = reader;
    if (current == null) {
      return false;
    }
    while (rowsLeftInGroup == 0) {
      PageReadStore pages = current.readNextRowGroup();
      if (pages == null) {
        return false;
      }
      MessageType fileSchema = Objects.requireNonNull(schema);
      MessageColumnIO columnIo = new ColumnIOFactory().getColumnIO(fileSchema);
      rowGroup = columnIo.getRecordReader(pages, new GroupRecordConverter(fileSchema));
      rowsLeftInGroup = pages.getRowCount();
    }
    return true;
  }

  @Override
  public GenericRow next(GenericRow reuse) {
    if (!hasNext()) {
      throw new NoSuchElementException("No more rows in " + fileName);
    }
    rowNumber++;
    rowsLeftInGroup--;
    Group group;
    try {
      group = Objects.requireNonNull(rowGroup).read();
    } catch (ParquetDecodingException e) {
      rowsLeftInGroup = 0;
      throw new RecordReadException(position(), "cannot decode Parquet row: " + e.getMessage(), e);
    }
    reuse.clear();
    try {
      reuse.fields().putAll(converter.record(group));
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
    ParquetFileReader current = reader;
    reader = null;
    if (current != null) {
      current.close();
    }
  }
}
