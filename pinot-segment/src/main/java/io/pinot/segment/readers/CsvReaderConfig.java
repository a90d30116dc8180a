// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.readers;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/// Settings of [CsvRecordReader], with the keys and defaults of Pinot's `CSVRecordReaderConfig` (the `configs`
/// map of a job spec's `recordReaderSpec`). Immutable.
///
/// @param fileFormat `default`, `rfc4180`, `excel`, `tdf` or `mysql` (lower case); `tdf` and `mysql` default the
///     delimiter to a tab and `mysql` the null string to `\N`; every other setting keeps Pinot's defaults
/// @param header an explicit header line (split on the delimiter); null reads the header from the file
/// @param delimiter field delimiter (default ',')
/// @param multiValueDelimiter splits multi-value columns (default ';'); null disables splitting
/// @param skipHeader with an explicit header, whether the file's first record is a header to skip
/// @param ignoreEmptyLines skip empty lines (default true)
/// @param ignoreSurroundingSpaces trim spaces around unquoted values and between quotes and delimiters (default
///     true)
/// @param quoteCharacter quote (default '"'); null disables quoting
/// @param recordSeparator accepted for compatibility; any of `\n`, `\r\n` and `\r` ends a record when reading
/// @param nullStringValue a value read as null (default none)
/// @param commentMarker lines starting with it are skipped (default none)
/// @param escapeCharacter escapes the next character (default none)
public record CsvReaderConfig(String fileFormat, @Nullable String header, char delimiter,
    @Nullable Character multiValueDelimiter, boolean skipHeader, boolean ignoreEmptyLines,
    boolean ignoreSurroundingSpaces, @Nullable Character quoteCharacter, @Nullable String recordSeparator,
    @Nullable String nullStringValue, @Nullable Character commentMarker, @Nullable Character escapeCharacter) {

  private static final Set<String> FORMATS = Set.of("default", "rfc4180", "excel", "tdf", "mysql");

  public CsvReaderConfig {
    if (!FORMATS.contains(fileFormat)) {
      throw new IllegalArgumentException("Unknown CSV fileFormat '" + fileFormat
          + "': use default, rfc4180, excel, tdf or mysql");
    }
    if (quoteCharacter != null && quoteCharacter == delimiter) {
      throw new IllegalArgumentException("CSV quoteCharacter and delimiter must differ");
    }
  }

  /// Pinot's defaults: comma-separated, header in the first line, `;` between multi-values.
  public static CsvReaderConfig defaults() {
    return fromMap(Map.of());
  }

  /// Reads the settings from Pinot's `CSVRecordReaderConfig` keys; unknown keys are ignored.
  ///
  /// @throws IllegalArgumentException when a value is invalid (a delimiter of several characters...)
  public static CsvReaderConfig fromMap(Map<String, String> configs) {
    String format = configs.getOrDefault("fileFormat", "default").trim().toLowerCase(Locale.ROOT);
    if (format.isEmpty()) {
      format = "default";
    }
    boolean tabSeparated = format.equals("tdf") || format.equals("mysql");
    String delimiterText = configs.get("delimiter");
    char delimiter = delimiterText == null ? (tabSeparated ? '\t' : ',') : requireChar("delimiter", delimiterText);
    Character multiValueDelimiter = ';';
    if (configs.containsKey("multiValueDelimiter")) {
      multiValueDelimiter = optionalChar("multiValueDelimiter", configs.get("multiValueDelimiter"));
    }
    if ("false".equalsIgnoreCase(trimmed(configs.get("multiValueDelimiterEnabled")))) {
      multiValueDelimiter = null;
    }
    Character quote = configs.containsKey("quoteCharacter")
        ? optionalChar("quoteCharacter", configs.get("quoteCharacter")) : Character.valueOf('"');
    String nullString = configs.containsKey("nullStringValue") ? configs.get("nullStringValue")
        : format.equals("mysql") ? "\\N" : null;
    return new CsvReaderConfig(format, emptyToNull(configs.get("header")), delimiter, multiValueDelimiter,
        bool(configs, "skipHeader", false), bool(configs, "ignoreEmptyLines", true),
        bool(configs, "ignoreSurroundingSpaces", true), quote, emptyToNull(configs.get("recordSeparator")),
        nullString, optionalChar("commentMarker", configs.get("commentMarker")),
        optionalChar("escapeCharacter", configs.get("escapeCharacter")));
  }

  private static boolean bool(Map<String, String> configs, String key, boolean defaultValue) {
    String value = trimmed(configs.get(key));
    return value == null || value.isEmpty() ? defaultValue : Boolean.parseBoolean(value);
  }

  private static char requireChar(String key, String text) {
    Character value = optionalChar(key, text);
    if (value == null) {
      throw new IllegalArgumentException("CSV " + key + " must not be empty");
    }
    return value;
  }

  /// A single character, or the escapes `\t`, `\n`, `\r`, `\\`, a backslash-u hex escape, or "tab"; empty is
  /// null.
  private static @Nullable Character optionalChar(String key, @Nullable String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    if (text.length() == 1) {
      return text.charAt(0);
    }
    return switch (text) {
      case "\\t", "tab", "TAB" -> '\t';
      case "\\n" -> '\n';
      case "\\r" -> '\r';
      case "\\\\" -> '\\';
      default -> {
        if (text.length() == 6 && text.startsWith("\\u")) {
          try {
            yield (char) Integer.parseInt(text.substring(2), 16);
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("CSV " + key + " '" + text + "' is not a character", e);
          }
        }
        throw new IllegalArgumentException("CSV " + key + " must be a single character, got '" + text + "'");
      }
    };
  }

  private static @Nullable String trimmed(@Nullable String value) {
    return value == null ? null : value.trim();
  }

  private static @Nullable String emptyToNull(@Nullable String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
