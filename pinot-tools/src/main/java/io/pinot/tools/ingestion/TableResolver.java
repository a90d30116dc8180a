// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.ingestion;

import com.fasterxml.jackson.databind.JsonNode;
import io.pinot.common.utils.JsonUtils;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.Schema;
import io.pinot.tools.client.ControllerClient;
import io.pinot.tools.ingestion.spec.PinotClusterSpec;
import io.pinot.tools.ingestion.spec.SegmentGenerationJobSpec;
import io.pinot.tools.ingestion.spec.TableSpec;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import org.jspecify.annotations.Nullable;

/// Resolves a job spec's `tableSpec` into a [TableInputs]: reads the schema and table config from
/// `schemaURI` / `tableConfigURI` (http(s) URLs, `file:` URIs or local paths), defaulting to the first
/// controller's `/tables/{t}/schema` and `/tables/{t}`. A table config answered as `{"OFFLINE": {...}}`
/// (the controller's `GET /tables/{t}` shape) is unwrapped.
public final class TableResolver {
  private TableResolver() {
  }

  /// @throws IllegalArgumentException when the table name is missing or a document is absent or invalid
  public static TableInputs resolve(SegmentGenerationJobSpec spec, @Nullable String authorization)
      throws IOException {
    TableSpec tableSpec = spec.tableSpec();
    String tableName = tableSpec.tableName();
    if (tableName == null || tableName.isBlank()) {
      throw new IllegalArgumentException("tableSpec.tableName is missing");
    }
    String controller = firstController(spec);
    String schemaUri = tableSpec.schemaURI();
    if (schemaUri == null || schemaUri.isBlank()) {
      schemaUri = requireController(controller, "tableSpec.schemaURI") + "/tables/" + tableName + "/schema";
    }
    String tableConfigUri = tableSpec.tableConfigURI();
    if (tableConfigUri == null || tableConfigUri.isBlank()) {
      tableConfigUri = requireController(controller, "tableSpec.tableConfigURI") + "/tables/" + tableName;
    }
    String schemaText = read(schemaUri, "schema of table " + tableName, authorization, spec);
    Schema schema;
    try {
      schema = JsonUtils.fromJson(schemaText, Schema.class);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Invalid schema at " + schemaUri + ": " + e.getMessage(), e);
    }
    String tableText = read(tableConfigUri, "table config of table " + tableName, authorization, spec);
    TableConfig tableConfig;
    try {
      JsonNode node = unwrapTableConfig(JsonUtils.parse(tableText));
      if (node == null) {
        throw new IllegalArgumentException("Table " + tableName + " does not exist at " + tableConfigUri
            + ": create it first (pinot-admin.sh AddTable)");
      }
      tableConfig = JsonUtils.fromJsonNode(node, TableConfig.class);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Invalid table config at " + tableConfigUri + ": " + e.getMessage(), e);
    }
    return new TableInputs(tableConfig.rawTableName(), schema, tableConfig);
  }

  /// The table config inside a `{"OFFLINE": {...}}` / `{"REALTIME": {...}}` wrapper (OFFLINE preferred), the
  /// node itself when it is a bare config, or null for `{}` (what the controller answers for no table).
  public static @Nullable JsonNode unwrapTableConfig(JsonNode node) {
    if (node.has("tableName")) {
      return node;
    }
    for (String type : new String[] {"OFFLINE", "offline", "REALTIME", "realtime"}) {
      JsonNode inner = node.get(type);
      if (inner != null && inner.isObject()) {
        return inner;
      }
    }
    return node.isEmpty() ? null : node;
  }

  private static @Nullable String firstController(SegmentGenerationJobSpec spec) {
    for (PinotClusterSpec cluster : spec.pinotClusterSpecs()) {
      if (cluster.controllerURI() != null && !cluster.controllerURI().isBlank()) {
        String uri = cluster.controllerURI().trim();
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
      }
    }
    return null;
  }

  private static String requireController(@Nullable String controller, String field) {
    if (controller == null) {
      throw new IllegalArgumentException(field + " is missing and there is no pinotClusterSpecs[].controllerURI "
          + "to ask for it");
    }
    return controller;
  }

  private static String read(String uri, String what, @Nullable String authorization, SegmentGenerationJobSpec spec)
      throws IOException {
    String trimmed = uri.trim();
    if (trimmed.startsWith("http://") || trimmed.startsWith("https://")) {
      URI parsed = URI.create(trimmed);
      String base = parsed.getScheme() + "://" + parsed.getRawAuthority();
      String path = parsed.getRawPath() + (parsed.getRawQuery() == null ? "" : "?" + parsed.getRawQuery());
      String body = new ControllerClient(base, authorization).getOrNull(path);
      if (body == null) {
        throw new IllegalArgumentException("The " + what + " was not found at " + trimmed
            + ": create it first (pinot-admin.sh AddTable)");
      }
      return body;
    }
    try {
      return Files.readString(IngestionPlugins.localPath("tableSpec URI", trimmed, spec.pinotFSSpecs()),
          StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("The " + what + " file " + trimmed + " does not exist", e);
    }
  }
}
