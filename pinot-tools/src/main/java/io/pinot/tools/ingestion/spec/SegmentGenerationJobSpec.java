// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.ingestion.spec;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/// A batch ingestion job in Apache Pinot's job spec YAML (`SegmentGenerationJobSpec`), with Pinot's field
/// names. Unknown keys (`tlsSpec`, `createMetadataTarGz`...) are ignored. Missing sections become empty ones
/// and missing flags take Pinot's defaults (`searchRecursively` true, parallelism 1); whether the spec is
/// complete enough to run is checked by the job loader, which names the missing field.
///
/// `continueOnError` is this project's extension: when true, rows that cannot be converted to the schema
/// are skipped and counted instead of failing the job (the table config's
/// `ingestionConfig.continueOnError` does the same). Immutable.
@JsonIgnoreProperties(ignoreUnknown = true)
public record SegmentGenerationJobSpec(
    @JsonProperty("executionFrameworkSpec") ExecutionFrameworkSpec executionFrameworkSpec,
    @JsonProperty("jobType") @Nullable String jobType,
    @JsonProperty("inputDirURI") @Nullable String inputDirURI,
    @JsonProperty("searchRecursively") @Nullable Boolean searchRecursively,
    @JsonProperty("includeFileNamePattern") @Nullable String includeFileNamePattern,
    @JsonProperty("excludeFileNamePattern") @Nullable String excludeFileNamePattern,
    @JsonProperty("outputDirURI") @Nullable String outputDirURI,
    @JsonProperty("overwriteOutput") boolean overwriteOutput,
    @JsonProperty("cleanUpOutputDir") boolean cleanUpOutputDir,
    @JsonProperty("segmentCreationJobParallelism") int segmentCreationJobParallelism,
    @JsonProperty("pinotFSSpecs") List<PinotFSSpec> pinotFSSpecs,
    @JsonProperty("recordReaderSpec") RecordReaderSpec recordReaderSpec,
    @JsonProperty("tableSpec") TableSpec tableSpec,
    @JsonProperty("segmentNameGeneratorSpec") SegmentNameGeneratorSpec segmentNameGeneratorSpec,
    @JsonProperty("pinotClusterSpecs") List<PinotClusterSpec> pinotClusterSpecs,
    @JsonProperty("pushJobSpec") PushJobSpec pushJobSpec,
    @JsonProperty("authToken") @Nullable String authToken,
    @JsonProperty("failOnEmptySegment") boolean failOnEmptySegment,
    @JsonProperty("continueOnError") boolean continueOnError) {

  public SegmentGenerationJobSpec {
    executionFrameworkSpec = executionFrameworkSpec == null
        ? new ExecutionFrameworkSpec(null, null, null, null, null, null) : executionFrameworkSpec;
    searchRecursively = searchRecursively == null ? Boolean.TRUE : searchRecursively;
    segmentCreationJobParallelism = Math.max(1, segmentCreationJobParallelism);
    pinotFSSpecs = pinotFSSpecs == null ? List.of() : List.copyOf(pinotFSSpecs);
    recordReaderSpec = recordReaderSpec == null ? new RecordReaderSpec(null, null, null, null) : recordReaderSpec;
    tableSpec = tableSpec == null ? new TableSpec(null, null, null) : tableSpec;
    segmentNameGeneratorSpec = segmentNameGeneratorSpec == null
        ? new SegmentNameGeneratorSpec(null, null) : segmentNameGeneratorSpec;
    pinotClusterSpecs = pinotClusterSpecs == null ? List.of() : List.copyOf(pinotClusterSpecs);
    pushJobSpec = pushJobSpec == null ? new PushJobSpec(0, 0, 0, null, null, null) : pushJobSpec;
  }

  /// Whether input files are searched in subdirectories too (Pinot's default: true).
  public boolean isSearchRecursively() {
    return searchRecursively == null || searchRecursively;
  }

  /// A copy with another controller `authToken` (the `-authToken` flag wins over the spec).
  public SegmentGenerationJobSpec withAuthToken(String token) {
    return new SegmentGenerationJobSpec(executionFrameworkSpec, jobType, inputDirURI, searchRecursively,
        includeFileNamePattern, excludeFileNamePattern, outputDirURI, overwriteOutput, cleanUpOutputDir,
        segmentCreationJobParallelism, pinotFSSpecs, recordReaderSpec, tableSpec, segmentNameGeneratorSpec,
        pinotClusterSpecs, pushJobSpec, token, failOnEmptySegment, continueOnError);
  }
}
