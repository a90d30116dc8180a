// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.ingestion.spec;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// `recordReaderSpec`: the input format (`dataFormat: csv`) and/or reader class (Pinot's
/// `org.apache.pinot.plugin.inputformat.csv.CSVRecordReader` is accepted), the reader config class (ignored:
/// the reader knows its own config) and the reader's `configs` (`delimiter`, `multiValueDelimiter`...).
/// Config values are kept as text. Immutable.
@JsonIgnoreProperties(ignoreUnknown = true)
public record RecordReaderSpec(
    @JsonProperty("dataFormat") @Nullable String dataFormat,
    @JsonProperty("className") @Nullable String className,
    @JsonProperty("configClassName") @Nullable String configClassName,
    @JsonProperty("configs") Map<String, String> configs) {

  public RecordReaderSpec {
    configs = configs == null ? Map.of() : new LinkedHashMap<>(configs);
  }
}
