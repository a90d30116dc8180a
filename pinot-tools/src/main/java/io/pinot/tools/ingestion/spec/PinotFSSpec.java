// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.ingestion.spec;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// One `pinotFSSpecs[]` entry: the file system class serving a URI scheme (`file` →
/// `org.apache.pinot.spi.filesystem.LocalPinotFS`) and its configs. Immutable.
@JsonIgnoreProperties(ignoreUnknown = true)
public record PinotFSSpec(
    @JsonProperty("scheme") @Nullable String scheme,
    @JsonProperty("className") @Nullable String className,
    @JsonProperty("configs") Map<String, String> configs) {

  public PinotFSSpec {
    configs = configs == null ? Map.of() : new LinkedHashMap<>(configs);
  }
}
