// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.startree;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/// One entry of a star-tree's `aggregationConfigs` (Pinot's newer form of a function-column pair):
/// `{"columnName": "revenue", "aggregationFunction": "SUM"}`. Pinot's chunk settings (`compressionCodec`,
/// `deriveNumDocsPerChunk`, `indexVersion`, `targetMaxChunkSize`, `targetDocsPerChunk`) are accepted and ignored:
/// pre-aggregated columns are stored uncompressed. Immutable.
@JsonIgnoreProperties(ignoreUnknown = true)
public record StarTreeAggregationConfig(
    @JsonProperty("columnName") @Nullable String columnName,
    @JsonProperty("aggregationFunction") @Nullable String aggregationFunction) {
}
