// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.function;

import static io.pinot.common.function.ScalarType.BIG_DECIMAL;
import static io.pinot.common.function.ScalarType.BYTES;
import static io.pinot.common.function.ScalarType.LONG;
import static io.pinot.common.function.ScalarType.OBJECT;
import static io.pinot.common.function.ScalarType.STRING;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/// Type conversion functions with Pinot's names: `cast(value, 'TYPE')` (the SQL `CAST(x AS TYPE)` compiles to it;
/// Pinot's type names and the SQL aliases `INTEGER`, `BIGINT`, `DECIMAL`, `VARCHAR`, `VARBINARY`), `hexToBytes`,
/// `bytesToHex`, `base64Encode`/`base64Decode`, `bigDecimalToBytes`/`bytesToBigDecimal` (Pinot's serialized form: a
/// 2-byte scale then the unscaled value's two's-complement bytes), `hexDecimalToLong`/`longToHexDecimal`.
/// Stateless.
final class ConversionFunctions {
  private ConversionFunctions() {
  }

  static void register(FunctionRegistry.Builder b) {
    b.define("cast").args(OBJECT, STRING).returns(OBJECT).body(a -> cast(a[0], (String) a[1]));
    b.define("hexToBytes").args(STRING).returns(BYTES).body(a -> HexFormat.of().parseHex((String) a[0]));
    b.define("bytesToHex").args(BYTES).returns(STRING).body(a -> HexFormat.of().formatHex((byte[]) a[0]));
    b.define("base64Encode").args(BYTES).returns(BYTES).body(a -> Base64.getEncoder().encode((byte[]) a[0]));
    b.define("base64Decode").args(BYTES).returns(BYTES).body(a -> Base64.getDecoder().decode((byte[]) a[0]));
    b.define("bigDecimalToBytes").args(BIG_DECIMAL).returns(BYTES).body(a -> bigDecimalToBytes((BigDecimal) a[0]));
    b.define("bytesToBigDecimal").args(BYTES).returns(BIG_DECIMAL).body(a -> bytesToBigDecimal((byte[]) a[0]));
    b.define("hexDecimalToLong").args(STRING).returns(LONG).body(a -> hexToLong((String) a[0]));
    b.define("longToHexDecimal").args(LONG).returns(STRING).body(a -> Long.toHexString((Long) a[0]));
  }

  /// The scalar type a `cast` target names.
  ///
  /// @throws IllegalArgumentException for an unknown type name
  static ScalarType castType(String typeName) {
    return switch (typeName.trim().toUpperCase(Locale.ROOT)) {
      case "INT", "INTEGER", "UTINYINT", "USMALLINT", "SMALLINT", "TINYINT" -> ScalarType.INT;
      case "LONG", "BIGINT", "UINTEGER" -> ScalarType.LONG;
      case "FLOAT", "REAL" -> ScalarType.FLOAT;
      case "DOUBLE" -> ScalarType.DOUBLE;
      case "BIG_DECIMAL", "DECIMAL" -> ScalarType.BIG_DECIMAL;
      case "BOOLEAN" -> ScalarType.BOOLEAN;
      case "TIMESTAMP" -> ScalarType.TIMESTAMP;
      case "STRING", "VARCHAR", "CHAR" -> ScalarType.STRING;
      case "JSON" -> ScalarType.JSON;
      case "BYTES", "VARBINARY" -> ScalarType.BYTES;
      default -> throw new IllegalArgumentException("Unknown data type: " + typeName);
    };
  }

  /// Pinot's `cast`: text to INT/LONG accepts decimals (truncated) and, for LONG, timestamps (epoch millis);
  /// everything else converts as [ScalarType#convert] does. Arrays other than bytes cannot be cast.
  private static Object cast(Object value, String typeName) {
    if (value.getClass().isArray() && !(value instanceof byte[])) {
      throw new IllegalArgumentException("cast does not support multi-value arguments");
    }
    ScalarType target = castType(typeName);
    if (value instanceof String text && (target == ScalarType.INT || target == ScalarType.LONG)) {
      String trimmed = text.trim();
      try {
        return target == ScalarType.INT ? (Object) Integer.parseInt(trimmed) : (Object) Long.parseLong(trimmed);
      } catch (NumberFormatException e) {
        if (target == ScalarType.LONG && !trimmed.isEmpty() && !Character.isDigit(trimmed.charAt(0))
            && trimmed.charAt(0) != '-' || target == ScalarType.LONG && trimmed.contains(":")) {
          return ((java.sql.Timestamp) ScalarType.TIMESTAMP.convert(trimmed)).getTime();
        }
        double number = Double.parseDouble(trimmed);
        return target == ScalarType.INT ? (Object) (int) number : (Object) (long) number;
      }
    }
    if (target == ScalarType.INT && value instanceof Number number && !(value instanceof Integer)) {
      return number.intValue();
    }
    if (target == ScalarType.LONG && value instanceof Number number && !(value instanceof Long)) {
      return number.longValue();
    }
    return target.convert(value);
  }

  private static byte[] bigDecimalToBytes(BigDecimal value) {
    byte[] unscaled = value.unscaledValue().toByteArray();
    return ByteBuffer.allocate(2 + unscaled.length).putShort((short) value.scale()).put(unscaled).array();
  }

  private static BigDecimal bytesToBigDecimal(byte[] bytes) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    int scale = buffer.getShort();
    byte[] unscaled = new byte[buffer.remaining()];
    buffer.get(unscaled);
    return new BigDecimal(new BigInteger(unscaled), scale);
  }

  private static long hexToLong(String text) {
    String digits = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
    return Long.parseUnsignedLong(digits, 16);
  }
}
