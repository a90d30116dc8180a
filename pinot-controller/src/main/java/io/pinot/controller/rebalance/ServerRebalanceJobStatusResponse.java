// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.rebalance;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/// Apache Pinot's answer to `GET /rebalanceStatus/{jobId}`. As in Pinot, `timeElapsedSinceStartInSeconds` is 0
/// once the job is DONE. Immutable.
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"tableRebalanceProgressStats", "timeElapsedSinceStartInSeconds", "tableRebalanceContext"})
public record ServerRebalanceJobStatusResponse(
    @JsonProperty("tableRebalanceProgressStats") TableRebalanceProgressStats tableRebalanceProgressStats,
    @JsonProperty("timeElapsedSinceStartInSeconds") long timeElapsedSinceStartInSeconds,
    @JsonProperty("tableRebalanceContext") @Nullable TableRebalanceContext tableRebalanceContext) {
}
