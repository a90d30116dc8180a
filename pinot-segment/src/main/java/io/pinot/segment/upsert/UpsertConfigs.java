// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.upsert;

import io.pinot.common.utils.JsonUtils;
import io.pinot.spi.config.table.DedupConfig;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.config.table.UpsertConfig;
import io.pinot.spi.data.Schema;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// Reads the typed `upsertConfig` and `dedupConfig` sections of a table config, which [TableConfig] keeps as untyped
/// JSON in its `otherFields`. Validation against the schema is done by [UpsertContext#of] and [DedupContext#of].
/// Stateless.
public final class UpsertConfigs {
  /// The table config key of the upsert section.
  public static final String UPSERT_CONFIG = "upsertConfig";
  /// The table config key of the dedup section.
  public static final String DEDUP_CONFIG = "dedupConfig";

  private UpsertConfigs() {
  }

  /// The table's upsert config, or null when the section is absent.
  ///
  /// @throws IllegalArgumentException naming the section when it does not have Pinot's shape (e.g. an unknown mode
  ///     or strategy)
  public static @Nullable UpsertConfig upsert(TableConfig tableConfig) {
    return read(tableConfig, UPSERT_CONFIG, UpsertConfig.class);
  }

  /// The table's dedup config, or null when the section is absent.
  ///
  /// @throws IllegalArgumentException naming the section when it does not have Pinot's shape
  public static @Nullable DedupConfig dedup(TableConfig tableConfig) {
    return read(tableConfig, DEDUP_CONFIG, DedupConfig.class);
  }

  /// Whether the table is an upsert table (an `upsertConfig` whose mode is not `NONE`).
  public static boolean isUpsertEnabled(TableConfig tableConfig) {
    UpsertConfig config = upsert(tableConfig);
    return config != null && config.mode() != UpsertConfig.Mode.NONE;
  }

  /// Whether the table is a dedup table (a `dedupConfig` with `dedupEnabled` true, the default).
  public static boolean isDedupEnabled(TableConfig tableConfig) {
    DedupConfig config = dedup(tableConfig);
    return config != null && config.enabled();
  }

  /// Pinot's table-creation checks of upsert and dedup tables (for the controller): the rules of [UpsertContext#of]
  /// and [DedupContext#of], plus `routing.instanceSelectorType` `strictReplicaGroup` (or `multiStageReplicaGroup`),
  /// which keeps every query of a partition on the one server holding its primary-key map. Does nothing for other
  /// tables.
  ///
  /// @throws IllegalArgumentException naming the offending key
  public static void validate(TableConfig tableConfig, Schema schema) {
    boolean upsert = isUpsertEnabled(tableConfig);
    boolean dedup = isDedupEnabled(tableConfig);
    if (!upsert && !dedup) {
      return;
    }
    if (upsert) {
      UpsertContext.of(tableConfig, schema);
    } else {
      DedupContext.of(tableConfig, schema);
    }
    Object selector = tableConfig.otherFields().get("routing") instanceof Map<?, ?> routing
        ? routing.get("instanceSelectorType") : null;
    if (!"strictReplicaGroup".equalsIgnoreCase(String.valueOf(selector))
        && !"multiStageReplicaGroup".equalsIgnoreCase(String.valueOf(selector))) {
      throw new IllegalArgumentException("Table[" + tableConfig.tableName() + "]: upsert/dedup table must use "
          + "strict replica-group (i.e. strictReplicaGroup) based routing (routing.instanceSelectorType)");
    }
  }

  private static <T> @Nullable T read(TableConfig tableConfig, String key, Class<T> type) {
    Object section = tableConfig.otherFields().get(key);
    if (section == null) {
      return null;
    }
    try {
      return JsonUtils.MAPPER.convertValue(JsonUtils.toJsonNode(section), type);
    } catch (IllegalArgumentException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new IllegalArgumentException("Invalid " + key + " of table[" + tableConfig.tableName() + "]: "
          + cause.getMessage(), e);
    }
  }
}
