// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.readers;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.pinot.common.utils.JsonUtils;
import io.pinot.spi.data.readers.GenericRow;
import io.pinot.spi.data.readers.RecordReadException;
import io.pinot.spi.data.readers.RecordReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/// Reads JSON records from a UTF-8 file (optionally gzip-compressed when its name ends with `.gz`): either JSON
/// lines (one object per line; an object may also span several lines) or one top-level array of objects.
///
/// Values become Java values as Pinot's `JSONRecordExtractor` makes them: strings, `Integer`/`Long` for integral
/// numbers (text for integers beyond a long), `Double` for other numbers (`BigDecimal` when a double would lose
/// digits), `Boolean`, null; arrays become `Object[]` and nested objects `Map`s (which STRING/JSON columns store as
/// JSON text). A malformed line throws [RecordReadException] naming the file and line, and JSON-lines reading
/// continues with the next line (in array mode the rest of the file is unreadable). Not thread-safe.
public final class JsonRecordReader implements RecordReader {
  private static final ObjectReader READER = JsonUtils.MAPPER.reader()
      .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  /// Array elements are read one at a time from a shared parser, so the tokens after each one are expected.
  private static final ObjectReader ELEMENT_READER = READER.without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final Path file;
  private final String fileName;
  private @Nullable BufferedReader lines;
  private @Nullable JsonParser arrayParser;
  private @Nullable JsonNode pending;
  private @Nullable ReadError pendingError;
  private boolean exhausted;
  private int nextLine;
  private int recordLine;
  private int recordIndex;
  private int pendingLine;

  /// A record that could not be parsed; turned into a [RecordReadException] when the record is consumed.
  private record ReadError(String message, @Nullable Throwable cause) {
  }

  public JsonRecordReader(Path file) throws IOException {
    this.file = Objects.requireNonNull(file, "file is null");
    this.fileName = file.getFileName().toString();
    open();
  }

  private void open() throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(input(), StandardCharsets.UTF_8), 1 << 16);
    reader.mark(1);
    if (reader.read() != '\uFEFF') {
      reader.reset();
    }
    reader.mark(1 << 16);
    int c = reader.read();
    while (c != -1 && Character.isWhitespace(c)) {
      c = reader.read();
    }
    reader.reset();
    exhausted = false;
    pending = null;
    pendingError = null;
    nextLine = 1;
    recordIndex = 0;
    if (c == '[') {
      JsonParser parser = JsonUtils.MAPPER.getFactory().createParser(reader);
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        parser.close();
        throw new IOException(fileName + " does not start with a JSON array");
      }
      arrayParser = parser;
    } else {
      lines = reader;
    }
  }

  private InputStream input() throws IOException {
    InputStream input = Files.newInputStream(file);
    return fileName.endsWith(".gz") ? new GZIPInputStream(input, 1 << 16) : input;
  }

  @Override
  public boolean hasNext() {
    if (pending == null && pendingError == null && !exhausted) {
      try {
        fetch();
      } catch (IOException e) {
        exhausted = true;
        pendingLine = nextLine;
        pendingError = new ReadError("cannot read: " + e.getMessage(), e);
      }
    }
    return pending != null || pendingError != null;
  }

  @Override
  public GenericRow next(GenericRow reuse) {
    if (!hasNext()) {
      throw new NoSuchElementException("No more records in " + fileName);
    }
    recordIndex++;
    recordLine = pendingLine;
    ReadError error = pendingError;
    JsonNode node = pending;
    pending = null;
    pendingError = null;
    if (error != null) {
      throw error.cause() == null ? new RecordReadException(position(), error.message())
          : new RecordReadException(position(), error.message(), error.cause());
    }
    if (node == null || !node.isObject()) {
      throw new RecordReadException(position(), "a record must be a JSON object, not "
          + (node == null ? "null" : node.getNodeType()));
    }
    reuse.clear();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      reuse.putValue(field.getKey(), JsonValues.toJava(field.getValue()));
    }
    return reuse;
  }

  private void fetch() throws IOException {
    if (arrayParser != null) {
      fetchArrayElement(arrayParser);
    } else if (lines != null) {
      fetchLine(lines);
    }
  }

  private void fetchArrayElement(JsonParser parser) throws IOException {
    try {
      JsonToken token = parser.nextToken();
      pendingLine = parser.currentTokenLocation().getLineNr();
      if (token == JsonToken.END_ARRAY || token == null) {
        exhausted = true;
        return;
      }
      pending = ELEMENT_READER.readTree(parser);
    } catch (JsonProcessingException e) {
      exhausted = true;
      pendingError = new ReadError("malformed JSON: " + e.getOriginalMessage(), e);
    }
  }

  /// Reads the next record of JSON lines, joining lines while the text is an incomplete JSON value.
  private void fetchLine(BufferedReader reader) throws IOException {
    StringBuilder text = new StringBuilder();
    while (true) {
      String line = reader.readLine();
      int lineNumber = nextLine++;
      if (line == null) {
        exhausted = true;
        if (!text.isEmpty()) {
          pendingError = new ReadError("JSON record is not complete at the end of the file", null);
        }
        return;
      }
      if (text.isEmpty()) {
        if (line.isBlank()) {
          continue;
        }
        pendingLine = lineNumber;
      }
      text.append(line).append('\n');
      try {
        pending = READER.readTree(text.toString());
        return;
      } catch (JsonProcessingException e) {
        if (e instanceof JsonEOFException || String.valueOf(e.getOriginalMessage()).startsWith(
            "Unexpected end-of-input")) {
          // The value continues on the next line.
          continue;
        }
        pendingError = new ReadError("malformed JSON: " + e.getOriginalMessage(), e);
        return;
      }
    }
  }

  @Override
  public void rewind() throws IOException {
    close();
    open();
  }

  @Override
  public String position() {
    return position(recordLine);
  }

  private String position(int line) {
    return arrayParser != null ? "file " + fileName + " record " + recordIndex + " (line " + line + ")"
        : "file " + fileName + " line " + line;
  }

  @Override
  public void close() throws IOException {
    JsonParser parser = arrayParser;
    BufferedReader reader = lines;
    arrayParser = null;
    lines = null;
    if (parser != null) {
      parser.close();
    }
    if (reader != null) {
      reader.close();
    }
  }

  /// Conversion of parsed JSON to the Java values records carry.
  static final class JsonValues {
    private JsonValues() {
    }

    static @Nullable Object toJava(JsonNode node) {
      return switch (node.getNodeType()) {
        case NULL, MISSING -> null;
        case STRING -> node.textValue();
        case BOOLEAN -> node.booleanValue();
        case NUMBER -> number(node);
        case BINARY -> binary(node);
        case ARRAY -> {
          Object[] values = new Object[node.size()];
          for (int i = 0; i < values.length; i++) {
            values[i] = toJava(node.get(i));
          }
          yield values;
        }
        case OBJECT, POJO -> {
          Map<String, @Nullable Object> map = new LinkedHashMap<>();
          for (Map.Entry<String, JsonNode> field : node.properties()) {
            map.put(field.getKey(), toJava(field.getValue()));
          }
          yield map;
        }
      };
    }

    private static Object number(JsonNode node) {
      if (node.isInt()) {
        return node.intValue();
      }
      if (node.isLong()) {
        return node.longValue();
      }
      if (node.isBigInteger()) {
        return node.bigIntegerValue().toString();
      }
      BigDecimal exact = node.decimalValue();
      double approximate = exact.doubleValue();
      if (Double.isFinite(approximate) && new BigDecimal(Double.toString(approximate)).compareTo(exact) == 0) {
        return approximate;
      }
      return exact;
    }

    private static Object binary(JsonNode node) {
      try {
        return node.binaryValue();
      } catch (IOException e) {
        throw new IllegalStateException("Unreadable binary JSON value", e);
      }
    }
  }
}
