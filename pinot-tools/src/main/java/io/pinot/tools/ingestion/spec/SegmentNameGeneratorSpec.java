// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.ingestion.spec;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// `segmentNameGeneratorSpec`: Pinot's generator `type` (`simple`, `normalizedDate`, `fixed`, `inputFile`)
/// and its `configs` (`segment.name.prefix`, `segment.name.postfix`, `exclude.sequence.id`, `segment.name`...).
/// A missing type means `simple`. Immutable.
@JsonIgnoreProperties(ignoreUnknown = true)
public record SegmentNameGeneratorSpec(
    @JsonProperty("type") @Nullable String type,
    @JsonProperty("configs") Map<String, String> configs) {

  public SegmentNameGeneratorSpec {
    configs = configs == null ? Map.of() : new LinkedHashMap<>(configs);
  }
}
