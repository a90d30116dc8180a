// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.format;

import io.pinot.segment.spi.ColumnMetadata;
import io.pinot.segment.spi.SegmentMetadata;
import io.pinot.spi.data.DataType;
import io.pinot.spi.data.FieldType;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/// Writes and reads `metadata.properties` with Apache Pinot's key names: `segment.name`, `segment.table.name`,
/// `segment.total.docs`, `segment.index.version`, `segment.creation.time`, `segment.time.column.name`,
/// `segment.start.time`, `segment.end.time`, `segment.time.unit`, `segment.dimension.column.names`,
/// `segment.metric.column.names`, `segment.datetime.column.names`, `custom.*`, and per column
/// `column.<c>.{cardinality, totalDocs, dataType, bitsPerElement, lengthOfEachEntry, columnType, isSorted,
/// hasDictionary, isSingleValues, maxNumberOfMultiValues, totalNumberOfEntries, minValue, maxValue,
/// hasInvertedIndex, defaultNullValue}`. Values are escaped by [PropertiesFile]; BYTES min/max are hex.
/// Columns are read back in the order their keys appear. Stateless utilities.
public final class MetadataProperties {
  private static final String COLUMN_PREFIX = "column.";
  private static final String CUSTOM_PREFIX = "custom.";

  /// Per-column facts written to the file but not part of [ColumnMetadata].
  ///
  /// @param lengthOfEachEntry bytes per value for fixed-width types; the longest value in bytes otherwise
  /// @param defaultNullValue text form of the value that replaced missing values
  public record ColumnExtras(int lengthOfEachEntry, String defaultNullValue) {
  }

  private MetadataProperties() {
  }

  public static String write(SegmentMetadata metadata, Map<String, ColumnExtras> extras) {
    StringBuilder out = new StringBuilder();
    PropertiesFile.appendLine(out, "segment.name", metadata.segmentName());
    PropertiesFile.appendLine(out, "segment.table.name", metadata.tableName());
    PropertiesFile.appendLine(out, "segment.total.docs", Integer.toString(metadata.totalDocs()));
    PropertiesFile.appendLine(out, "segment.index.version", metadata.formatVersion());
    PropertiesFile.appendLine(out, "segment.creation.time", Long.toString(metadata.creationTime()));
    appendColumnList(out, "segment.dimension.column.names", metadata, FieldType.DIMENSION);
    appendColumnList(out, "segment.metric.column.names", metadata, FieldType.METRIC);
    appendColumnList(out, "segment.datetime.column.names", metadata, FieldType.DATE_TIME);
    if (metadata.timeColumn() != null) {
      PropertiesFile.appendLine(out, "segment.time.column.name", metadata.timeColumn());
      if (metadata.timeUnit() != null) {
        PropertiesFile.appendLine(out, "segment.start.time", Long.toString(metadata.startTime()));
        PropertiesFile.appendLine(out, "segment.end.time", Long.toString(metadata.endTime()));
        PropertiesFile.appendLine(out, "segment.time.unit", metadata.timeUnit().name());
      }
    }
    for (Map.Entry<String, String> custom : metadata.customMap().entrySet()) {
      PropertiesFile.appendLine(out, CUSTOM_PREFIX + custom.getKey(), custom.getValue());
    }
    for (ColumnMetadata column : metadata.columns().values()) {
      ColumnExtras columnExtras = extras.get(column.name());
      appendColumn(out, column, columnExtras);
    }
    return out.toString();
  }

  /// Parses the text of `metadata.properties`; the CRC comes from `creation.meta`.
  public static SegmentMetadata read(String text, long crc) {
    Map<String, String> properties = PropertiesFile.read(text);
    Map<String, Map<String, String>> columnProperties = new LinkedHashMap<>();
    Map<String, String> custom = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : properties.entrySet()) {
      String key = entry.getKey();
      if (key.startsWith(COLUMN_PREFIX) && key.lastIndexOf('.') > COLUMN_PREFIX.length()) {
        int dot = key.lastIndexOf('.');
        columnProperties.computeIfAbsent(key.substring(COLUMN_PREFIX.length(), dot), c -> new LinkedHashMap<>())
            .put(key.substring(dot + 1), entry.getValue());
      } else if (key.startsWith(CUSTOM_PREFIX)) {
        custom.put(key.substring(CUSTOM_PREFIX.length()), entry.getValue());
      }
    }
    Map<String, ColumnMetadata> columns = new LinkedHashMap<>();
    for (Map.Entry<String, Map<String, String>> column : columnProperties.entrySet()) {
      columns.put(column.getKey(), readColumn(column.getKey(), column.getValue()));
    }
    String timeUnit = properties.get("segment.time.unit");
    return new SegmentMetadata(require(properties, "segment.name"), require(properties, "segment.table.name"),
        Integer.parseInt(require(properties, "segment.total.docs")), properties.get("segment.time.column.name"),
        Long.parseLong(properties.getOrDefault("segment.start.time", "-1")),
        Long.parseLong(properties.getOrDefault("segment.end.time", "-1")),
        timeUnit == null ? null : TimeUnit.valueOf(timeUnit.trim().toUpperCase(Locale.ROOT)),
        require(properties, "segment.index.version"),
        Long.parseLong(properties.getOrDefault("segment.creation.time", "0")), crc, columns, custom);
  }

  /// The text form of a stored value (BYTES as lower-case hex).
  public static String valueToText(Object value) {
    return value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : value.toString();
  }

  private static void appendColumnList(StringBuilder out, String key, SegmentMetadata metadata, FieldType type) {
    List<String> names = new ArrayList<>();
    for (ColumnMetadata column : metadata.columns().values()) {
      if (column.fieldType() == type) {
        names.add(column.name());
      }
    }
    PropertiesFile.appendListLine(out, key, names);
  }

  private static void appendColumn(StringBuilder out, ColumnMetadata column, @Nullable ColumnExtras extras) {
    String prefix = COLUMN_PREFIX + column.name() + ".";
    PropertiesFile.appendLine(out, prefix + "cardinality", Integer.toString(column.cardinality()));
    PropertiesFile.appendLine(out, prefix + "totalDocs", Integer.toString(column.totalDocs()));
    PropertiesFile.appendLine(out, prefix + "dataType", column.dataType().name());
    PropertiesFile.appendLine(out, prefix + "bitsPerElement", Integer.toString(column.bitsPerElement()));
    if (extras != null) {
      PropertiesFile.appendLine(out, prefix + "lengthOfEachEntry", Integer.toString(extras.lengthOfEachEntry()));
    }
    PropertiesFile.appendLine(out, prefix + "columnType", column.fieldType().name());
    PropertiesFile.appendLine(out, prefix + "isSorted", Boolean.toString(column.sorted()));
    PropertiesFile.appendLine(out, prefix + "hasDictionary", Boolean.toString(column.hasDictionary()));
    PropertiesFile.appendLine(out, prefix + "isSingleValues", Boolean.toString(column.singleValue()));
    PropertiesFile.appendLine(out, prefix + "maxNumberOfMultiValues",
        Integer.toString(column.maxNumberOfMultiValues()));
    PropertiesFile.appendLine(out, prefix + "totalNumberOfEntries", Long.toString(column.totalNumberOfEntries()));
    if (column.minValue() != null && column.maxValue() != null) {
      PropertiesFile.appendLine(out, prefix + "minValue", valueToText(column.minValue()));
      PropertiesFile.appendLine(out, prefix + "maxValue", valueToText(column.maxValue()));
    }
    PropertiesFile.appendLine(out, prefix + "hasInvertedIndex", Boolean.toString(column.hasInvertedIndex()));
    if (extras != null) {
      PropertiesFile.appendLine(out, prefix + "defaultNullValue", extras.defaultNullValue());
    }
  }

  private static ColumnMetadata readColumn(String name, Map<String, String> values) {
    DataType dataType = DataType.fromName(require(values, "dataType", name));
    DataType storedType = dataType.storedType();
    String min = values.get("minValue");
    String max = values.get("maxValue");
    return new ColumnMetadata(name, dataType,
        FieldType.valueOf(values.getOrDefault("columnType", "DIMENSION").trim().toUpperCase(Locale.ROOT)),
        Boolean.parseBoolean(values.getOrDefault("isSingleValues", "true").trim()),
        Integer.parseInt(require(values, "totalDocs", name).trim()),
        Integer.parseInt(require(values, "cardinality", name).trim()),
        Boolean.parseBoolean(values.getOrDefault("isSorted", "false").trim()),
        Boolean.parseBoolean(values.getOrDefault("hasDictionary", "true").trim()),
        Integer.parseInt(values.getOrDefault("bitsPerElement", "0").trim()),
        Integer.parseInt(values.getOrDefault("maxNumberOfMultiValues", "0").trim()),
        Long.parseLong(values.getOrDefault("totalNumberOfEntries", "0").trim()),
        min == null ? null : storedType.convert(min), max == null ? null : storedType.convert(max),
        Boolean.parseBoolean(values.getOrDefault("hasInvertedIndex", "false").trim()));
  }

  private static String require(Map<String, String> properties, String key) {
    String value = properties.get(key);
    if (value == null) {
      throw new IllegalStateException(SegmentFormat.METADATA_FILE + " is missing " + key);
    }
    return value.trim();
  }

  private static String require(Map<String, String> values, String stat, String column) {
    String value = values.get(stat);
    if (value == null) {
      throw new IllegalStateException(SegmentFormat.METADATA_FILE + " is missing column." + column + "." + stat);
    }
    return value;
  }
}
