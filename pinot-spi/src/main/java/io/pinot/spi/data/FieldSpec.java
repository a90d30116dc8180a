// SPDX-License-Identifier: Apache-2.0
package io.pinot.spi.data;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/// One column of a [Schema], in Apache Pinot's field-spec JSON (`name`, `dataType`, `singleValueField`,
/// `defaultNullValue`, `maxLength`, `notNull`, and for date-time columns `format` and `granularity`).
///
/// Optional JSON fields stay `null` when the user left them out, so that the JSON written back is the
/// JSON read; the accessors without a JSON name ([#singleValue()], [#defaultValue()]...) apply Pinot's
/// defaults. The [#fieldType()] is not part of the JSON: it comes from the list the spec sits in.
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "dataType", "singleValueField", "notNull", "defaultNullValue", "maxLength", "format",
    "granularity"})
public record FieldSpec(
    @JsonProperty("name") String name,
    @JsonProperty("dataType") DataType dataType,
    @JsonProperty("singleValueField") @Nullable Boolean singleValueField,
    @JsonProperty("defaultNullValue") @Nullable Object defaultNullValue,
    @JsonProperty("maxLength") @Nullable Integer maxLength,
    @JsonProperty("notNull") @Nullable Boolean notNull,
    @JsonProperty("format") @Nullable String format,
    @JsonProperty("granularity") @Nullable String granularity,
    @JsonIgnore @Nullable FieldType fieldType) {

  /// Pinot's default `maxLength` of STRING, JSON and BYTES values.
  public static final int DEFAULT_MAX_LENGTH = 512;

  public FieldSpec {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("Field spec is missing 'name'");
    }
    if (dataType == null) {
      throw new IllegalArgumentException("Column[" + name + "] is missing 'dataType'");
    }
    if (!dataType.isColumnType()) {
      throw new IllegalArgumentException("Column[" + name + "] has unsupported dataType[" + dataType + "]");
    }
    if (maxLength != null && maxLength <= 0) {
      throw new IllegalArgumentException("Column[" + name + "] has non-positive maxLength[" + maxLength + "]");
    }
    if (dataType == DataType.BIG_DECIMAL && Boolean.FALSE.equals(singleValueField)) {
      throw new IllegalArgumentException("Column[" + name + "] of type BIG_DECIMAL must be single-valued");
    }
  }

  /// A single-value field spec of the given category with all defaults.
  public static FieldSpec of(String name, DataType dataType, FieldType fieldType) {
    return new FieldSpec(name, dataType, null, null, null, null, null, null, fieldType);
  }

  /// A multi-value dimension field spec with all defaults.
  public static FieldSpec multiValue(String name, DataType dataType) {
    return new FieldSpec(name, dataType, false, null, null, null, null, null, FieldType.DIMENSION);
  }

  /// A date-time field spec with its Pinot format (`1:MILLISECONDS:EPOCH`) and granularity (`1:MILLISECONDS`).
  public static FieldSpec dateTime(String name, DataType dataType, String format, String granularity) {
    return new FieldSpec(name, dataType, null, null, null, null, format, granularity, FieldType.DATE_TIME);
  }

  /// The same spec in the given category.
  public FieldSpec withFieldType(FieldType type) {
    return new FieldSpec(name, dataType, singleValueField, defaultNullValue, maxLength, notNull, format, granularity,
        type);
  }

  public boolean singleValue() {
    return singleValueField == null || singleValueField;
  }

  public int effectiveMaxLength() {
    return maxLength == null ? DEFAULT_MAX_LENGTH : maxLength;
  }

  public boolean nonNullable() {
    return notNull != null && notNull;
  }

  public FieldType category() {
    return fieldType == null ? FieldType.DIMENSION : fieldType;
  }

  /// The stored value written in place of a missing value: the spec's `defaultNullValue` converted to the
  /// type, or Pinot's default (dimensions and time columns: the type's minimum, `"null"` for strings;
  /// metrics: zero).
  public Object defaultValue() {
    if (defaultNullValue != null) {
      return dataType.convert(defaultNullValue.toString());
    }
    boolean metric = category() == FieldType.METRIC;
    return switch (dataType) {
      case INT -> metric ? 0 : Integer.MIN_VALUE;
      case LONG -> metric ? 0L : Long.MIN_VALUE;
      case FLOAT -> metric ? 0f : Float.NEGATIVE_INFINITY;
      case DOUBLE -> metric ? 0d : Double.NEGATIVE_INFINITY;
      case BIG_DECIMAL -> BigDecimal.ZERO;
      case BOOLEAN -> 0;
      case TIMESTAMP -> 0L;
      case STRING, JSON -> "null";
      case BYTES -> new byte[0];
      case STRUCT, MAP, LIST, UNKNOWN -> throw new IllegalStateException("No default for " + dataType);
    };
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FieldSpec that && name.equals(that.name) && dataType == that.dataType
        && singleValue() == that.singleValue() && Objects.equals(defaultNullValue, that.defaultNullValue)
        && Objects.equals(maxLength, that.maxLength) && nonNullable() == that.nonNullable()
        && Objects.equals(format, that.format) && Objects.equals(granularity, that.granularity)
        && category() == that.category();
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, dataType, singleValue(), category());
  }
}
