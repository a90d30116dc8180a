// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.utils;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/// The project's JSON mapper and helpers. The mapper ignores unknown properties (as Pinot does for
/// schemas and configs) and never writes doubles as integers. Parsing errors become
/// [IllegalArgumentException]s whose message names the JSON path and the problem, without a stack trace.
public final class JsonUtils {
  /// Shared, thread-safe mapper. Never reconfigure it after class initialisation.
  public static final ObjectMapper MAPPER = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private JsonUtils() {
  }

  /// Parses JSON text into the given type.
  ///
  /// @throws IllegalArgumentException naming the position and problem when the text is not valid JSON or
  ///     does not describe a valid value of the type
  public static <T> T fromJson(String json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(describe(e), e);
    }
  }

  /// Converts a parsed tree into the given type, with the same error reporting as [#fromJson].
  public static <T> T fromJsonNode(JsonNode node, Class<T> type) {
    try {
      return MAPPER.treeToValue(node, type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(describe(e), e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(describe(e), e);
    }
  }

  public static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(describe(e), e);
    }
  }

  public static String toJson(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String toPrettyJson(Object value) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] toBytes(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JsonNode toJsonNode(Object value) {
    return MAPPER.valueToTree(value);
  }

  public static ObjectNode newObjectNode() {
    return MAPPER.createObjectNode();
  }

  public static JsonNode parse(byte[] json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException(describe(e), e);
    }
  }

  /// A one-line description of a JSON failure: the validation message of a record constructor when there is
  /// one, else Jackson's own message with the JSON path, never a stack trace or a class name.
  public static String describe(Throwable error) {
    Throwable cause = error;
    while (cause != null) {
      if (cause instanceof ValueInstantiationException vie && vie.getCause() instanceof IllegalArgumentException iae) {
        return iae.getMessage();
      }
      if (cause instanceof IllegalArgumentException iae && !(cause.getCause() instanceof JsonProcessingException)
          && cause != error) {
        return iae.getMessage();
      }
      cause = cause.getCause();
    }
    if (error instanceof InvalidFormatException ife) {
      return "Invalid value " + ife.getValue() + " at " + path(ife) + ": expected " + describeType(ife.getTargetType());
    }
    if (error instanceof JsonMappingException jme) {
      return jme.getOriginalMessage() + (jme.getPath().isEmpty() ? "" : " at " + path(jme));
    }
    if (error instanceof JsonProcessingException jpe) {
      String location = jpe.getLocation() == null ? ""
          : " (line " + jpe.getLocation().getLineNr() + ", column " + jpe.getLocation().getColumnNr() + ")";
      return "Invalid JSON: " + jpe.getOriginalMessage() + location;
    }
    return String.valueOf(error.getMessage());
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "top level" : path.toString();
  }

  private static String describeType(Class<?> type) {
    if (type.isEnum()) {
      StringBuilder values = new StringBuilder("one of ");
      Object[] constants = type.getEnumConstants();
      for (int i = 0; i < constants.length; i++) {
        values.append(i == 0 ? "" : ", ").append(constants[i]);
      }
      return values.toString();
    }
    return type.getSimpleName();
  }
}
