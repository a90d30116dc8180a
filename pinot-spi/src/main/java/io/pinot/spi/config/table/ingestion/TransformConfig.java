// SPDX-License-Identifier: Apache-2.0
package io.pinot.spi.config.table.ingestion;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/// One entry of `ingestionConfig.transformConfigs`: the destination column and the expression computing it from the
/// input record (`toEpochHours(timestampMillis)`, `concat(firstName, lastName, ' ')`). Immutable.
///
/// @param columnName the schema column that receives the value (it must differ from the source fields it reads)
/// @param transformFunction a SQL expression over input fields and Pinot's scalar functions
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"columnName", "transformFunction"})
public record TransformConfig(
    @JsonProperty("columnName") String columnName,
    @JsonProperty("transformFunction") String transformFunction) {

  public TransformConfig {
    if (columnName == null || columnName.isBlank()) {
      throw new IllegalArgumentException("ingestionConfig.transformConfigs[] is missing 'columnName'");
    }
    if (transformFunction == null || transformFunction.isBlank()) {
      throw new IllegalArgumentException("ingestionConfig.transformConfigs[] of column[" + columnName
          + "] is missing 'transformFunction'");
    }
  }
}
