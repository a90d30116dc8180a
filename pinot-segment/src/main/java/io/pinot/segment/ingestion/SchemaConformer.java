// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.ingestion;

import io.pinot.common.function.ScalarType;
import io.pinot.spi.data.DataType;
import io.pinot.spi.data.FieldSpec;
import io.pinot.spi.data.Schema;
import io.pinot.spi.data.readers.GenericRow;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// Coerces a transformed record to the schema, as Pinot's `DataTypeTransformer`: for each schema column the value is
/// standardized (an empty array, list or map is null; a one-element one is its element; null elements of a
/// multi-value are dropped; several values for a single-value column are an error), then converted to the column's
/// type with [ScalarType#convert] (strings parse to numbers, numbers print as strings, booleans become 1/0, dates
/// count days...). Epoch values are never rescaled: a column gets the number it is given. JSON columns receive
/// maps, lists and arrays as JSON text, and so do STRING columns for maps (Pinot would take a map's values).
///
/// The result holds only the schema's columns, in the stored Java types: INT/BOOLEAN `Integer`, LONG/TIMESTAMP
/// `Long`, FLOAT `Float`, DOUBLE `Double`, BIG_DECIMAL `BigDecimal`, STRING/JSON `String`, BYTES `byte[]`,
/// multi-values `Object[]`; missing values stay null (the segment creator applies default values).
/// Immutable and thread-safe.
final class SchemaConformer {
  private final String[] names;
  private final DataType[] types;
  private final boolean[] singleValue;
  private final ScalarType[] scalarTypes;
  private final Map<String, Integer> indexes;

  SchemaConformer(Schema schema) {
    List<FieldSpec> specs = schema.allFieldSpecs();
    names = new String[specs.size()];
    types = new DataType[specs.size()];
    singleValue = new boolean[specs.size()];
    scalarTypes = new ScalarType[specs.size()];
    for (int i = 0; i < specs.size(); i++) {
      FieldSpec spec = specs.get(i);
      names[i] = spec.name();
      types[i] = spec.dataType();
      singleValue[i] = spec.singleValue();
      scalarTypes[i] = ScalarType.of(spec.dataType(), true);
    }
    Map<String, Integer> byName = new HashMap<>();
    for (int i = 0; i < names.length; i++) {
      byName.put(names[i], i);
    }
    indexes = Map.copyOf(byName);
  }

  /// Writes the schema columns of `input` into `output` (cleared first).
  ///
  /// @throws ColumnConversionException naming the column when a value cannot be converted
  void conform(GenericRow input, GenericRow output) {
    conform(input, output, false);
  }

  /// Writes the schema columns of `input` into `output` (cleared first). When `nullOnError` is set, a value that
  /// cannot be converted becomes null (the column's default value in the segment) instead of failing the row, as
  /// Pinot's `DataTypeTransformer` does under `continueOnError`.
  ///
  /// @return null, or when a value was nulled the first such column's problem (`Column[c]: reason`)
  /// @throws ColumnConversionException naming the column when a value cannot be converted and `nullOnError` is off
  @Nullable String conform(GenericRow input, GenericRow output, boolean nullOnError) {
    output.clear();
    String problem = null;
    for (int i = 0; i < names.length; i++) {
      Object value = input.getValue(names[i]);
      try {
        output.putValue(names[i], value == null ? null : convert(i, value));
      } catch (IllegalArgumentException | ArithmeticException e) {
        ColumnConversionException error = new ColumnConversionException(names[i], e.getMessage(), e);
        if (!nullOnError) {
          throw error;
        }
        output.putValue(names[i], null);
        problem = problem == null ? error.getMessage() : problem;
      }
    }
    return problem;
  }

  /// Converts the schema columns of `row` in place and removes its other fields (the single-row fast path: one
  /// pass over the row's entries, no re-insertion).
  ///
  /// @param nullOnError whether a value that cannot be converted becomes null instead of failing the row
  /// @return null, or when a value was nulled the first such column's problem (`Column[c]: reason`)
  /// @throws ColumnConversionException naming the column when a value cannot be converted and `nullOnError` is off
  @Nullable String conformInPlace(GenericRow row, boolean nullOnError) {
    String problem = null;
    Iterator<Map.Entry<String, @Nullable Object>> entries = row.fields().entrySet().iterator();
    while (entries.hasNext()) {
      Map.Entry<String, @Nullable Object> entry = entries.next();
      Integer index = indexes.get(entry.getKey());
      if (index == null) {
        entries.remove();
        continue;
      }
      Object value = entry.getValue();
      if (value == null) {
        continue;
      }
      try {
        Object converted = convert(index, value);
        if (converted != value) {
          entry.setValue(converted);
        }
      } catch (IllegalArgumentException | ArithmeticException e) {
        ColumnConversionException error = new ColumnConversionException(names[index], e.getMessage(), e);
        if (!nullOnError) {
          throw error;
        }
        entry.setValue(null);
        problem = problem == null ? error.getMessage() : problem;
      }
    }
    return problem;
  }

  private @Nullable Object convert(int column, Object value) {
    DataType type = types[column];
    if (type == DataType.JSON && singleValue[column]) {
      return ScalarType.JSON.convert(value);
    }
    if (type == DataType.STRING && singleValue[column] && value instanceof Map<?, ?>) {
      return ScalarType.STRING.convert(value);
    }
    if (!singleValue[column] && value instanceof Object[] array && isFlat(array)) {
      Object[] converted = new Object[array.length];
      for (int i = 0; i < array.length; i++) {
        converted[i] = stored(type, scalarTypes[column].convert(array[i]));
      }
      return converted;
    }
    Object standardized = isComplex(value) ? standardize(value, singleValue[column]) : value;
    if (standardized == null) {
      return null;
    }
    if (!singleValue[column]) {
      Object[] values = standardized instanceof Object[] array ? array : new Object[] {standardized};
      Object[] converted = new Object[values.length];
      for (int i = 0; i < values.length; i++) {
        converted[i] = stored(type, scalarTypes[column].convert(values[i]));
      }
      return converted;
    }
    if (standardized instanceof Object[] array) {
      throw new IllegalArgumentException("single-value column got " + array.length + " values");
    }
    return stored(type, scalarTypes[column].convert(standardized));
  }

  /// Whether a multi-value array needs no standardization: at least one element, none null or nested.
  private static boolean isFlat(Object[] values) {
    if (values.length == 0) {
      return false;
    }
    for (Object value : values) {
      if (value == null || isComplex(value)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isComplex(Object value) {
    return value instanceof Object[] || value instanceof Collection<?> || value instanceof Map<?, ?>;
  }

  /// A converted value in its stored form: BOOLEAN as 1/0, TIMESTAMP as epoch millis.
  private static Object stored(DataType type, Object value) {
    return switch (type) {
      case BOOLEAN -> (Boolean) value ? 1 : 0;
      case TIMESTAMP -> ((Timestamp) value).getTime();
      default -> value;
    };
  }

  /// Pinot's standardization: empty collections are null, a single element is unwrapped, null elements dropped,
  /// several elements become an `Object[]`.
  static @Nullable Object standardize(@Nullable Object value, boolean singleValue) {
    Object[] elements = switch (value) {
      case null -> null;
      case Object[] array -> array;
      case Collection<?> collection -> collection.toArray();
      case Map<?, ?> map -> map.values().toArray();
      default -> null;
    };
    if (elements == null) {
      return value;
    }
    List<Object> kept = new ArrayList<>(elements.length);
    for (Object element : elements) {
      Object standardized = standardize(element, true);
      if (standardized != null) {
        kept.add(standardized);
      }
    }
    if (kept.isEmpty()) {
      return null;
    }
    if (kept.size() == 1) {
      return kept.getFirst();
    }
    return kept.toArray();
  }

  /// A value that cannot be converted to its column's type.
  static final class ColumnConversionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String column;

    ColumnConversionException(String column, @Nullable String message, Throwable cause) {
      super("Column[" + column + "]: " + message, cause);
      this.column = column;
    }

    String column() {
      return column;
    }
  }
}
