// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.ingestion.spec;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// `executionFrameworkSpec`: which framework runs the job (only `standalone` here) and the runner class of
/// each step, as Apache Pinot's plugin class names or this project's own. `extraConfigs` (`stagingDir`...)
/// is kept but unused by the standalone runner. Immutable.
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExecutionFrameworkSpec(
    @JsonProperty("name") @Nullable String name,
    @JsonProperty("segmentGenerationJobRunnerClassName") @Nullable String segmentGenerationJobRunnerClassName,
    @JsonProperty("segmentTarPushJobRunnerClassName") @Nullable String segmentTarPushJobRunnerClassName,
    @JsonProperty("segmentUriPushJobRunnerClassName") @Nullable String segmentUriPushJobRunnerClassName,
    @JsonProperty("segmentMetadataPushJobRunnerClassName") @Nullable String segmentMetadataPushJobRunnerClassName,
    @JsonProperty("extraConfigs") Map<String, String> extraConfigs) {

  public ExecutionFrameworkSpec {
    extraConfigs = extraConfigs == null ? Map.of() : new LinkedHashMap<>(extraConfigs);
  }
}
