// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.format;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/// Reads and writes the `key = value` text files of a segment (`metadata.properties`, `index_map`) in an
/// order-preserving way. The escaping is that of [java.util.Properties] (`\\`, `\=`, `\:`, `\#`, `\!`, `\t`,
/// `\n`, `\r`, `\f`, escaped leading spaces, and a backslash-u hex escape for every non-ASCII or control
/// character), plus `\,` for commas so that readers splitting lists on commas (Apache Commons Configuration) see
/// one value. The output is pure ASCII and is read back identically by `java.util.Properties#load`.
/// Stateless utilities.
public final class PropertiesFile {
  private PropertiesFile() {
  }

  /// Appends one `key = value` line.
  public static void appendLine(StringBuilder out, String key, String value) {
    escape(out, key, true);
    // No space after '=' when the value is empty: lines never end with whitespace.
    out.append(value.isEmpty() ? " =" : " = ");
    escape(out, value, false);
    out.append('\n');
  }

  /// Appends one `key = a,b,c` line: each element escaped on its own (commas inside escaped), joined by bare
  /// commas, so that list-aware readers see the elements.
  public static void appendListLine(StringBuilder out, String key, List<String> values) {
    escape(out, key, true);
    out.append(values.isEmpty() ? " =" : " = ");
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      escape(out, values.get(i), false);
    }
    out.append('\n');
  }

  /// Renders all entries in iteration order.
  public static String write(Map<String, String> entries) {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, String> entry : entries.entrySet()) {
      appendLine(out, entry.getKey(), entry.getValue());
    }
    return out.toString();
  }

  /// Parses the text into an ordered map (later duplicates win, keeping the first position).
  public static Map<String, String> read(String text) {
    Map<String, String> entries = new LinkedHashMap<>();
    int position = 0;
    int length = text.length();
    while (position < length) {
      StringBuilder logical = new StringBuilder();
      position = readLogicalLine(text, position, logical);
      String line = logical.toString();
      int start = skipWhitespace(line, 0);
      if (start >= line.length() || line.charAt(start) == '#' || line.charAt(start) == '!') {
        continue;
      }
      int keyEnd = findKeyEnd(line, start);
      String key = unescape(line.substring(start, keyEnd));
      int valueStart = skipWhitespace(line, keyEnd);
      if (valueStart < line.length() && (line.charAt(valueStart) == '=' || line.charAt(valueStart) == ':')) {
        valueStart = skipWhitespace(line, valueStart + 1);
      }
      entries.put(key, unescape(line.substring(valueStart)));
    }
    return entries;
  }

  private static void escape(StringBuilder out, String text, boolean key) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\f' -> out.append("\\f");
        case '=', ':', '#', '!', ',' -> out.append('\\').append(c);
        case ' ' -> out.append(key || i == 0 ? "\\ " : " ");
        default -> {
          if (c < 0x20 || c > 0x7E) {
            out.append("\\u").append(HexFormat.of().withUpperCase().toHexDigits(c));
          } else {
            out.append(c);
          }
        }
      }
    }
  }

  /// Reads one logical line (joining lines that end with an odd number of backslashes) starting at `position`;
  /// returns the position after its line terminator.
  private static int readLogicalLine(String text, int position, StringBuilder out) {
    int i = position;
    boolean continuation = false;
    while (i < text.length()) {
      if (continuation) {
        i = skipWhitespace(text, i);
        continuation = false;
      }
      int end = i;
      while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
        end++;
      }
      String segment = text.substring(i, end);
      int next = end < text.length() && text.charAt(end) == '\r' && end + 1 < text.length()
          && text.charAt(end + 1) == '\n' ? end + 2 : end + 1;
      if (trailingBackslashes(segment) % 2 == 1) {
        out.append(segment, 0, segment.length() - 1);
        continuation = true;
        i = next;
        continue;
      }
      out.append(segment);
      return next;
    }
    return i;
  }

  private static int trailingBackslashes(String segment) {
    int count = 0;
    for (int i = segment.length() - 1; i >= 0 && segment.charAt(i) == '\\'; i--) {
      count++;
    }
    return count;
  }

  private static int skipWhitespace(String text, int position) {
    int i = position;
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '\f')) {
      i++;
    }
    return i;
  }

  private static int findKeyEnd(String line, int start) {
    int i = start;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == '\\') {
        i += 2;
        continue;
      }
      if (c == '=' || c == ':' || c == ' ' || c == '\t' || c == '\f') {
        return i;
      }
      i++;
    }
    return Math.min(i, line.length());
  }

  private static String unescape(String text) {
    if (text.indexOf('\\') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\\' || i + 1 >= text.length()) {
        out.append(c);
        continue;
      }
      char next = text.charAt(++i);
      switch (next) {
        case 't' -> out.append('\t');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 'f' -> out.append('\f');
        case 'u' -> {
          if (i + 4 >= text.length()) {
            throw new IllegalArgumentException("Malformed unicode escape in properties text");
          }
          out.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
          i += 4;
        }
        default -> out.append(next);
      }
    }
    return out.toString();
  }
}
