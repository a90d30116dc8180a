// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.readers;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/// Splits CSV text into records and fields, following the rules of Apache Commons CSV for the settings of
/// [CsvReaderConfig]: quoted fields may hold delimiters, doubled quotes and line breaks; an escape character takes
/// the next character literally (`\t`, `\n`, `\r`, `\b`, `\f` become control characters); any of `\n`, `\r\n`
/// and `\r` ends a record; empty and comment lines can be skipped; values equal to the null string become null.
/// Tracks the physical line on which each record starts. Unquoted fields that fit in the read buffer become
/// strings without an intermediate copy. Not thread-safe.
final class CsvTokenizer implements Closeable {
  private static final int EOF = -1;
  private static final int NONE = -2;

  /// A record that is not valid CSV; the tokenizer has skipped to the next line.
  static final class MalformedCsvException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedCsvException(String message) {
      super(message);
    }
  }

  private final Reader reader;
  private final char delimiter;
  private final int quote;
  private final int escape;
  private final int comment;
  private final boolean ignoreEmptyLines;
  private final boolean trim;
  private final @Nullable String nullString;
  private final char[] buffer = new char[1 << 16];
  private final StringBuilder builder = new StringBuilder();
  private int position;
  private int limit;
  private int line = 1;
  private int recordLine;
  private @Nullable String[] fields = new String[32];
  private int count;

  CsvTokenizer(Reader reader, CsvReaderConfig config) throws IOException {
    this.reader = reader;
    this.delimiter = config.delimiter();
    this.quote = config.quoteCharacter() == null ? NONE : config.quoteCharacter();
    this.escape = config.escapeCharacter() == null ? NONE : config.escapeCharacter();
    this.comment = config.commentMarker() == null ? NONE : config.commentMarker();
    this.ignoreEmptyLines = config.ignoreEmptyLines();
    this.trim = config.ignoreSurroundingSpaces();
    this.nullString = config.nullStringValue();
    if (peek() == '\uFEFF') {
      position++;
    }
  }

  /// Skips empty lines (when configured) and comment lines; true when a record starts at the current position.
  boolean hasRecord() throws IOException {
    while (true) {
      int c = peek();
      if (c == EOF) {
        return false;
      }
      if (c == comment) {
        skipLine();
      } else if (ignoreEmptyLines && (c == '\n' || c == '\r')) {
        readEndOfLine();
      } else {
        return true;
      }
    }
  }

  /// Parses the record at the current position (after [#hasRecord()] returned true).
  ///
  /// @throws MalformedCsvException when the record is not valid CSV (the rest of its line is skipped)
  void readRecord() throws IOException {
    recordLine = line;
    count = 0;
    try {
      while (readField()) {
        // another field follows the delimiter
      }
    } catch (MalformedCsvException e) {
      skipLine();
      throw e;
    }
  }

  /// Drops the buffered input, so that reading continues with what the reader returns next: a stream decoder
  /// reuses one tokenizer (and its buffer) over a reader it refills with each message.
  void discardBuffered() {
    position = 0;
    limit = 0;
  }

  /// The physical line (1-based) on which the last record started.
  int recordLine() {
    return recordLine;
  }

  int fieldCount() {
    return count;
  }

  @Nullable String field(int index) {
    return fields[index];
  }

  /// Parses one field; true when a delimiter follows it.
  private boolean readField() throws IOException {
    int c = peek();
    if (trim) {
      while ((c == ' ' || c == '\t') && c != delimiter) {
        position++;
        c = peek();
      }
    }
    if (c == quote) {
      position++;
      return readQuoted();
    }
    return readUnquoted();
  }

  private boolean readUnquoted() throws IOException {
    int start = position;
    int i = start;
    char[] chars = buffer;
    int end = limit;
    while (i < end) {
      char ch = chars[i];
      if (ch == delimiter || ch == '\n' || ch == '\r' || ch == escape) {
        break;
      }
      i++;
    }
    if (i < end && chars[i] != escape) {
      int valueEnd = i;
      if (trim) {
        while (valueEnd > start && (chars[valueEnd - 1] == ' ' || chars[valueEnd - 1] == '\t')) {
          valueEnd--;
        }
      }
      addField(new String(chars, start, valueEnd - start));
      position = i;
      return consumeTerminator();
    }
    builder.setLength(0);
    builder.append(chars, start, i - start);
    position = i;
    return readUnquotedSlowly();
  }

  /// Finishes an unquoted field that spans buffer refills or holds escapes (its start is in `builder`).
  private boolean readUnquotedSlowly() throws IOException {
    while (true) {
      int ch = peek();
      if (ch == EOF || ch == delimiter || ch == '\n' || ch == '\r') {
        break;
      }
      position++;
      if (ch == escape) {
        readEscaped();
      } else {
        builder.append((char) ch);
      }
    }
    if (trim) {
      int length = builder.length();
      while (length > 0 && (builder.charAt(length - 1) == ' ' || builder.charAt(length - 1) == '\t')) {
        length--;
      }
      builder.setLength(length);
    }
    addField(builder.toString());
    return consumeTerminator();
  }

  private boolean readQuoted() throws IOException {
    builder.setLength(0);
    int startLine = line;
    while (true) {
      int ch = peek();
      if (ch == EOF) {
        throw new MalformedCsvException("quoted value opened on line " + startLine + " is not closed");
      }
      position++;
      if (ch == escape && escape != quote) {
        readEscaped();
      } else if (ch == quote) {
        if (peek() != quote) {
          break;
        }
        position++;
        builder.append((char) quote);
      } else {
        countLineBreak(ch);
        builder.append((char) ch);
      }
    }
    int c = peek();
    while ((c == ' ' || c == '\t') && c != delimiter) {
      position++;
      c = peek();
    }
    if (c != EOF && c != delimiter && c != '\n' && c != '\r') {
      throw new MalformedCsvException("unexpected character '" + (char) c + "' after a closing quote");
    }
    addField(builder.toString());
    return consumeTerminator();
  }

  private void readEscaped() throws IOException {
    int next = peek();
    if (next == EOF) {
      builder.append((char) escape);
      return;
    }
    position++;
    countLineBreak(next);
    builder.append(switch (next) {
      case 't' -> '\t';
      case 'n' -> '\n';
      case 'r' -> '\r';
      case 'b' -> '\b';
      case 'f' -> '\f';
      default -> (char) next;
    });
  }

  private void countLineBreak(int ch) throws IOException {
    if (ch == '\n' || ch == '\r' && peek() != '\n') {
      line++;
    }
  }

  private void addField(String value) {
    if (count == fields.length) {
      fields = Arrays.copyOf(fields, count * 2);
    }
    fields[count++] = nullString != null && nullString.equals(value) ? null : value;
  }

  /// Consumes what ends a field; true for a delimiter, false for a line end or the end of the input.
  private boolean consumeTerminator() throws IOException {
    int c = peek();
    if (c == delimiter) {
      position++;
      return true;
    }
    if (c != EOF) {
      readEndOfLine();
    }
    return false;
  }

  private void readEndOfLine() throws IOException {
    int c = peek();
    if (c == '\r') {
      position++;
      if (peek() == '\n') {
        position++;
      }
      line++;
    } else if (c == '\n') {
      position++;
      line++;
    }
  }

  private void skipLine() throws IOException {
    int c = peek();
    while (c != EOF && c != '\n' && c != '\r') {
      position++;
      c = peek();
    }
    readEndOfLine();
  }

  private int peek() throws IOException {
    if (position >= limit) {
      int read = reader.read(buffer, 0, buffer.length);
      position = 0;
      limit = Math.max(read, 0);
      if (read <= 0) {
        return EOF;
      }
    }
    return buffer[position];
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
