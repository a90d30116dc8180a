// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.datatable;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/// Names and types of the columns of a result: the data schema section of a DataTable and the
/// `resultTable.dataSchema` object of a broker response (`{"columnNames": [...], "columnDataTypes": [...]}`).
/// Immutable and thread-safe.
@JsonPropertyOrder({"columnNames", "columnDataTypes"})
public record DataSchema(
    @JsonProperty("columnNames") List<String> columnNames,
    @JsonProperty("columnDataTypes") List<ColumnDataType> columnDataTypes) {

  public DataSchema {
    columnNames = List.copyOf(requireNonNull(columnNames, "columnNames is null"));
    columnDataTypes = List.copyOf(requireNonNull(columnDataTypes, "columnDataTypes is null"));
    if (columnNames.size() != columnDataTypes.size()) {
      throw new IllegalArgumentException("Data schema has " + columnNames.size() + " names but "
          + columnDataTypes.size() + " types");
    }
  }

  public int size() {
    return columnNames.size();
  }

  public String columnName(int index) {
    return columnNames.get(index);
  }

  public ColumnDataType columnDataType(int index) {
    return columnDataTypes.get(index);
  }
}
