// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.ingestion;

import io.pinot.segment.ingestion.IngestionPipeline;
import io.pinot.tools.ingestion.spec.RecordReaderSpec;
import io.pinot.tools.ingestion.spec.SegmentNameGeneratorSpec;
import java.nio.file.Path;
import java.util.Objects;

/// What every segment of one job shares: the table, how to read input files, the table's ingestion pipeline
/// (transforms, filter, complex types, type coercion), how to name segments, whether bad rows are skipped, and the
/// local staging directory segments and tarballs are built in. Immutable.
public record GenerationContext(TableInputs table, RecordReaderSpec readerSpec, SegmentNameGeneratorSpec nameSpec,
    boolean continueOnError, boolean failOnEmptySegment, Path stagingDir, IngestionPipeline pipeline) {

  public GenerationContext {
    Objects.requireNonNull(table, "table is null");
    Objects.requireNonNull(readerSpec, "readerSpec is null");
    Objects.requireNonNull(nameSpec, "nameSpec is null");
    Objects.requireNonNull(stagingDir, "stagingDir is null");
    Objects.requireNonNull(pipeline, "pipeline is null");
  }

  /// The record reader to use: the spec's class name when given (Pinot's names are accepted), else its
  /// data format.
  public String readerName() {
    String className = readerSpec.className();
    if (className != null && !className.isBlank()) {
      return className.trim();
    }
    String format = readerSpec.dataFormat();
    if (format == null || format.isBlank()) {
      throw new IllegalArgumentException("recordReaderSpec needs a dataFormat (csv, json...) or a className");
    }
    return format.trim();
  }

  /// The segment name generator type (`simple` when the spec has none).
  public String nameGeneratorType() {
    String type = nameSpec.type();
    return type == null || type.isBlank() ? "simple" : type.trim();
  }
}
