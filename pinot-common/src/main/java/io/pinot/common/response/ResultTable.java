// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.response;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.pinot.common.datatable.DataSchema;
import java.util.List;

/// The `resultTable` of a broker response: `{"dataSchema": {...}, "rows": [[...], ...]}`. Row values are
/// already formatted for JSON (see [io.pinot.common.datatable.ColumnDataType#format(Object)]). The row
/// arrays are not copied; treat them as immutable.
@JsonPropertyOrder({"dataSchema", "rows"})
public record ResultTable(
    @JsonProperty("dataSchema") DataSchema dataSchema,
    @JsonProperty("rows") List<Object[]> rows) {

  public ResultTable {
    requireNonNull(dataSchema, "dataSchema is null");
    rows = List.copyOf(requireNonNull(rows, "rows is null"));
  }
}
