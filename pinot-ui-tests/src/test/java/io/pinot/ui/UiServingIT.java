// SPDX-License-Identifier: Apache-2.0
package io.pinot.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pinot.common.utils.JsonUtils;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/// How the controller serves its web UI (`/`, `/ui/...`, `/webjars/...`: content types, caching, 404s, refused path
/// traversal) and its `POST /sql` (what the Query Console calls): forwarded to a broker, errors in Pinot's shape.
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UiServingIT {
  @TempDir
  static Path workDir;
  private UiTestCluster cluster;
  private String controller;

  @BeforeAll
  void start() throws Exception {
    cluster = UiTestCluster.start(workDir);
    controller = cluster.controllerUrl();
  }

  @AfterAll
  void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @Order(1)
  void indexAndAssetsAreServedWithTheirTypes() throws Exception {
    UiTestCluster.Reply index = cluster.get(controller + "/");
    assertThat(index.status()).isEqualTo(200);
    assertThat(index.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(index.header("Cache-Control")).hasValue("no-cache");
    assertThat(index.body()).contains("Query Console", "/ui/js/app.js", "/webjars/codemirror/lib/codemirror.js");

    UiTestCluster.Reply script = cluster.get(controller + "/ui/js/app.js");
    assertThat(script.status()).isEqualTo(200);
    assertThat(script.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
    assertThat(script.header("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(script.body()).contains("hashchange");
    UiTestCluster.Reply css = cluster.get(controller + "/ui/css/app.css");
    assertThat(css.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));

    // A revalidation with the ETag is answered 304 without a body.
    String etag = script.header("ETag").orElseThrow();
    UiTestCluster.Reply again = cluster.get(controller + "/ui/js/app.js", "If-None-Match", etag);
    assertThat(again.status()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
  }

  @Test
  @Order(2)
  void webjarsAreServedWithAndWithoutVersion() throws Exception {
    UiTestCluster.Reply unversioned = cluster.get(controller + "/webjars/codemirror/lib/codemirror.js");
    assertThat(unversioned.status()).isEqualTo(200);
    assertThat(unversioned.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
    assertThat(unversioned.header("Cache-Control")).hasValue("no-cache");
    assertThat(unversioned.body()).contains("CodeMirror");
    String version = webjarVersion("codemirror");
    UiTestCluster.Reply versioned = cluster.get(controller + "/webjars/codemirror/" + version + "/lib/codemirror.js");
    assertThat(versioned.status()).isEqualTo(200);
    assertThat(versioned.header("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("max-age=31536000"));
    assertThat(versioned.body()).isEqualTo(unversioned.body());
    UiTestCluster.Reply chart = cluster.get(controller + "/webjars/chartjs/dist/chart.umd.js");
    assertThat(chart.status()).isEqualTo(200);
    assertThat(cluster.get(controller + "/webjars/codemirror/lib/codemirror.css").header("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
  }

  @Test
  @Order(3)
  void missingFilesAndTraversalAre404() throws Exception {
    for (String path : new String[] {"/ui/js/no-such-file.js", "/webjars/codemirror/lib/nothing.js",
        "/webjars/no-such-jar/x.js", "/ui/%2e%2e/%2e%2e/ControllerApi.class",
        "/ui/..%2f..%2fapi%2fUiResource.class", "/ui/js/%2e%2e/%2e%2e/ui/index.html",
        "/webjars/codemirror/..%2f..%2f..%2fmaven%2forg.webjars.npm%2fcodemirror%2fpom.properties",
        "/webjars/%2e%2e/%2e%2e/%2e%2e/log4j2.xml", "/ui/js%5c..%5capp.js", "/ui/.%2fjs/app.js", "/ui/js//app.js"}) {
      UiTestCluster.Reply reply = cluster.get(controller + path);
      assertThat(reply.status()).as(path).isEqualTo(404);
      JsonNode error = reply.json();
      assertThat(error.path("code").asInt()).as(path).isEqualTo(404);
      assertThat(error.path("error").asText()).as(path).startsWith("Not found");
    }
    // Raw "..": whatever the server makes of it, nothing outside the UI folders is served.
    UiTestCluster.Reply raw = cluster.get(controller + "/ui/js/../../../io/pinot/controller/api/UiResource.class");
    assertThat(raw.status()).isEqualTo(404);
  }

  @Test
  @Order(4)
  void sqlIsForwardedToTheBrokerUnchanged() throws Exception {
    String sql = "select teamID, sum(runs) from uiStats group by teamID order by teamID";
    UiTestCluster.Reply reply = cluster.post(controller + "/sql", "{\"sql\": \"" + sql + "\"}");
    assertThat(reply.status()).isEqualTo(200);
    JsonNode viaController = reply.json();
    JsonNode direct = cluster.query(sql);
    assertThat(viaController.path("exceptions")).isEmpty();
    assertThat(viaController.path("resultTable")).isEqualTo(direct.path("resultTable"));
    assertThat(viaController.path("resultTable").path("rows")).hasSize(UiTestCluster.TEAMS.length);
    assertThat(viaController.path("totalDocs").asLong())
        .isEqualTo((long) UiTestCluster.SEGMENTS * UiTestCluster.ROWS_PER_SEGMENT);

    // SET statements, query options and the trace flag reach the broker.
    JsonNode set = cluster.post(controller + "/sql", "{\"sql\": \"SET timeoutMs = 20000; SET trace = true; "
        + "select count(*) from uiStats\"}").json();
    assertThat(set.path("exceptions")).isEmpty();
    assertThat(set.path("traceInfo").size()).isPositive();
    JsonNode traced = cluster.post(controller + "/sql",
        "{\"sql\": \"select count(*) from uiStats\", \"trace\": true, \"queryOptions\": \"timeoutMs=20000\"}").json();
    assertThat(traced.path("traceInfo").size()).isPositive();
    JsonNode get = cluster.get(controller + "/sql?sql=select%20count(*)%20from%20uiStats").json();
    assertThat(get.path("resultTable").path("rows").path(0).path(0).asLong())
        .isEqualTo((long) UiTestCluster.SEGMENTS * UiTestCluster.ROWS_PER_SEGMENT);
  }

  @Test
  @Order(5)
  void queryErrorsAreThoseOfTheBroker() throws Exception {
    for (String sql : new String[] {"select * from noSuchTable", "select noSuchColumn from uiStats",
        "selec * frm uiStats"}) {
      UiTestCluster.Reply reply = cluster.post(controller + "/sql",
          JsonUtils.toJson(Map.of("sql", sql)));
      assertThat(reply.status()).as(sql).isEqualTo(200);
      JsonNode direct = cluster.query(sql);
      assertThat(reply.json().path("exceptions")).as(sql).isNotEmpty().isEqualTo(direct.path("exceptions"));
      assertThat(reply.header("X-Pinot-Error-Code"))
          .hasValue(direct.path("exceptions").path(0).path("errorCode").asText());
    }
    assertThat(cluster.post(controller + "/sql", "{\"sql\": \"select * from noSuchTable\"}").json()
        .path("exceptions").path(0).path("errorCode").asInt()).isEqualTo(190);
    assertThat(cluster.post(controller + "/sql", "{\"sql\": \"select noSuchColumn from uiStats\"}").json()
        .path("exceptions").path(0).path("errorCode").asInt()).isEqualTo(710);
  }

  @Test
  @Order(6)
  void requestsThatAreNotQueriesGetJsonParsingErrors() throws Exception {
    for (String body : new String[] {"{not json", "{}", "{\"sql\": 42}", "{\"sql\": \"  \"}", ""}) {
      UiTestCluster.Reply reply = cluster.post(controller + "/sql", body);
      assertThat(reply.status()).as(body).isEqualTo(200);
      JsonNode error = reply.json().path("exceptions").path(0);
      assertThat(error.path("errorCode").asInt()).as(body).isEqualTo(100);
      assertThat(error.path("message").asText()).as(body).isNotBlank();
      assertThat(reply.json().has("resultTable")).isFalse();
    }
    assertThat(cluster.get(controller + "/sql").json().path("exceptions").path(0).path("errorCode").asInt())
        .isEqualTo(100);
  }

  @Test
  @Order(7)
  void noLiveBrokerIsAClearError() throws Exception {
    String broker = cluster.cluster().brokers().get(0).instanceId();
    assertThat(cluster.put(controller + "/instances/" + broker + "/state?state=disable", "").status())
        .isEqualTo(200);
    try {
      for (String sql : new String[] {"select count(*) from uiStats", "select 1"}) {
        UiTestCluster.Reply reply = cluster.post(controller + "/sql",
            JsonUtils.toJson(Map.of("sql", sql)));
        assertThat(reply.status()).isEqualTo(200);
        JsonNode error = reply.json().path("exceptions").path(0);
        assertThat(error.path("errorCode").asInt()).as(sql).isEqualTo(410);
        assertThat(error.path("message").asText()).contains("No live broker");
        assertThat(reply.header("X-Pinot-Error-Code")).hasValue("410");
      }
    } finally {
      cluster.put(controller + "/instances/" + broker + "/state?state=enable", "");
    }
    // Once the broker is enabled again (and has rebuilt its routing), the same query is answered.
    JsonNode answer = null;
    for (int i = 0; i < 300; i++) {
      answer = cluster.post(controller + "/sql", "{\"sql\": \"select count(*) from uiStats\"}").json();
      if (answer.path("exceptions").isEmpty()) {
        break;
      }
      Thread.sleep(100);
    }
    assertThat(answer.path("exceptions")).isEmpty();
    assertThat(answer.path("resultTable").path("rows").path(0).path(0).asLong())
        .isEqualTo((long) UiTestCluster.SEGMENTS * UiTestCluster.ROWS_PER_SEGMENT);
  }

  private static String webjarVersion(String name) throws IOException {
    try (InputStream in = UiServingIT.class.getClassLoader()
        .getResourceAsStream("META-INF/maven/org.webjars.npm/" + name + "/pom.properties")) {
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    }
  }
}
