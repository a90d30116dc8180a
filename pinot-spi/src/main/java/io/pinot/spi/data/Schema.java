// SPDX-License-Identifier: Apache-2.0
package io.pinot.spi.data;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/// A table schema in Apache Pinot's JSON: `schemaName`, the dimension, metric and date-time field spec
/// lists, the legacy `timeFieldSpec`, `primaryKeyColumns` and `enableColumnBasedNullHandling`.
///
/// The compact constructor validates (column names unique and well-formed, date-time columns with a
/// format and granularity, primary keys naming columns) and tags each field spec with its category.
/// Immutable and thread-safe.
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"schemaName", "enableColumnBasedNullHandling", "dimensionFieldSpecs", "metricFieldSpecs",
    "dateTimeFieldSpecs", "timeFieldSpec", "primaryKeyColumns"})
public record Schema(
    @JsonProperty("schemaName") String schemaName,
    @JsonProperty("enableColumnBasedNullHandling") boolean enableColumnBasedNullHandling,
    @JsonProperty("dimensionFieldSpecs") List<FieldSpec> dimensionFieldSpecs,
    @JsonProperty("metricFieldSpecs") List<FieldSpec> metricFieldSpecs,
    @JsonProperty("dateTimeFieldSpecs") List<FieldSpec> dateTimeFieldSpecs,
    @JsonProperty("timeFieldSpec") @Nullable Map<String, Object> timeFieldSpec,
    @JsonProperty("primaryKeyColumns") @Nullable List<String> primaryKeyColumns) {

  public Schema {
    if (schemaName == null || schemaName.isBlank()) {
      throw new IllegalArgumentException("Schema is missing 'schemaName'");
    }
    if (!schemaName.matches("[A-Za-z0-9_.\\-]+")) {
      throw new IllegalArgumentException("Invalid schemaName[" + schemaName
          + "]: use letters, digits, '_', '-' and '.' only");
    }
    dimensionFieldSpecs = tag(dimensionFieldSpecs, FieldType.DIMENSION);
    metricFieldSpecs = tag(metricFieldSpecs, FieldType.METRIC);
    dateTimeFieldSpecs = tag(dateTimeFieldSpecs, FieldType.DATE_TIME);
    primaryKeyColumns = primaryKeyColumns == null ? null : List.copyOf(primaryKeyColumns);
    validate(dimensionFieldSpecs, metricFieldSpecs, dateTimeFieldSpecs, timeFieldSpec, primaryKeyColumns);
  }

  /// A schema without legacy time spec and primary keys.
  public static Schema of(String schemaName, List<FieldSpec> dimensions, List<FieldSpec> metrics,
      List<FieldSpec> dateTimes) {
    return new Schema(schemaName, false, dimensions, metrics, dateTimes, null, null);
  }

  /// All field specs in schema order: dimensions, metrics, date-times, then the legacy time column.
  public List<FieldSpec> allFieldSpecs() {
    List<FieldSpec> all = new ArrayList<>(dimensionFieldSpecs);
    all.addAll(metricFieldSpecs);
    all.addAll(dateTimeFieldSpecs);
    FieldSpec time = legacyTimeFieldSpec(timeFieldSpec);
    if (time != null) {
      all.add(time);
    }
    return all;
  }

  /// Column names in schema order.
  public List<String> columnNames() {
    List<String> names = new ArrayList<>();
    for (FieldSpec spec : allFieldSpecs()) {
      names.add(spec.name());
    }
    return names;
  }

  /// The field spec of a column, or null when the schema has no such column (case-sensitive).
  public @Nullable FieldSpec fieldSpec(String column) {
    for (FieldSpec spec : allFieldSpecs()) {
      if (spec.name().equals(column)) {
        return spec;
      }
    }
    return null;
  }

  public boolean hasColumn(String column) {
    return fieldSpec(column) != null;
  }

  private static List<FieldSpec> tag(@Nullable List<FieldSpec> specs, FieldType type) {
    if (specs == null) {
      return List.of();
    }
    List<FieldSpec> tagged = new ArrayList<>(specs.size());
    for (FieldSpec spec : specs) {
      if (spec == null) {
        throw new IllegalArgumentException("Schema has a null field spec");
      }
      tagged.add(spec.withFieldType(type));
    }
    return List.copyOf(tagged);
  }

  private static void validate(List<FieldSpec> dimensions, List<FieldSpec> metrics, List<FieldSpec> dateTimes,
      @Nullable Map<String, Object> timeFieldSpec, @Nullable List<String> primaryKeyColumns) {
    Set<String> names = new HashSet<>();
    List<FieldSpec> all = new ArrayList<>(dimensions);
    all.addAll(metrics);
    all.addAll(dateTimes);
    FieldSpec time = legacyTimeFieldSpec(timeFieldSpec);
    if (time != null) {
      all.add(time);
    }
    for (FieldSpec spec : all) {
      if (!names.add(spec.name())) {
        throw new IllegalArgumentException("Duplicate column[" + spec.name() + "] in schema");
      }
      if (spec.name().endsWith("_") || !Character.isLetter(spec.name().charAt(0)) && spec.name().charAt(0) != '$') {
        throw new IllegalArgumentException("Invalid column name[" + spec.name()
            + "]: it must start with a letter and must not end with '_'");
      }
    }
    for (FieldSpec spec : metrics) {
      if (!spec.dataType().isNumeric() && spec.dataType() != DataType.BYTES) {
        throw new IllegalArgumentException("Metric column[" + spec.name() + "] must be numeric or BYTES, not "
            + spec.dataType());
      }
      if (!spec.singleValue()) {
        throw new IllegalArgumentException("Metric column[" + spec.name() + "] must be single-valued");
      }
    }
    for (FieldSpec spec : dateTimes) {
      if (spec.format() == null || spec.granularity() == null) {
        throw new IllegalArgumentException("Date-time column[" + spec.name() + "] needs 'format' and 'granularity'");
      }
      DateTimeFormats.validate(spec.name(), spec.format(), spec.granularity());
    }
    if (primaryKeyColumns != null) {
      for (String key : primaryKeyColumns) {
        if (!names.contains(key)) {
          throw new IllegalArgumentException("Primary key column[" + key + "] is not in the schema");
        }
      }
    }
    for (FieldSpec spec : all) {
      // Converting the default value now rejects a bad one at schema creation instead of at ingestion.
      spec.defaultValue();
    }
  }

  /// The column declared by the legacy `timeFieldSpec` (outgoing spec if present, else incoming).
  @SuppressWarnings("unchecked")
  private static @Nullable FieldSpec legacyTimeFieldSpec(@Nullable Map<String, Object> timeFieldSpec) {
    if (timeFieldSpec == null) {
      return null;
    }
    Object spec = timeFieldSpec.get("outgoingGranularitySpec");
    if (!(spec instanceof Map)) {
      spec = timeFieldSpec.get("incomingGranularitySpec");
    }
    if (!(spec instanceof Map)) {
      throw new IllegalArgumentException("timeFieldSpec needs an 'incomingGranularitySpec'");
    }
    Map<String, Object> granularity = (Map<String, Object>) spec;
    Object name = granularity.get("name");
    Object dataType = granularity.get("dataType");
    if (name == null || dataType == null) {
      throw new IllegalArgumentException("timeFieldSpec granularity spec needs 'name' and 'dataType'");
    }
    return FieldSpec.of(name.toString(), DataType.fromName(dataType.toString()), FieldType.TIME);
  }
}
