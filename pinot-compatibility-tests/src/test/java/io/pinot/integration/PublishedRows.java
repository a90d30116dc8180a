// SPDX-License-Identifier: Apache-2.0
package io.pinot.integration;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.pinot.common.datatable.DataTable;
import org.apache.pinot.common.utils.DataSchema;

/// Rows as comparable text, from a DataTable decoded by Apache Pinot's reader (read with the getters Trino's
/// connector uses per column type) and from a broker's `resultTable` JSON: numbers in Java's canonical text,
/// booleans as true/false, bytes as lower-case hex, arrays as `[a, b]`, cells joined by `|`.
final class PublishedRows {
  private PublishedRows() {
  }

  static List<String> of(DataTable table) {
    DataSchema schema = table.getDataSchema();
    List<String> rows = new ArrayList<>();
    for (int r = 0; r < table.getNumberOfRows(); r++) {
      StringBuilder row = new StringBuilder();
      for (int c = 0; c < schema.size(); c++) {
        if (c > 0) {
          row.append('|');
        }
        row.append(switch (schema.getColumnDataType(c).name()) {
          case "INT" -> Long.toString(table.getInt(r, c));
          case "LONG" -> Long.toString(table.getLong(r, c));
          case "DOUBLE" -> Double.toString(table.getDouble(r, c));
          case "BOOLEAN" -> Boolean.toString(table.getInt(r, c) != 0);
          case "STRING" -> table.getString(r, c);
          case "BYTES" -> table.getBytes(r, c).toHexString();
          case "STRING_ARRAY" -> Arrays.toString(table.getStringArray(r, c));
          case "INT_ARRAY" -> Arrays.toString(table.getIntArray(r, c));
          default -> throw new IllegalArgumentException("Unexpected column type " + schema.getColumnDataType(c));
        });
      }
      rows.add(row.toString());
    }
    return rows;
  }

  static List<String> of(JsonNode resultTable) {
    JsonNode types = resultTable.path("dataSchema").path("columnDataTypes");
    List<String> rows = new ArrayList<>();
    for (JsonNode values : resultTable.path("rows")) {
      StringBuilder row = new StringBuilder();
      for (int c = 0; c < values.size(); c++) {
        if (c > 0) {
          row.append('|');
        }
        JsonNode value = values.get(c);
        row.append(switch (types.get(c).asText()) {
          case "INT", "LONG" -> Long.toString(value.asLong());
          case "DOUBLE" -> Double.toString(value.asDouble());
          case "BOOLEAN" -> Boolean.toString(value.asBoolean());
          case "STRING_ARRAY", "INT_ARRAY" -> {
            List<String> elements = new ArrayList<>();
            value.forEach(element -> elements.add(element.asText()));
            yield elements.toString();
          }
          default -> value.asText();
        });
      }
      rows.add(row.toString());
    }
    return rows;
  }
}
