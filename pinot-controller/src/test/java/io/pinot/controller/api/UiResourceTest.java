// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pinot.common.http.RestException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

class UiResourceTest {
  private final UiResource resource = new UiResource();

  @Test
  void plainPathsAreAccepted() {
    assertThat(UiResource.checked("js/query/console.js")).isEqualTo("js/query/console.js");
    assertThat(UiResource.checked("codemirror/5.65.16/lib/codemirror.js")).isEqualTo(
        "codemirror/5.65.16/lib/codemirror.js");
  }

  @Test
  void traversalAndOddSegmentsAreNotFound() {
    for (String path : new String[] {"..", "../x.js", "js/../../x", "js/./app.js", "js//app.js", ".hidden",
        "js\\..\\app.js", "js/app.js/", "", "a\u0000b", "js/%2e%2e/app.js"}) {
      assertThatThrownBy(() -> UiResource.checked(path)).as(path).isInstanceOf(RestException.class)
          .satisfies(e -> assertThat(((RestException) e).getResponse().getStatus()).isEqualTo(404));
    }
  }

  @Test
  void contentTypesFollowTheExtension() {
    assertThat(UiResource.contentType("index.html")).isEqualTo("text/html; charset=utf-8");
    assertThat(UiResource.contentType("app.js")).isEqualTo("text/javascript; charset=utf-8");
    assertThat(UiResource.contentType("app.CSS")).isEqualTo("text/css; charset=utf-8");
    assertThat(UiResource.contentType("chart.umd.js.map")).isEqualTo("application/json; charset=utf-8");
    assertThat(UiResource.contentType("LICENSE")).isEqualTo("application/octet-stream");
  }

  @Test
  void filesAreServedWithETagsAndMissingOnesAreNotFound() {
    Response index = resource.index(null);
    assertThat(index.getStatus()).isEqualTo(200);
    String etag = index.getEntityTag().getValue();
    assertThat(resource.index("\"" + etag + "\"").getStatus()).isEqualTo(304);
    Response webjar = resource.webjar("codemirror/mode/sql/sql.js", null);
    assertThat(webjar.getStatus()).isEqualTo(200);
    assertThat(webjar.getHeaderString("Cache-Control")).isEqualTo("no-cache");
    assertThatThrownBy(() -> resource.asset("js/missing.js", null)).isInstanceOf(RestException.class);
    assertThatThrownBy(() -> resource.webjar("codemirror", null)).isInstanceOf(RestException.class);
  }
}
