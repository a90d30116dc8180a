// SPDX-License-Identifier: Apache-2.0
package io.pinot.inputformat.parquet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.io.InputFile;

/// Opening local Parquet files through Parquet's Hadoop layer (Parquet needs Hadoop's `Configuration` and file
/// system classes even for local files). Stateless.
final class ParquetFiles {
  /// Footer keys under which parquet-avro (and older writers) store the Avro schema.
  private static final String[] AVRO_SCHEMA_KEYS = {"parquet.avro.schema", "avro.schema"};

  private ParquetFiles() {
  }

  /// A Hadoop configuration that reads no `*-site.xml` from the class path: only the local file system is used.
  static Configuration configuration() {
    Configuration configuration = new Configuration(false);
    configuration.set("fs.file.impl", "org.apache.hadoop.fs.LocalFileSystem");
    configuration.setBoolean("fs.file.impl.disable.cache", true);
    return configuration;
  }

  static InputFile inputFile(Path file, Configuration configuration) throws IOException {
    return HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(file.toAbsolutePath().toUri()), configuration);
  }

  static ParquetFileReader open(Path file) throws IOException {
    try {
      return ParquetFileReader.open(inputFile(file, configuration()));
    } catch (IOException | RuntimeException e) {
      throw new IOException("Cannot open " + file.getFileName() + " as a Parquet file: " + e.getMessage(), e);
    }
  }

  /// Whether the file's footer carries an Avro schema (it was written through parquet-avro).
  static boolean hasAvroSchema(Path file) throws IOException {
    try (ParquetFileReader reader = open(file)) {
      Map<String, String> metadata = reader.getFooter().getFileMetaData().getKeyValueMetaData();
      for (String key : AVRO_SCHEMA_KEYS) {
        if (metadata.containsKey(key)) {
          return true;
        }
      }
      return false;
    }
  }
}
