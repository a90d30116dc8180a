// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.cluster;

/// Paths inside the Helix property store (`/<cluster>/PROPERTYSTORE`), as Apache Pinot lays them out.
public final class PropertyStorePaths {
  public static final String SCHEMAS = "/SCHEMAS";
  public static final String TABLE_CONFIGS = "/CONFIGS/TABLE";
  public static final String SEGMENTS = "/SEGMENTS";

  private PropertyStorePaths() {
  }

  public static String schema(String schemaName) {
    return SCHEMAS + "/" + schemaName;
  }

  public static String tableConfig(String tableNameWithType) {
    return TABLE_CONFIGS + "/" + tableNameWithType;
  }

  public static String segments(String tableNameWithType) {
    return SEGMENTS + "/" + tableNameWithType;
  }

  public static String segment(String tableNameWithType, String segmentName) {
    return segments(tableNameWithType) + "/" + segmentName;
  }
}
