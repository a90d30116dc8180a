// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.ingestion;

import io.pinot.common.utils.JsonUtils;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.config.table.ingestion.IngestionConfig;

/// Reads the typed `ingestionConfig` section of a table config, which [TableConfig] keeps as untyped JSON in its
/// `otherFields`. Stateless.
public final class IngestionConfigs {
  private IngestionConfigs() {
  }

  /// The table's ingestion config, or [IngestionConfig#empty()] when the section is absent.
  ///
  /// @throws IllegalArgumentException naming the section when it does not have Pinot's shape
  public static IngestionConfig of(TableConfig tableConfig) {
    Object section = tableConfig.otherFields().get("ingestionConfig");
    if (section == null) {
      return IngestionConfig.empty();
    }
    try {
      return JsonUtils.MAPPER.convertValue(JsonUtils.toJsonNode(section), IngestionConfig.class);
    } catch (IllegalArgumentException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new IllegalArgumentException("Invalid ingestionConfig of table[" + tableConfig.tableName() + "]: "
          + cause.getMessage(), e);
    }
  }
}
