// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.function;

import static io.pinot.common.function.ScalarType.BOOLEAN;
import static io.pinot.common.function.ScalarType.DOUBLE;
import static io.pinot.common.function.ScalarType.LONG;
import static io.pinot.common.function.ScalarType.OBJECT;
import static io.pinot.common.function.ScalarType.OBJECT_ARRAY;
import static io.pinot.common.function.ScalarType.STRING;
import static io.pinot.common.function.ScalarType.STRING_ARRAY;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.pinot.common.utils.JsonUtils;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// JSON functions with Pinot's names: `jsonFormat`, `toJsonMapStr`, the `jsonPath*` family (a missing path or
/// unparsable input gives the default: null for `jsonPathString`, `Long.MIN_VALUE` for `jsonPathLong`, NaN for
/// `jsonPathDouble`), `jsonExtractScalar(json, path, resultType[, default])` (a missing value without a default is an
/// error), `jsonExtractKey`, and the `jsonStringTo*` parsers. JSON text arguments are parsed; maps and lists are
/// read as they are. Constant paths are compiled once per expression. Stateless.
final class JsonFunctions {
  private JsonFunctions() {
  }

  /// Reads the value(s) a path selects, with the path prepared when constant.
  @FunctionalInterface
  private interface PathReader {
    JsonPath path(Object pathArgument);
  }

  private static final PathReader COMPILE = path -> JsonPath.compile((String) path);

  static void register(FunctionRegistry.Builder b) {
    b.define("jsonFormat").args(OBJECT).returns(STRING).body(a -> JsonUtils.toJson(ScalarType.jsonValue(a[0])));
    b.define("toJsonMapStr").args(OBJECT).returns(STRING).nullable()
        .body(a -> JsonUtils.toJson(ScalarType.jsonValue(a[0])));
    b.define("isJson").args(STRING).returns(BOOLEAN).body(a -> parse(a[0]) != INVALID);
    b.define("jsonStringToArray").args(STRING).returns(OBJECT).body(a -> JsonUtils.fromJson((String) a[0], List.class));
    b.define("jsonStringToMap").args(STRING).returns(OBJECT).body(a -> JsonUtils.fromJson((String) a[0], Map.class));
    b.define("jsonStringToListOrMap").args(STRING).returns(OBJECT)
        .body(a -> JsonUtils.fromJson((String) a[0], Object.class));
    registerPaths(b);
    b.define("jsonExtractScalar").args(OBJECT, STRING, STRING).returns(OBJECT)
        .specializer(c -> extractScalar(prepared(c))).body(extractScalar(COMPILE));
    b.define("jsonExtractScalar").args(OBJECT, STRING, STRING, OBJECT).returns(OBJECT).nullable()
        .specializer(c -> extractScalar(prepared(c))).body(extractScalar(COMPILE));
    b.define("jsonExtractKey").args(OBJECT, STRING).returns(STRING_ARRAY).body(a -> {
      String path = (String) a[1];
      JsonPath compiled = JsonPath.compile(path.isEmpty() || path.equals("$..**") ? "$..*" : path);
      List<JsonPath.Match> matches = compiled.select(document(a[0]));
      Object[] keys = new Object[matches.size()];
      for (int i = 0; i < keys.length; i++) {
        keys[i] = matches.get(i).path();
      }
      return keys;
    });
  }

  private static void registerPaths(FunctionRegistry.Builder b) {
    b.define("jsonPath").args(OBJECT, STRING).returns(OBJECT).specializer(c -> a -> read(prepared(c), a))
        .body(a -> read(COMPILE, a));
    b.define("jsonPathArray").args(OBJECT, STRING).returns(OBJECT_ARRAY).body(a -> toArray(read(COMPILE, a)));
    b.define("jsonPathArrayDefaultEmpty").args(OBJECT, STRING).returns(OBJECT_ARRAY).nullable().body(a -> {
      try {
        Object[] values = a[0] == null ? null : toArray(read(COMPILE, a));
        return values == null ? new Object[0] : values;
      } catch (RuntimeException e) {
        return new Object[0];
      }
    });
    b.define("jsonPathExists").args(OBJECT, STRING).returns(BOOLEAN).body(a -> readOrDefault(COMPILE, a, null) != null);
    pathWithDefault(b, "jsonPathString", STRING, null);
    pathWithDefault(b, "jsonPathLong", LONG, Long.MIN_VALUE);
    pathWithDefault(b, "jsonPathDouble", DOUBLE, Double.NaN);
  }

  /// `name(json, path)` with `implicitDefault` and `name(json, path, default)`, converting the value to `type`.
  private static void pathWithDefault(FunctionRegistry.Builder b, String name, ScalarType type,
      @Nullable Object implicitDefault) {
    b.define(name).args(OBJECT, STRING).returns(type).specializer(c -> typed(prepared(c), type, implicitDefault))
        .body(typed(COMPILE, type, implicitDefault));
    b.define(name).args(OBJECT, STRING, type).returns(type).nullable()
        .specializer(c -> typed(prepared(c), type, null)).body(typed(COMPILE, type, null));
  }

  private static ScalarFunction.Body typed(PathReader paths, ScalarType type, @Nullable Object implicitDefault) {
    return a -> {
      Object fallback = a.length > 2 ? a[2] : implicitDefault;
      if (a[0] == null) {
        return fallback;
      }
      Object value = readOrDefault(paths, a, null);
      if (value == null) {
        return fallback;
      }
      try {
        return type == STRING ? text(value) : type.convert(value instanceof Map<?, ?> || value instanceof List<?>
            ? text(value) : value);
      } catch (IllegalArgumentException e) {
        return fallback;
      }
    };
  }

  private static PathReader prepared(@Nullable Object[] constants) {
    if (constants.length < 2 || constants[1] == null) {
      return COMPILE;
    }
    JsonPath compiled = JsonPath.compile((String) constants[1]);
    return ignored -> compiled;
  }

  private static @Nullable Object read(PathReader paths, @Nullable Object[] a) {
    Object document = document(a[0]);
    if (document == INVALID) {
      throw new IllegalArgumentException("Value is not JSON");
    }
    return paths.path(a[1]).read(document);
  }

  private static @Nullable Object readOrDefault(PathReader paths, @Nullable Object[] a, @Nullable Object fallback) {
    try {
      Object value = read(paths, a);
      return value == null ? fallback : value;
    } catch (IllegalArgumentException e) {
      return fallback;
    }
  }

  /// `jsonExtractScalar(json, path, resultsType[, default])` as Pinot's transform: the value converted to the
  /// result type (`INT`, `LONG`, `FLOAT`, `DOUBLE`, `BIG_DECIMAL`, `BOOLEAN`, `TIMESTAMP`, `STRING`, `JSON`, `BYTES`
  /// or an `_ARRAY` of them).
  private static ScalarFunction.Body extractScalar(PathReader paths) {
    return a -> {
      boolean hasDefault = a.length > 3;
      if (a[0] == null) {
        return hasDefault ? a[3] : null;
      }
      String resultType = ((String) a[2]).trim().toUpperCase(Locale.ROOT);
      Object value = hasDefault ? readOrDefault(paths, a, null) : read(paths, a);
      if (value == null) {
        if (hasDefault) {
          return a[3];
        }
        throw new IllegalArgumentException("JSON path '" + a[1] + "' matches no value");
      }
      if (resultType.endsWith("_ARRAY")) {
        ScalarType element = resultType(resultType.substring(0, resultType.length() - "_ARRAY".length()));
        Object[] values = toArray(value);
        for (int i = 0; i < values.length; i++) {
          values[i] = values[i] == null ? null : scalar(element, values[i]);
        }
        return values;
      }
      return scalar(resultType(resultType), value);
    };
  }

  private static ScalarType resultType(String name) {
    return switch (name) {
      case "INT", "INTEGER" -> ScalarType.INT;
      case "LONG", "BIGINT" -> ScalarType.LONG;
      case "FLOAT" -> ScalarType.FLOAT;
      case "DOUBLE" -> ScalarType.DOUBLE;
      case "BIG_DECIMAL", "DECIMAL" -> ScalarType.BIG_DECIMAL;
      case "BOOLEAN" -> ScalarType.BOOLEAN;
      case "TIMESTAMP" -> ScalarType.TIMESTAMP;
      case "STRING", "VARCHAR" -> ScalarType.STRING;
      case "JSON" -> ScalarType.JSON;
      case "BYTES" -> ScalarType.BYTES;
      default -> throw new IllegalArgumentException("Unsupported jsonExtractScalar result type '" + name + "'");
    };
  }

  private static Object scalar(ScalarType type, Object value) {
    if (type == ScalarType.STRING) {
      return text(value);
    }
    if (type == ScalarType.JSON) {
      return JsonUtils.toJson(value);
    }
    return type.convert(value);
  }

  /// A selected value as text: strings as they are, everything else as JSON.
  private static String text(Object value) {
    return value instanceof String string ? string : JsonUtils.toJson(value);
  }

  private static Object[] toArray(@Nullable Object value) {
    return switch (value) {
      case null -> new Object[0];
      case List<?> list -> list.toArray();
      case Object[] array -> array.clone();
      default -> new Object[] {value};
    };
  }

  private static final Object INVALID = new Object();

  /// The parsed form of a JSON argument: JSON text is parsed (INVALID when it is not JSON), other values are made
  /// JSON-shaped (arrays become lists).
  private static @Nullable Object document(@Nullable Object value) {
    if (value instanceof String text) {
      return parse(text);
    }
    return ScalarType.jsonValue(value);
  }

  private static @Nullable Object parse(@Nullable Object text) {
    try {
      return JsonUtils.MAPPER.readValue((String) text, Object.class);
    } catch (JsonProcessingException e) {
      return INVALID;
    }
  }
}
