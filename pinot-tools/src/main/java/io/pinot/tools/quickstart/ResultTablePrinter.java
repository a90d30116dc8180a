// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.quickstart;

import com.fasterxml.jackson.databind.JsonNode;
import io.pinot.common.utils.JsonUtils;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/// Renders a broker response (Apache Pinot's JSON) as a text table for the console: the `resultTable`
/// columns and rows in boxes, then the row count and a few stats; or the `exceptions` when the query failed.
public final class ResultTablePrinter {
  private ResultTablePrinter() {
  }

  /// The table text of a `POST /query/sql` response, ending with a newline.
  public static String format(String responseJson) {
    JsonNode response = JsonUtils.parse(responseJson);
    JsonNode exceptions = response.path("exceptions");
    if (exceptions.isArray() && !exceptions.isEmpty()) {
      StringBuilder errors = new StringBuilder();
      for (JsonNode exception : exceptions) {
        errors.append("Query failed: error ").append(exception.path("errorCode").asText()).append(": ")
            .append(exception.path("message").asText()).append('\n');
      }
      return errors.toString();
    }
    JsonNode table = response.path("resultTable");
    List<String> columns = new ArrayList<>();
    for (JsonNode name : table.path("dataSchema").path("columnNames")) {
      columns.add(name.asText());
    }
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode row : table.path("rows")) {
      List<String> cells = new ArrayList<>();
      for (JsonNode value : row) {
        cells.add(text(value));
      }
      rows.add(cells);
    }
    StringBuilder out = new StringBuilder();
    render(columns, rows, out);
    out.append(String.format(Locale.ROOT, "%d row%s (numDocsScanned %s, totalDocs %s, %s ms)%n", rows.size(),
        rows.size() == 1 ? "" : "s", response.path("numDocsScanned").asText("?"),
        response.path("totalDocs").asText("?"), response.path("timeUsedMs").asText("?")));
    return out.toString();
  }

  private static void render(List<String> columns, List<List<String>> rows, StringBuilder out) {
    int[] widths = new int[columns.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = columns.get(i).length();
      for (List<String> row : rows) {
        if (i < row.size()) {
          widths[i] = Math.max(widths[i], row.get(i).length());
        }
      }
    }
    String rule = rule(widths);
    out.append(rule);
    line(columns, widths, out);
    out.append(rule);
    for (List<String> row : rows) {
      line(row, widths, out);
    }
    out.append(rule);
  }

  private static String rule(int[] widths) {
    StringBuilder rule = new StringBuilder("+");
    for (int width : widths) {
      rule.append("-".repeat(width + 2)).append('+');
    }
    return rule.append('\n').toString();
  }

  private static void line(List<String> cells, int[] widths, StringBuilder out) {
    out.append('|');
    for (int i = 0; i < widths.length; i++) {
      String cell = i < cells.size() ? cells.get(i) : "";
      out.append(' ').append(cell).append(" ".repeat(widths[i] - cell.length())).append(" |");
    }
    out.append('\n');
  }

  private static String text(JsonNode value) {
    if (value.isIntegralNumber()) {
      return value.asText();
    }
    if (value.isNumber()) {
      return BigDecimal.valueOf(value.asDouble()).stripTrailingZeros().toPlainString();
    }
    if (value.isArray()) {
      List<String> items = new ArrayList<>();
      for (JsonNode item : value) {
        items.add(text(item));
      }
      return "[" + String.join(", ", items) + "]";
    }
    return value.isNull() ? "null" : value.asText();
  }
}
