// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.ingestion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.pinot.common.utils.JsonUtils;
import io.pinot.tools.ingestion.spec.SegmentGenerationJobSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/// Reads an Apache Pinot job spec file: renders its `${...}` variables ([JobSpecTemplates]), then parses the
/// YAML (JSON works too, being YAML) into a [SegmentGenerationJobSpec], ignoring unknown keys. Errors are
/// [IllegalArgumentException]s naming the file and the problem (with line and column for YAML syntax).
public final class JobSpecLoader {
  private static final ObjectMapper YAML = YAMLMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
      .build();

  private JobSpecLoader() {
  }

  /// Loads, templates and parses the job spec at `file`.
  public static SegmentGenerationJobSpec load(Path file, Map<String, String> context) throws IOException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("Job spec file " + file + " does not exist", e);
    }
    try {
      return parse(JobSpecTemplates.render(text, context));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Invalid job spec " + file + ": " + e.getMessage(), e);
    }
  }

  /// Parses job spec YAML that has already been templated.
  public static SegmentGenerationJobSpec parse(String yaml) {
    if (yaml.isBlank()) {
      throw new IllegalArgumentException("the job spec is empty");
    }
    SegmentGenerationJobSpec spec;
    try {
      spec = YAML.readValue(yaml, SegmentGenerationJobSpec.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(JsonUtils.describe(e).replace("Invalid JSON", "Invalid YAML"), e);
    }
    if (spec == null) {
      throw new IllegalArgumentException("the job spec is empty");
    }
    return spec;
  }
}
