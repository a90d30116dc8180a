// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.readers;

import io.pinot.spi.data.Schema;
import io.pinot.spi.data.readers.RecordReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/// A provider of record readers for input formats that need heavy libraries (Avro, Parquet), found with
/// `java.util.ServiceLoader` by [RecordReaders] so that `pinot-segment` itself does not depend on them. The
/// `pinot-input-formats` module registers one in `META-INF/services`. Implementations are stateless and
/// thread-safe.
public interface RecordReaderFactory {
  /// Whether this factory reads `format`.
  boolean supports(RecordReaders.Format format);

  /// Opens a reader of `file`.
  ///
  /// @param configs the job spec's `recordReaderSpec.configs` (never null)
  /// @param schema the table schema (which columns are multi-valued...)
  /// @throws IOException when the file cannot be opened or is not of the format
  RecordReader create(RecordReaders.Format format, Path file, Map<String, String> configs, Schema schema)
      throws IOException;
}
