// SPDX-License-Identifier: Apache-2.0
package io.pinot.spi.utils;

import io.pinot.spi.config.table.TableType;
import org.jspecify.annotations.Nullable;

/// Conversions between raw table names (`events`) and names with type (`events_OFFLINE`), which are
/// the Helix resource names of a table's halves.
public final class TableNameBuilder {
  private static final String OFFLINE_SUFFIX = "_OFFLINE";
  private static final String REALTIME_SUFFIX = "_REALTIME";

  private TableNameBuilder() {
  }

  public static String tableNameWithType(String rawTableName, TableType type) {
    return rawTableName + (type == TableType.OFFLINE ? OFFLINE_SUFFIX : REALTIME_SUFFIX);
  }

  public static String offline(String rawTableName) {
    return rawTableName + OFFLINE_SUFFIX;
  }

  public static String realtime(String rawTableName) {
    return rawTableName + REALTIME_SUFFIX;
  }

  /// The type of a name with type, or null for a raw name.
  public static @Nullable TableType tableType(String tableName) {
    if (tableName.endsWith(OFFLINE_SUFFIX)) {
      return TableType.OFFLINE;
    }
    if (tableName.endsWith(REALTIME_SUFFIX)) {
      return TableType.REALTIME;
    }
    return null;
  }

  /// The raw name of a name with or without type.
  public static String rawTableName(String tableName) {
    TableType type = tableType(tableName);
    if (type == null) {
      return tableName;
    }
    int suffix = type == TableType.OFFLINE ? OFFLINE_SUFFIX.length() : REALTIME_SUFFIX.length();
    return tableName.substring(0, tableName.length() - suffix);
  }

  public static boolean isTableNameWithType(String tableName) {
    return tableType(tableName) != null;
  }
}
