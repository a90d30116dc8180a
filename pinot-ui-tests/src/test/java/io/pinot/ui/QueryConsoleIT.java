// SPDX-License-Identifier: Apache-2.0
package io.pinot.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pinot.common.utils.JsonUtils;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/// The Query Console in headless Chromium: type and run queries (Ctrl+Enter and the button), read the result table
/// and the stats and compare them with the broker's answer to the same SQL, errors with Pinot's codes, completion,
/// history, the chart view, CSV and JSON export, tracing and query options. Every step leaves a screenshot.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QueryConsoleIT extends BrowserTestBase {
  private static final String GROUP_BY =
      "select teamID, sum(runs), count(*) from uiStats group by teamID order by teamID";

  private ConsolePage console;

  @BeforeAll
  void openConsole() {
    console = new ConsolePage(browser, cluster.controllerUrl());
  }

  /// The UI's cells against the broker's rows: numbers by value (JavaScript prints 12.0 as 12), the rest as text.
  private static void assertSameRows(List<List<String>> shown, JsonNode brokerRows) {
    assertThat(shown).hasSize(brokerRows.size());
    for (int r = 0; r < shown.size(); r++) {
      JsonNode expected = brokerRows.get(r);
      assertThat(shown.get(r)).hasSize(expected.size());
      for (int c = 0; c < expected.size(); c++) {
        JsonNode cell = expected.get(c);
        String text = shown.get(r).get(c);
        if (cell.isNumber()) {
          assertThat(Double.parseDouble(text)).as("row %d column %d", r, c).isEqualTo(cell.asDouble());
        } else {
          assertThat(text).as("row %d column %d", r, c).isEqualTo(cell.isTextual() ? cell.asText() : cell.toString());
        }
      }
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
      values.add(it.next().asText());
    }
    return values;
  }

  @Test
  @Order(1)
  void consoleOpensWithTheSampleQueryAndTheTables() throws Exception {
    console.open();
    browser.screenshot("console-opened");
    assertThat(console.editorText()).isEqualTo("select * from baseballStats limit 10");
    assertThat(browser.find("#nav-query").getAttribute("class")).contains("active");
    assertThat(browser.findAll("#table-list a.table-entry").stream().map(WebElement::getText))
        .containsExactly(UiTestCluster.TABLE);
    browser.find("#table-list a.table-entry[data-table='uiStats']").click();
    browser.find("#schema-columns");
    browser.screenshot("table-columns");
    List<List<String>> columns = new ArrayList<>();
    for (WebElement tr : browser.findAll("#schema-columns tbody tr")) {
      columns.add(tr.findElements(org.openqa.selenium.By.tagName("td")).stream().map(WebElement::getText).toList());
    }
    assertThat(columns).containsExactly(List.of("teamID", "STRING", "DIMENSION"), List.of("league", "STRING",
        "DIMENSION"), List.of("yearID", "INT", "DIMENSION"), List.of("runs", "INT", "METRIC"),
        List.of("hits", "LONG", "METRIC"));
    assertThat(console.editorText()).isEqualTo("select * from uiStats limit 10");
  }

  @Test
  @Order(2)
  void typedQueryRunsWithCtrlEnterAndMatchesTheBroker() throws Exception {
    console.open();
    console.type(GROUP_BY);
    browser.screenshot("query-typed");
    console.runWithKeyboard();
    browser.find("#result-table");
    browser.screenshot("query-result");
    JsonNode broker = cluster.query(GROUP_BY);
    assertThat(console.columnNames()).isEqualTo(strings(broker.path("resultTable").path("dataSchema")
        .path("columnNames")));
    assertSameRows(console.rows(), broker.path("resultTable").path("rows"));
    for (String stat : new String[] {"totalDocs", "numDocsScanned", "numServersQueried", "numServersResponded",
        "numSegmentsQueried", "numSegmentsProcessed", "numSegmentsMatched"}) {
      assertThat(console.stat(stat)).as(stat).isEqualTo(broker.path(stat).asText());
    }
    assertThat(Long.parseLong(console.stat("timeUsedMs"))).isNotNegative();
    assertThat(console.stat("totalDocs")).isEqualTo(
        String.valueOf(UiTestCluster.SEGMENTS * UiTestCluster.ROWS_PER_SEGMENT));
  }

  @Test
  @Order(3)
  void runButtonAndHistory() throws Exception {
    console.open();
    String count = "select count(*) from uiStats where league = 'AL'";
    console.type(count);
    console.runWithButton();
    browser.screenshot("run-button");
    JsonNode broker = cluster.query(count);
    assertSameRows(console.rows(), broker.path("resultTable").path("rows"));
    List<String> history = browser.findAll("#query-history a.history-entry").stream().map(WebElement::getText)
        .toList();
    assertThat(history).startsWith(count).contains(GROUP_BY);
    // History survives a reload (localStorage) and a click puts the query back into the editor.
    console.open();
    WebElement earlier = browser.findAll("#query-history a.history-entry").stream()
        .filter(a -> a.getText().equals(GROUP_BY)).findFirst().orElseThrow();
    earlier.click();
    browser.screenshot("history-clicked");
    assertThat(console.editorText()).isEqualTo(GROUP_BY);
  }

  @Test
  @Order(4)
  void completionOffersTablesAndColumns() {
    console.open();
    console.type("select * from uiSt");
    new Actions(browser.driver()).keyDown(Keys.CONTROL).sendKeys(Keys.SPACE).keyUp(Keys.CONTROL).perform();
    browser.find(".CodeMirror-hints");
    browser.screenshot("complete-table");
    assertThat(browser.findAll(".CodeMirror-hints li").stream().map(WebElement::getText)).contains("uiStats");
    console.closeHints();
    console.type("select * from uiStats where tea");
    new Actions(browser.driver()).keyDown(Keys.CONTROL).sendKeys(Keys.SPACE).keyUp(Keys.CONTROL).perform();
    browser.await("column completion", () -> browser.findAll(".CodeMirror-hints li").stream()
        .anyMatch(li -> li.getText().equals("teamID")));
    browser.screenshot("complete-column");
    new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
    assertThat(console.editorText()).isEqualTo("select * from uiStats where teamID");
    // Keywords are highlighted by the SQL mode.
    assertThat(browser.findAll(".CodeMirror .cm-keyword").stream().map(WebElement::getText)).contains("select");
  }

  @Test
  @Order(5)
  void invalidQueriesShowPinotsErrorCodeAndMessage() throws Exception {
    console.open();
    String[][] cases = {{"select * from noSuchTable", "190"}, {"select noSuchColumn from uiStats", "710"}};
    for (String[] c : cases) {
      console.type(c[0]);
      console.runWithKeyboard();
      WebElement error = browser.find("#query-exceptions .query-exception");
      browser.screenshot("error-" + c[1]);
      JsonNode expected = cluster.query(c[0]).path("exceptions").path(0);
      assertThat(error.getAttribute("data-error-code")).isEqualTo(c[1]).isEqualTo(expected.path("errorCode").asText());
      assertThat(error.findElement(org.openqa.selenium.By.cssSelector(".error-code")).getText())
          .isEqualTo("Error " + c[1]);
      assertThat(error.findElement(org.openqa.selenium.By.cssSelector(".error-message")).getText())
          .isEqualTo(expected.path("message").asText());
    }
    // Malformed query options are refused in the page, before any request.
    browser.find("#query-options").sendKeys("timeoutMs");
    console.type("select count(*) from uiStats");
    console.runWithButton();
    assertThat(browser.find("#query-error").getText()).contains("key=value");
    browser.screenshot("bad-options");
    browser.find("#query-options").sendKeys("=20000;useMultistageEngine=false");
    console.runWithButton();
    assertThat(console.stat("totalDocs")).isEqualTo(String.valueOf(UiTestCluster.SEGMENTS
        * UiTestCluster.ROWS_PER_SEGMENT));
  }

  private long paintedPixels() {
    Object count = browser.js("const c = document.getElementById('result-chart');"
        + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;"
        + "for (let i = 3; i < d.length; i += 4) { if (d[i] !== 0) n++; } return n;");
    return ((Number) count).longValue();
  }

  @Test
  @Order(6)
  void groupByResultsAreCharted() {
    console.open();
    console.type(GROUP_BY);
    console.runWithKeyboard();
    browser.find("#view-chart").click();
    browser.find("#result-chart");
    browser.screenshot("chart-bar");
    assertThat(browser.find("#result-chart").getAttribute("data-kind")).isEqualTo("bar");
    assertThat(browser.await("a painted bar chart", () -> paintedPixels() > 2000 ? true : null)).isTrue();
    browser.find("#chart-line").click();
    browser.await("the line chart", () -> "line".equals(browser.find("#result-chart").getAttribute("data-kind")));
    browser.screenshot("chart-line");
    assertThat(browser.await("a painted line chart", () -> paintedPixels() > 2000 ? true : null)).isTrue();
    // A result without a numeric column cannot be charted.
    console.type("select teamID, league from uiStats limit 3");
    console.runWithButton();
    assertThat(browser.find("#view-chart").isEnabled()).isFalse();
  }

  @Test
  @Order(7)
  void resultsAreExportedAsCsvAndJson() throws Exception {
    console.open();
    String sql = "select teamID, league, max(runs) from uiStats group by teamID, league order by teamID, league";
    console.type(sql);
    console.runWithButton();
    browser.find("#export-csv").click();
    Path csv = browser.downloads().resolve("query-result.csv");
    browser.await("the CSV download", () -> Files.exists(csv) && csv.toFile().length() > 0 ? true : null);
    browser.screenshot("exported");
    JsonNode broker = cluster.query(sql).path("resultTable");
    StringBuilder expected = new StringBuilder(String.join(",", strings(broker.path("dataSchema")
        .path("columnNames")))).append("\r\n");
    for (JsonNode row : broker.path("rows")) {
      expected.append(row.get(0).asText()).append(',').append(row.get(1).asText()).append(',')
          .append(row.get(2).isIntegralNumber() || row.get(2).asDouble() % 1 != 0 ? row.get(2).asText()
              : String.valueOf(row.get(2).asLong())).append("\r\n");
    }
    assertThat(Files.readString(csv, StandardCharsets.UTF_8)).isEqualTo(expected.toString());
    browser.find("#export-json").click();
    Path json = browser.downloads().resolve("query-result.json");
    browser.await("the JSON download", () -> Files.exists(json) && json.toFile().length() > 0 ? true : null);
    JsonNode exported = JsonUtils.parse(Files.readString(json, StandardCharsets.UTF_8));
    assertThat(exported).hasSize(broker.path("rows").size());
    assertThat(exported.get(0).path("teamID").asText()).isEqualTo(broker.path("rows").get(0).get(0).asText());
    assertThat(exported.get(0).path("max(runs)").asDouble()).isEqualTo(broker.path("rows").get(0).get(2).asDouble());
  }

  @Test
  @Order(8)
  void tracingShowsTheTraceInfo() throws Exception {
    console.open();
    console.type("select count(*) from uiStats");
    console.runWithButton();
    browser.find("#view-trace").click();
    assertThat(browser.find("#trace-info").getText()).contains("No trace");
    browser.find("#trace-toggle").click();
    console.runWithButton();
    browser.find("#view-trace").click();
    WebElement trace = browser.find("pre#trace-info");
    browser.screenshot("trace");
    JsonNode shown = JsonUtils.parse(trace.getText());
    assertThat(shown.size()).isPositive();
    assertThat(shown.fieldNames().next()).isNotBlank();
  }
}
