// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.ingestion;

import com.fasterxml.jackson.databind.JsonNode;
import io.pinot.common.utils.JsonUtils;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.Schema;
import java.util.Objects;

/// The table a job builds segments for: its raw name, schema and table config, as resolved from the job
/// spec's `tableSpec`. Immutable.
public record TableInputs(String tableName, Schema schema, TableConfig tableConfig) {
  public TableInputs {
    Objects.requireNonNull(tableName, "tableName is null");
    Objects.requireNonNull(schema, "schema is null");
    Objects.requireNonNull(tableConfig, "tableConfig is null");
  }

  /// Whether the table config's `ingestionConfig.continueOnError` asks to skip rows that cannot be read.
  public boolean tableContinueOnError() {
    Object ingestionConfig = tableConfig.otherFields().get("ingestionConfig");
    if (ingestionConfig == null) {
      return false;
    }
    JsonNode node = JsonUtils.toJsonNode(ingestionConfig).get("continueOnError");
    return node != null && (node.asBoolean(false) || "true".equalsIgnoreCase(node.asText()));
  }
}
