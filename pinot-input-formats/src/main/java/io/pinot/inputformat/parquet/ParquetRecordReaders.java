// SPDX-License-Identifier: Apache-2.0
package io.pinot.inputformat.parquet;

import io.pinot.spi.data.readers.RecordReader;
import java.io.IOException;
import java.nio.file.Path;

/// Pinot's `ParquetRecordReader` choice: files written through parquet-avro (their footer carries an Avro schema)
/// are read with [ParquetAvroRecordReader], all others with [ParquetNativeRecordReader]. Stateless.
public final class ParquetRecordReaders {
  private ParquetRecordReaders() {
  }

  /// Opens `file` with the reader its footer calls for.
  public static RecordReader open(Path file, boolean logicalTypes, boolean rawTimeValues) throws IOException {
    return ParquetFiles.hasAvroSchema(file) ? new ParquetAvroRecordReader(file, logicalTypes, rawTimeValues)
        : new ParquetNativeRecordReader(file, rawTimeValues);
  }
}
