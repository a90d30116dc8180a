// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.ingestion.spec;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/// `tableSpec`: the table to build segments for, and where its schema and table config are read from
/// (controller URLs such as `http://localhost:9000/tables/events/schema`, `file:` URIs or local paths).
/// When a URI is missing, the first `pinotClusterSpecs` controller is asked. Immutable.
@JsonIgnoreProperties(ignoreUnknown = true)
public record TableSpec(
    @JsonProperty("tableName") @Nullable String tableName,
    @JsonProperty("schemaURI") @Nullable String schemaURI,
    @JsonProperty("tableConfigURI") @Nullable String tableConfigURI) {
}
