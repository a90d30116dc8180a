// SPDX-License-Identifier: Apache-2.0
package io.pinot.inputformat;

import io.pinot.inputformat.avro.AvroRecordReader;
import io.pinot.inputformat.parquet.ParquetAvroRecordReader;
import io.pinot.inputformat.parquet.ParquetNativeRecordReader;
import io.pinot.inputformat.parquet.ParquetRecordReaders;
import io.pinot.segment.readers.RecordReaderFactory;
import io.pinot.segment.readers.RecordReaders;
import io.pinot.spi.data.Schema;
import io.pinot.spi.data.readers.RecordReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/// The [RecordReaderFactory] of this module, registered in `META-INF/services`: Avro and Parquet (automatic,
/// Avro-based or native). Reader configs: `enableLogicalTypes` (default true) and `extractRawTimeValues` (default
/// false). Stateless and thread-safe.
public final class InputFormatReaderFactory implements RecordReaderFactory {
  @Override
  public boolean supports(RecordReaders.Format format) {
    return switch (format) {
      case AVRO, PARQUET, PARQUET_AVRO, PARQUET_NATIVE -> true;
      default -> false;
    };
  }

  @Override
  public RecordReader create(RecordReaders.Format format, Path file, Map<String, String> configs, Schema schema)
      throws IOException {
    boolean logicalTypes = flag(configs, "enableLogicalTypes", true);
    boolean rawTimeValues = flag(configs, "extractRawTimeValues", false);
    return switch (format) {
      case AVRO -> new AvroRecordReader(file, configs);
      case PARQUET -> ParquetRecordReaders.open(file, logicalTypes, rawTimeValues);
      case PARQUET_AVRO -> new ParquetAvroRecordReader(file, logicalTypes, rawTimeValues);
      case PARQUET_NATIVE -> new ParquetNativeRecordReader(file, rawTimeValues);
      default -> throw new IllegalArgumentException("Format " + format + " is not read by pinot-input-formats");
    };
  }

  private static boolean flag(Map<String, String> configs, String key, boolean defaultValue) {
    String value = configs.get(key);
    return value == null || value.isBlank() ? defaultValue : Boolean.parseBoolean(value.trim());
  }
}
