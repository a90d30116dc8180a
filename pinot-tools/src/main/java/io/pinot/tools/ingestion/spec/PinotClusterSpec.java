// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.ingestion.spec;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/// One `pinotClusterSpecs[]` entry: the controller segments are pushed to (`http://localhost:9000`).
/// Immutable.
@JsonIgnoreProperties(ignoreUnknown = true)
public record PinotClusterSpec(@JsonProperty("controllerURI") @Nullable String controllerURI) {
}
