// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.api.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pinot.controller.ControllerContext;
import io.pinot.controller.api.ControllerApi;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;

/// The API document at `/openapi.json` lists exactly the endpoints the controller registers: compared with a walk
/// of the registered resource classes' JAX-RS annotations by plain reflection (independent of Jersey's model,
/// which the document is built from).
class ApiDocsTest {
  private static final List<Class<? extends Annotation>> HTTP_METHODS =
      List.of(GET.class, POST.class, PUT.class, DELETE.class, HEAD.class);
  private static final Pattern TEMPLATE = Pattern.compile("\\{([^}]+)}");

  private static ResourceConfig registered() {
    ControllerContext nothing = new ControllerContext(null, "Controller_test", null, null, null, null, null, null,
        null, null, null, null, null, null);
    return ControllerApi.resources(nothing);
  }

  @Test
  void documentListsEveryRegisteredEndpointAndNothingElse() {
    ResourceConfig config = registered();
    TreeSet<String> expected = new TreeSet<>();
    ApiDocsResource docs = null;
    for (Object instance : config.getInstances()) {
      if (instance instanceof ApiDocsResource resource) {
        docs = resource;
      }
      expected.addAll(endpointsByReflection(instance.getClass()));
    }
    assertThat(docs).as("the controller registers its API documentation").isNotNull();
    ObjectNode document = docs.openApi();
    TreeSet<String> documented = new TreeSet<>();
    Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> path = paths.next();
      path.getValue().fieldNames().forEachRemaining(method -> documented.add(method.toUpperCase() + " "
          + path.getKey()));
    }
    assertThat(documented).isEqualTo(expected);
    // The controller's main endpoints are there (guards against both walks missing the same resource).
    assertThat(documented).contains("GET /tables", "POST /schemas", "GET /segments/{tableName}",
        "GET /openapi.json", "GET /health", "GET /cluster/info", "GET /periodictask/run")
        .doesNotContain("GET /help", "GET /help/{file}");
    assertThat(expected.size()).isGreaterThan(40);
  }

  @Test
  void everyPathParameterIsDeclaredAndEveryErrorHasPinotsShape() {
    ObjectNode document = docsOf(registered()).openApi();
    assertThat(document.path("openapi").asText()).isEqualTo("3.0.3");
    assertThat(document.at("/components/schemas/Error/properties").has("code")).isTrue();
    document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
      List<String> declared = new ArrayList<>();
      op.getValue().path("parameters").forEach(p -> {
        if (p.path("in").asText().equals("path")) {
          assertThat(p.path("required").asBoolean()).isTrue();
          declared.add(p.path("name").asText());
        }
      });
      List<String> inTemplate = new ArrayList<>();
      Matcher m = TEMPLATE.matcher(path.getKey());
      while (m.find()) {
        inTemplate.add(m.group(1));
      }
      assertThat(declared).as(op.getKey() + " " + path.getKey()).containsExactlyInAnyOrderElementsOf(inTemplate);
      assertThat(op.getValue().at("/responses/default/content/application~1json/schema/$ref").asText())
          .isEqualTo("#/components/schemas/Error");
      assertThat(op.getValue().path("tags").size()).isEqualTo(1);
    }));
    JsonNode getTable = document.at("/paths/~1tables~1{tableName}/get");
    assertThat(getTable.path("summary").asText()).isEqualTo("Get table");
    assertThat(getTable.path("tags").get(0).asText()).isEqualTo("Table");
    assertThat(getTable.path("parameters").findValuesAsText("name")).containsExactly("tableName", "type");
  }

  @Test
  void pathsAreNormalized() {
    assertThat(ApiModel.normalize("segments//{tableName: .+}/")).isEqualTo("/segments/{tableName}");
    assertThat(ApiModel.normalize("/zk/{id : [0-9]{3}}/x")).isEqualTo("/zk/{id}/x");
    assertThat(ApiModel.normalize("/")).isEqualTo("/");
    assertThat(ApiModel.normalize("")).isEqualTo("/");
    assertThat(OpenApiDocument.tag("PeriodicTaskResource.run")).isEqualTo("Periodic Task");
    assertThat(OpenApiDocument.summary("getZNodeStat")).isEqualTo("Get z node stat");
  }

  private static ApiDocsResource docsOf(ResourceConfig config) {
    for (Object instance : config.getInstances()) {
      if (instance instanceof ApiDocsResource resource) {
        return resource;
      }
    }
    throw new AssertionError("no ApiDocsResource registered");
  }

  /// `METHOD /path` for every HTTP method of `type`, read from its annotations alone.
  private static List<String> endpointsByReflection(Class<?> type) {
    List<String> endpoints = new ArrayList<>();
    Path classPath = type.getAnnotation(Path.class);
    if (classPath == null || type.isAnnotationPresent(HiddenFromApiDocs.class)) {
      return endpoints;
    }
    for (Method method : type.getMethods()) {
      if (method.isAnnotationPresent(HiddenFromApiDocs.class)) {
        continue;
      }
      for (Class<? extends Annotation> http : HTTP_METHODS) {
        if (method.isAnnotationPresent(http)) {
          Path sub = method.getAnnotation(Path.class);
          String path = "/" + classPath.value() + (sub == null ? "" : "/" + sub.value());
          path = path.replaceAll("\\{\\s*(\\w+)\\s*:[^/]*}", "{$1}").replaceAll("/+", "/");
          if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
          }
          endpoints.add(http.getSimpleName() + " " + path);
        }
      }
    }
    return endpoints;
  }
}
