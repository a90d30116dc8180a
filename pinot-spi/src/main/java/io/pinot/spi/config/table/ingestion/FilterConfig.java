// SPDX-License-Identifier: Apache-2.0
package io.pinot.spi.config.table.ingestion;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/// `ingestionConfig.filterConfig`: records for which `filterFunction` evaluates to true are skipped at ingestion
/// (counted as filtered, not as errors). Immutable.
///
/// @param filterFunction a SQL boolean expression over input fields and Pinot's scalar functions, or null for none
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FilterConfig(@JsonProperty("filterFunction") @Nullable String filterFunction) {
}
