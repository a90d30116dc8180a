// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.datatable;

import io.pinot.spi.data.DataType;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.HexFormat;

/// The type of a result column, with Apache Pinot's `DataSchema.ColumnDataType` names: the names are
/// what a DataTable's data schema section and a broker response's `columnDataTypes` carry.
///
/// Values inside the engine are held as their *stored* Java values: INT `Integer`, LONG `Long`,
/// FLOAT `Float`, DOUBLE `Double`, BIG_DECIMAL `BigDecimal`, STRING `String`, BYTES `byte[]`, BOOLEAN as
/// `Integer` 0/1, TIMESTAMP as `Long` epoch millis, and arrays as primitive arrays (`int[]`, `long[]`,
/// `float[]`, `double[]`, `String[]`, `byte[][]`). [#format(Object)] turns a stored value into the JSON
/// value Pinot's broker writes. Immutable and thread-safe.
public enum ColumnDataType {
  INT, LONG, FLOAT, DOUBLE, BIG_DECIMAL, BOOLEAN, TIMESTAMP, STRING, JSON, BYTES, OBJECT, MAP, UNKNOWN,
  INT_ARRAY, LONG_ARRAY, FLOAT_ARRAY, DOUBLE_ARRAY, BOOLEAN_ARRAY, TIMESTAMP_ARRAY, STRING_ARRAY, BYTES_ARRAY;

  /// The type values of this type are written as in a DataTable (BOOLEAN as INT, TIMESTAMP as LONG,
  /// JSON as STRING, and the same for their arrays).
  public ColumnDataType storedType() {
    return switch (this) {
      case BOOLEAN -> INT;
      case TIMESTAMP -> LONG;
      case JSON -> STRING;
      case BOOLEAN_ARRAY -> INT_ARRAY;
      case TIMESTAMP_ARRAY -> LONG_ARRAY;
      default -> this;
    };
  }

  /// Bytes of this type's slot in a DataTable row: 4 for INT, FLOAT and STRING (a dictionary id), 8 for
  /// LONG and DOUBLE, and 8 (offset + length into the variable section) for every other type.
  public int fixedWidth() {
    return switch (storedType()) {
      case INT, FLOAT, STRING -> 4;
      default -> 8;
    };
  }

  public boolean isArray() {
    return switch (this) {
      case INT_ARRAY, LONG_ARRAY, FLOAT_ARRAY, DOUBLE_ARRAY, BOOLEAN_ARRAY, TIMESTAMP_ARRAY, STRING_ARRAY,
          BYTES_ARRAY -> true;
      default -> false;
    };
  }

  /// The column type of a schema column: the data type for single-value columns, its array type for
  /// multi-value columns.
  public static ColumnDataType of(DataType dataType, boolean singleValue) {
    return switch (dataType) {
      case INT -> singleValue ? INT : INT_ARRAY;
      case LONG -> singleValue ? LONG : LONG_ARRAY;
      case FLOAT -> singleValue ? FLOAT : FLOAT_ARRAY;
      case DOUBLE -> singleValue ? DOUBLE : DOUBLE_ARRAY;
      case BIG_DECIMAL -> BIG_DECIMAL;
      case BOOLEAN -> singleValue ? BOOLEAN : BOOLEAN_ARRAY;
      case TIMESTAMP -> singleValue ? TIMESTAMP : TIMESTAMP_ARRAY;
      case STRING -> singleValue ? STRING : STRING_ARRAY;
      case JSON -> JSON;
      case BYTES -> singleValue ? BYTES : BYTES_ARRAY;
      case STRUCT, MAP, LIST, UNKNOWN -> throw new IllegalArgumentException("No column type for " + dataType);
    };
  }

  /// Converts a stored value of this type into the value a broker response's `rows` hold: numbers stay
  /// numbers, BOOLEAN becomes `true`/`false`, TIMESTAMP its `java.sql.Timestamp` text (JVM time zone, as
  /// Pinot), BIG_DECIMAL its plain text, BYTES lower-case hex, arrays stay arrays (BOOLEAN_ARRAY as
  /// `boolean[]`, TIMESTAMP_ARRAY as text). `null` stays `null`.
  public Object format(Object value) {
    if (value == null) {
      return null;
    }
    return switch (this) {
      case INT -> ((Number) value).intValue();
      case LONG -> ((Number) value).longValue();
      case FLOAT -> ((Number) value).floatValue();
      case DOUBLE -> ((Number) value).doubleValue();
      case BIG_DECIMAL -> ((BigDecimal) value).toPlainString();
      case BOOLEAN -> formatBoolean(value);
      case TIMESTAMP -> new Timestamp(((Number) value).longValue()).toString();
      case STRING, JSON -> value.toString();
      case BYTES -> HexFormat.of().formatHex((byte[]) value);
      case BOOLEAN_ARRAY -> formatBooleanArray((int[]) value);
      case TIMESTAMP_ARRAY -> formatTimestampArray((long[]) value);
      case BYTES_ARRAY -> formatBytesArray((byte[][]) value);
      default -> value;
    };
  }

  private static boolean formatBoolean(Object value) {
    return value instanceof Boolean b ? b : ((Number) value).intValue() != 0;
  }

  private static boolean[] formatBooleanArray(int[] values) {
    boolean[] result = new boolean[values.length];
    for (int i = 0; i < values.length; i++) {
      result[i] = values[i] != 0;
    }
    return result;
  }

  private static String[] formatTimestampArray(long[] values) {
    String[] result = new String[values.length];
    for (int i = 0; i < values.length; i++) {
      result[i] = new Timestamp(values[i]).toString();
    }
    return result;
  }

  private static String[] formatBytesArray(byte[][] values) {
    String[] result = new String[values.length];
    for (int i = 0; i < values.length; i++) {
      result[i] = HexFormat.of().formatHex(values[i]);
    }
    return result;
  }
}
