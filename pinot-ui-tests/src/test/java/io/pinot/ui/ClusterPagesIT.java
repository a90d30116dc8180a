// SPDX-License-Identifier: Apache-2.0
package io.pinot.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/// The Cluster Manager, an instance's page and a table's page in headless Chromium: instances by role with their
/// state, tables with their status, the schema, the segments with their state per server (and the state filter),
/// segment metadata, and the config editor refusing invalid JSON while saving a valid change.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterPagesIT extends BrowserTestBase {
  private List<String> column(String tableCss, int index) {
    List<String> values = new ArrayList<>();
    for (WebElement tr : browser.findAll(tableCss + " tbody tr")) {
      values.add(tr.findElements(By.tagName("td")).get(index).getText());
    }
    return values;
  }

  @Test
  @Order(1)
  void clusterManagerShowsInstancesTenantsAndTables() throws Exception {
    open("/");
    assertThat(browser.find("#cluster-info-name").getText()).isEqualTo(cluster.cluster().clusterName());
    browser.find("#cluster-tables tbody tr");
    browser.find("#instances-servers table");
    browser.screenshot("cluster-manager");
    assertThat(column("#instances-controllers table", 0)).containsExactly(
        cluster.cluster().controller().instanceId());
    assertThat(column("#instances-brokers table", 0)).containsExactly(
        cluster.cluster().brokers().get(0).instanceId());
    Set<String> servers = new HashSet<>();
    cluster.cluster().servers().forEach(s -> servers.add(s.instanceId()));
    assertThat(column("#instances-servers table", 0)).containsExactlyInAnyOrderElementsOf(servers);
    assertThat(column("#instances-servers table", 2)).containsOnly("Alive");
    assertThat(column("#instances-servers table", 1)).containsOnly("Enabled");
    assertThat(browser.find("#instances-minions").getText()).contains("None");
    JsonNode tenants = cluster.get(cluster.controllerUrl() + "/tenants").json();
    assertThat(column("#tenant-table", 0)).contains(tenants.path("SERVER_TENANTS").path(0).asText(),
        tenants.path("BROKER_TENANTS").path(0).asText());
    assertThat(column("#cluster-tables", 0)).containsExactly(UiTestCluster.TABLE);
    assertThat(column("#cluster-tables", 2)).containsExactly(String.valueOf(UiTestCluster.SEGMENTS));
    assertThat(column("#cluster-tables", 3)).containsExactly("GOOD");
  }

  @Test
  @Order(2)
  void instancePageShowsTagsAndHostedSegments() throws Exception {
    String server = cluster.cluster().servers().get(0).instanceId();
    open("/");
    browser.find("#instances-servers a[href='#/instances/" + server + "']").click();
    browser.find("#instance-properties");
    browser.find("#hosted-segments, #instance-segments p");
    browser.screenshot("instance-page");
    JsonNode info = cluster.get(cluster.controllerUrl() + "/instances/" + server).json();
    List<String> tags = browser.findAll("#instance-tags .badge").stream().map(WebElement::getText).toList();
    List<String> expectedTags = new ArrayList<>();
    info.path("tags").forEach(t -> expectedTags.add(t.asText()));
    assertThat(tags).isEqualTo(expectedTags).isNotEmpty();
    JsonNode view = cluster.get(cluster.controllerUrl() + "/tables/uiStats/externalview").json().path("OFFLINE");
    List<String> hosted = new ArrayList<>();
    view.fields().forEachRemaining(e -> {
      if (e.getValue().has(server)) {
        hosted.add(e.getKey());
      }
    });
    if (hosted.isEmpty()) {
      assertThat(browser.find("#instance-segments").getText()).contains("hosts no segments");
    } else {
      assertThat(column("#hosted-segments", 2)).containsExactlyInAnyOrderElementsOf(hosted);
      assertThat(column("#hosted-segments", 3)).containsOnly("ONLINE");
    }
  }

  @Test
  @Order(3)
  void tablePageShowsSchemaSizeAndSegments() throws Exception {
    open("/");
    browser.find("#cluster-tables a.table-link").click();
    browser.find("#schema-table");
    browser.find("#segment-table");
    browser.screenshot("table-page");
    assertThat(browser.find("#table-title").getText()).isEqualTo(UiTestCluster.TABLE);
    assertThat(column("#schema-table", 0)).containsExactly("teamID", "league", "yearID", "runs", "hits");
    assertThat(column("#schema-table", 2)).containsExactly("DIMENSION", "DIMENSION", "DIMENSION", "METRIC", "METRIC");
    assertThat(browser.find("#table-types").getText()).isEqualTo("OFFLINE");
    assertThat(browser.find("#table-reported-size").getText()).matches("[0-9.]+ (B|KB|MB)");
    JsonNode view = cluster.get(cluster.controllerUrl() + "/tables/uiStats/externalview").json().path("OFFLINE");
    List<String> expected = new ArrayList<>();
    view.fields().forEachRemaining(e -> e.getValue().fields().forEachRemaining(
        s -> expected.add(e.getKey() + "@" + s.getKey() + "=" + s.getValue().asText())));
    List<String> shown = new ArrayList<>();
    for (WebElement tr : browser.findAll("#segment-table tbody tr")) {
      List<WebElement> cells = tr.findElements(By.tagName("td"));
      shown.add(cells.get(0).getText() + "@" + cells.get(2).getText() + "=" + cells.get(4).getText());
    }
    assertThat(shown).containsExactlyInAnyOrderElementsOf(expected).hasSize(UiTestCluster.SEGMENTS);

    browser.find("#segment-state-filter option[value='ERROR']").click();
    browser.await("no ERROR segments", () -> browser.find("#segment-list").getText().contains("No ERROR segments"));
    browser.screenshot("segments-error-filter");
    browser.find("#segment-state-filter option[value='ONLINE']").click();
    browser.await("ONLINE segments", () -> browser.findAll("#segment-table tbody tr").size() == UiTestCluster.SEGMENTS);

    browser.find("#segment-table tbody tr[data-segment='uiStats_1']").click();
    WebElement metadata = browser.find("#segment-metadata");
    browser.screenshot("segment-metadata");
    JsonNode expectedMetadata = cluster.get(cluster.controllerUrl() + "/segments/uiStats/uiStats_1/metadata").json();
    assertThat(io.pinot.common.utils.JsonUtils.parse(metadata.getText())).isEqualTo(expectedMetadata);
    assertThat(browser.find("#reset-segment").isDisplayed()).isTrue();
  }

  @Test
  @Order(4)
  void invalidConfigIsRefusedAndAValidOneIsSaved() throws Exception {
    open("/tables/uiStats");
    WebElement editor = browser.find("#table-config-editor");
    browser.await("the config in the editor", () -> editor.getAttribute("value").contains("\"tableName\""));
    String before = cluster.get(cluster.controllerUrl() + "/tables/uiStats").body();
    editor.sendKeys(Keys.chord(Keys.CONTROL, "a"), "{\"tableName\": \"uiStats\",");
    browser.find("#save-config").click();
    WebElement error = browser.find("#config-error");
    browser.screenshot("config-invalid");
    assertThat(error.getText()).contains("Invalid JSON");
    assertThat(cluster.get(cluster.controllerUrl() + "/tables/uiStats").body()).isEqualTo(before);

    // Valid JSON the server refuses: its code and message are shown, nothing changes.
    String wrongType = before.replaceFirst("(?s)^\\{\"OFFLINE\":", "").replaceFirst("}$", "")
        .replace("\"replication\":\"1\"", "\"replication\":\"many\"");
    setEditor(editor, wrongType);
    browser.find("#save-config").click();
    WebElement serverError = browser.find("#config-save-error");
    browser.screenshot("config-server-error");
    assertThat(serverError.getAttribute("data-code")).isEqualTo("400");
    assertThat(cluster.get(cluster.controllerUrl() + "/tables/uiStats").body()).isEqualTo(before);

    // A valid change: one more inverted index column, saved with PUT /tables/uiStats.
    JsonNode config = cluster.get(cluster.controllerUrl() + "/tables/uiStats").json().path("OFFLINE");
    ((com.fasterxml.jackson.databind.node.ArrayNode) config.path("tableIndexConfig").path("invertedIndexColumns"))
        .add("league");
    setEditor(editor, io.pinot.common.utils.JsonUtils.toJson(config));
    browser.find("#save-config").click();
    browser.find("#config-saved");
    browser.screenshot("config-saved");
    JsonNode saved = cluster.get(cluster.controllerUrl() + "/tables/uiStats").json().path("OFFLINE");
    assertThat(saved.path("tableIndexConfig").path("invertedIndexColumns").toString()).contains("league", "teamID");
  }

  private void setEditor(WebElement editor, String text) {
    browser.js("const e = arguments[0]; e.value = arguments[1]; e.dispatchEvent(new Event('input'));", editor, text);
    assertThat(Map.of("value", editor.getAttribute("value"))).containsEntry("value", text);
  }
}
