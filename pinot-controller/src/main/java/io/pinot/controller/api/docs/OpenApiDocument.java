// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.api.docs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/// The OpenAPI 3.0 document of the controller's REST API, built from [ApiModel]'s endpoints. Each operation is
/// tagged by its resource (`TableResource` → "Table"), names its path, query and header parameters with their
/// types and defaults, and says every error answers `{"code", "error"}`.
public final class OpenApiDocument {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private OpenApiDocument() {
  }

  public static ObjectNode build(List<ApiOperation> operations, String version) {
    ObjectNode root = JSON.objectNode();
    root.put("openapi", "3.0.3");
    ObjectNode info = root.putObject("info");
    info.put("title", "Pinot Controller API");
    info.put("version", version);
    info.put("description", "The controller's REST API, at Apache Pinot's paths. Errors answer "
        + "{\"code\": <HTTP status>, \"error\": \"<message>\"}.");
    root.putArray("servers").addObject().put("url", "/");
    Map<String, ObjectNode> paths = new TreeMap<>();
    Map<String, Boolean> tags = new TreeMap<>();
    for (ApiOperation operation : operations) {
      String tag = tag(operation.javaMethod());
      tags.put(tag, Boolean.TRUE);
      ObjectNode item = paths.computeIfAbsent(operation.path(), p -> JSON.objectNode());
      item.set(operation.httpMethod().toLowerCase(Locale.ROOT), operation(operation, tag));
    }
    ArrayNode tagList = root.putArray("tags");
    tags.keySet().forEach(tag -> tagList.addObject().put("name", tag));
    ObjectNode pathsNode = root.putObject("paths");
    paths.forEach(pathsNode::set);
    ObjectNode schemas = root.putObject("components").putObject("schemas");
    ObjectNode error = schemas.putObject("Error");
    error.put("type", "object");
    ObjectNode errorProperties = error.putObject("properties");
    errorProperties.putObject("code").put("type", "integer");
    errorProperties.putObject("error").put("type", "string");
    return root;
  }

  private static ObjectNode operation(ApiOperation operation, String tag) {
    ObjectNode node = JSON.objectNode();
    node.putArray("tags").add(tag);
    String method = operation.javaMethod().substring(operation.javaMethod().indexOf('.') + 1);
    node.put("summary", summary(method));
    node.put("operationId", operation.javaMethod().replace('.', '_'));
    if (!operation.parameters().isEmpty()) {
      ArrayNode parameters = node.putArray("parameters");
      for (ApiOperation.ApiParameter parameter : operation.parameters()) {
        ObjectNode p = parameters.addObject();
        p.put("name", parameter.name());
        p.put("in", parameter.in());
        p.put("required", parameter.in().equals("path"));
        ObjectNode schema = schema(parameter.type());
        if (parameter.defaultValue() != null) {
          schema.put("default", parameter.defaultValue());
        }
        p.set("schema", schema);
      }
    }
    if (operation.hasBody()) {
      ObjectNode content = node.putObject("requestBody").put("required", true).putObject("content");
      List<String> consumes = operation.consumes().isEmpty() ? List.of("application/json") : operation.consumes();
      for (String type : consumes) {
        ObjectNode schema = content.putObject(type).putObject("schema");
        if (type.equals("multipart/form-data")) {
          schema.put("type", "object").putObject("properties").putObject("file").put("type", "string")
              .put("format", "binary");
        } else {
          schema.put("type", type.equals("application/json") ? "object" : "string");
        }
      }
    }
    ObjectNode responses = node.putObject("responses");
    ObjectNode ok = responses.putObject("200").put("description", "Success");
    if (!operation.produces().isEmpty()) {
      ObjectNode content = ok.putObject("content");
      operation.produces().forEach(content::putObject);
    }
    responses.putObject("default").put("description", "Error").putObject("content").putObject("application/json")
        .putObject("schema").put("$ref", "#/components/schemas/Error");
    return node;
  }

  private static ObjectNode schema(Class<?> type) {
    ObjectNode schema = JSON.objectNode();
    if (type == int.class || type == Integer.class) {
      schema.put("type", "integer").put("format", "int32");
    } else if (type == long.class || type == Long.class) {
      schema.put("type", "integer").put("format", "int64");
    } else if (type == boolean.class || type == Boolean.class) {
      schema.put("type", "boolean");
    } else if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
      schema.put("type", "number");
    } else if (type.isEnum()) {
      schema.put("type", "string");
      ArrayNode values = schema.putArray("enum");
      for (Object constant : type.getEnumConstants()) {
        values.add(((Enum<?>) constant).name());
      }
    } else {
      schema.put("type", "string");
    }
    return schema;
  }

  /// `TableResource.getTable` → "Table"; `PeriodicTaskResource.run` → "Periodic Task".
  static String tag(String javaMethod) {
    String type = javaMethod.substring(0, javaMethod.indexOf('.'));
    if (type.endsWith("Resource")) {
      type = type.substring(0, type.length() - "Resource".length());
    }
    return words(type, true);
  }

  /// `listSegments` → "List segments".
  static String summary(String method) {
    String words = words(method, false);
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  private static String words(String camel, boolean capitalized) {
    StringBuilder out = new StringBuilder(camel.length() + 8);
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      boolean boundary = i > 0 && Character.isUpperCase(c)
          && (Character.isLowerCase(camel.charAt(i - 1))
          || (i + 1 < camel.length() && Character.isLowerCase(camel.charAt(i + 1))));
      if (boundary) {
        out.append(' ');
      }
      out.append(boundary && !capitalized ? Character.toLowerCase(c) : c);
    }
    return out.toString();
  }
}
