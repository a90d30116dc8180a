// SPDX-License-Identifier: Apache-2.0
package io.pinot.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pinot.common.utils.JsonUtils;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.WebElement;

/// The long operations and the ZooKeeper browser in headless Chromium: Reload All Segments with its progress to
/// completion, Reset Segment, the Rebalance dialog (validation, then a dry run's summary against the REST answer),
/// the ZooKeeper tree down to the table's ideal state, Ingest File with its progress, and a real rebalance onto a new
/// server with its progress until DONE.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperationsPagesIT extends BrowserTestBase {
  @Test
  @Order(1)
  void reloadShowsProgressToCompletion() {
    open("/tables/uiStats");
    browser.find("#segment-table");
    browser.find("#reload-segments").click();
    WebElement status = browser.await("the reload to complete", () -> {
      WebElement s = browser.find("#reload-status");
      return "true".equals(s.getAttribute("data-complete")) ? s : null;
    });
    browser.screenshot("reload-complete");
    assertThat(status.getText()).contains(UiTestCluster.SEGMENTS + " of " + UiTestCluster.SEGMENTS
        + " segments reloaded");
    assertThat(browser.find("#reload-progress").getAttribute("data-percent")).isEqualTo("100");
  }

  @Test
  @Order(2)
  void resetSegmentAnswersWithItsStatus() throws Exception {
    open("/tables/uiStats");
    browser.find("#segment-table tbody tr[data-segment='uiStats_0']").click();
    browser.find("#reset-segment").click();
    WebElement result = browser.find("#segment-action-result .ok-box, #segment-action-result .error-box");
    browser.screenshot("reset-segment");
    assertThat(result.getAttribute("class")).contains("ok-box");
    assertThat(result.getText()).isNotBlank();
    // The server takes the segment OFFLINE and back ONLINE after the answer: the later tests count on all rows.
    awaitCount("the reset segment to serve again", (long) UiTestCluster.SEGMENTS * UiTestCluster.ROWS_PER_SEGMENT);
  }

  @Test
  @Order(3)
  void rebalanceDryRunShowsItsSummary() throws Exception {
    open("/tables/uiStats");
    browser.find("#rebalance-open").click();
    WebElement min = browser.find("#rebalance-minAvailableReplicas");
    min.clear();
    min.sendKeys("one");
    browser.find("#rebalance-submit").click();
    assertThat(browser.find("#rebalance-validation-error").getText()).contains("minAvailableReplicas");
    browser.screenshot("rebalance-invalid");
    min.clear();
    min.sendKeys("0");
    assertThat(browser.find("#rebalance-dryRun").isSelected()).isTrue();
    browser.find("#rebalance-submit").click();
    WebElement summary = browser.find("#rebalance-summary");
    browser.screenshot("rebalance-dry-run");
    JsonNode expected = cluster.post(cluster.controllerUrl()
        + "/tables/uiStats/rebalance?type=OFFLINE&dryRun=true&minAvailableReplicas=0", "").json();
    assertThat(summary.getAttribute("data-status")).isEqualTo(expected.path("status").asText());
    assertThat(browser.find("#rebalance-description").getText()).isNotBlank();
    JsonNode segmentInfo = expected.path("rebalanceSummaryResult").path("segmentInfo");
    assertThat(browser.find("#rebalance-segment-info").getText()).contains("Segments to be moved "
        + segmentInfo.path("totalSegmentsToBeMoved").asInt());
    assertThat(browser.find("#rebalance-server-info").getText()).contains("Servers (before → after)");
    // A dry run moves nothing.
    assertThat(cluster.get(cluster.controllerUrl() + "/tables/uiStats/idealstate").json().path("OFFLINE").size())
        .isEqualTo(UiTestCluster.SEGMENTS);
  }

  @Test
  @Order(4)
  void zookeeperBrowserShowsTheIdealState() throws Exception {
    open("/zookeeper");
    String clusterName = cluster.cluster().clusterName();
    browser.find("#zk-tree .zk-node[data-path='/" + clusterName + "']").click();
    browser.find("#zk-tree .zk-node[data-path='/" + clusterName + "/IDEALSTATES']").click();
    browser.find("#zk-tree .zk-node[data-path='/" + clusterName + "/IDEALSTATES/uiStats_OFFLINE']").click();
    WebElement data = browser.await("the ideal state's data", () -> {
      WebElement d = browser.find("#zk-data");
      return d.getText().contains("uiStats_0") ? d : null;
    });
    browser.screenshot("zookeeper-ideal-state");
    String path = "/" + clusterName + "/IDEALSTATES/uiStats_OFFLINE";
    assertThat(browser.find("#zk-path").getText()).isEqualTo(path);
    JsonNode shown = JsonUtils.parse(data.getText());
    assertThat(shown.path("mapFields").size()).isEqualTo(UiTestCluster.SEGMENTS);
    assertThat(browser.find("#zk-stat").getText()).contains("numChildren");
    // The root lists the cluster's node among its children, as GET /zk/ls does.
    JsonNode root = cluster.get(cluster.controllerUrl() + "/zk/ls?path=/").json();
    for (JsonNode child : root) {
      assertThat(browser.present("#zk-tree .zk-node[data-path='/" + child.asText() + "']")).as(child.asText()).isTrue();
    }
  }

  @Test
  @Order(5)
  void ingestFileShowsProgressThenAddsItsRows() throws Exception {
    long before = cluster.query("select count(*) from " + UiTestCluster.TABLE).at("/resultTable/rows/0/0").asLong();
    Path csv = workDir.resolve("more-rows.csv");
    StringBuilder rows = new StringBuilder("teamID|league|yearID|runs|hits\n");
    for (int i = 0; i < 25; i++) {
      rows.append("BOS|AL|").append(2010 + i % 3).append('|').append(i).append('|').append(i * 2).append('\n');
    }
    Files.writeString(csv, rows);
    open("/tables/uiStats");
    browser.find("#segment-table");
    browser.find("#ingest-open").click();
    browser.find("#ingest-file").sendKeys(csv.toAbsolutePath().toString());
    browser.find("#ingest-delimiter").clear();
    browser.find("#ingest-delimiter").sendKeys("|");
    browser.find("#ingest-start").click();
    WebElement result = browser.find("#ingest-result, #ingest-error");
    browser.screenshot("ingest-done");
    assertThat(result.getAttribute("id")).as(result.getText()).isEqualTo("ingest-result");
    assertThat(result.getText()).startsWith("Successfully ingested file into table: uiStats_OFFLINE as segment: ");
    JsonNode job = cluster.get(cluster.controllerUrl() + "/ingestionStatus/" + result.getAttribute("data-job-id"))
        .json();
    assertThat(job.path("phase").asText()).isEqualTo("DONE");
    assertThat(job.path("numDocs").asText()).isEqualTo("25");
    assertThat(result.getText()).endsWith(job.path("segmentName").asText());
    browser.await("the new rows to be queryable", () -> {
      try {
        return cluster.query("select count(*) from " + UiTestCluster.TABLE).at("/resultTable/rows/0/0").asLong()
            == before + 25 ? Boolean.TRUE : null;
      } catch (Exception e) {
        return null;
      }
    });

    // A row that does not parse: the page shows the controller's 400, and nothing is added.
    Files.writeString(csv, "teamID|league|yearID|runs|hits\nBOS|AL|not-a-year|1|2\n");
    browser.find("#ingest-file").sendKeys(csv.toAbsolutePath().toString());
    browser.find("#ingest-start").click();
    WebElement error = browser.find("#ingest-error");
    browser.screenshot("ingest-bad-row");
    assertThat(error.getAttribute("data-code")).isEqualTo("400");
    assertThat(error.getText()).contains("yearID").contains("more-rows.csv line 2").doesNotContain(".input");
    assertThat(cluster.query("select count(*) from " + UiTestCluster.TABLE).at("/resultTable/rows/0/0").asLong())
        .isEqualTo(before + 25);
  }

  @Test
  @Order(6)
  void realRebalanceShowsProgressUntilDone() throws Exception {
    long rows = cluster.query("select count(*) from " + UiTestCluster.TABLE).at("/resultTable/rows/0/0").asLong();
    String added = cluster.cluster().addServer().instanceId();
    browser.await("the new server to be live", () -> {
      try {
        return cluster.get(cluster.controllerUrl() + "/liveinstances").body().contains(added) ? Boolean.TRUE : null;
      } catch (Exception e) {
        return null;
      }
    });
    open("/tables/uiStats");
    browser.find("#rebalance-open").click();
    assertThat(browser.find("#rebalance-minAvailableReplicas").getAttribute("value")).isEqualTo("-1");
    browser.find("#rebalance-dryRun").click();
    assertThat(browser.find("#rebalance-dryRun").isSelected()).isFalse();
    browser.find("#rebalance-submit").click();
    WebElement progress = browser.await("the rebalance to end", () -> {
      WebElement p = browser.find("#rebalance-progress");
      String status = p.getAttribute("data-status");
      return "DONE".equals(status) || "FAILED".equals(status) ? p : null;
    });
    browser.js("arguments[0].scrollIntoView({block: 'center'})", progress);
    browser.screenshot("rebalance-done");
    assertThat(progress.getAttribute("data-status")).as(progress.getText()).isEqualTo("DONE");
    assertThat(browser.find("#rebalance-progress-bar").getAttribute("data-percent")).isEqualTo("100");
    JsonNode externalView = cluster.get(cluster.controllerUrl() + "/tables/uiStats/externalview").json()
        .path("OFFLINE");
    assertThat(externalView.toString()).contains(added);
    // The broker follows the moved segments a moment after the external view: until then it asks their old server.
    awaitCount("the broker to route to the moved segments", rows);
    assertThat(cluster.query("select count(*) from " + UiTestCluster.TABLE).at("/resultTable/rows/0/0").asLong())
        .isEqualTo(rows);
  }

  /// Waits until the broker answers `count(*)` of the table with `expected` and no exception.
  private void awaitCount(String what, long expected) {
    browser.await(what, () -> {
      try {
        JsonNode answer = cluster.query("select count(*) from " + UiTestCluster.TABLE);
        return answer.path("exceptions").isEmpty() && answer.at("/resultTable/rows/0/0").asLong() == expected;
      } catch (Exception e) {
        return null;
      }
    });
  }
}
