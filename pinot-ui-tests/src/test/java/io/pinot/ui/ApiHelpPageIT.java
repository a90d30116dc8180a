// SPDX-License-Identifier: Apache-2.0
package io.pinot.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/// The Swagger UI at `/help` in headless Chromium: it renders the controller's OpenAPI document, and "Try it out" →
/// "Execute" on `GET /tables` shows the curl command and the controller's answer.
class ApiHelpPageIT extends BrowserTestBase {
  @Test
  void swaggerUiListsTheApiAndExecutesACall() {
    browser.open(cluster.controllerUrl() + "/help");
    browser.find(".swagger-ui .opblock-tag");
    List<String> tags = new ArrayList<>();
    for (WebElement tag : browser.findAll(".swagger-ui .opblock-tag")) {
      tags.add(tag.getAttribute("data-tag"));
    }
    assertThat(tags).contains("Table", "Tables", "Segment", "Schema", "Cluster", "Zookeeper", "Table Rebalance");
    browser.screenshot("api-tags");

    browser.find(".opblock-tag[data-tag='Tables']").click();
    WebElement getTables = browser.await("GET /tables", () -> {
      for (WebElement summary : browser.findAll(".opblock-get .opblock-summary")) {
        WebElement path = summary.findElement(org.openqa.selenium.By.cssSelector(".opblock-summary-path"));
        if ("/tables".equals(path.getAttribute("data-path"))) {
          return summary;
        }
      }
      return null;
    });
    getTables.click();
    browser.find(".opblock.is-open .try-out__btn").click();
    browser.find(".opblock.is-open .execute").click();
    String curl = browser.await("the curl command", () -> {
      List<WebElement> found = browser.findAll(".opblock.is-open .curl-command");
      return found.isEmpty() ? null : found.get(0).getText();
    });
    assertThat(curl).contains("curl").contains("/tables");
    String status = browser.await("the response", () -> {
      List<WebElement> found = browser.findAll(".opblock.is-open .live-responses-table tbody .response-col_status");
      return found.isEmpty() || found.get(0).getText().isBlank() ? null : found.get(0).getText().trim();
    });
    assertThat(status).isEqualTo("200");
    WebElement response = browser.find(".opblock.is-open .live-responses-table tbody .response-col_description pre");
    browser.js("arguments[0].scrollIntoView({block: 'center'})", response);
    String body = response.getText();
    assertThat(body).contains(UiTestCluster.TABLE);
    browser.screenshot("get-tables-executed");
  }
}
