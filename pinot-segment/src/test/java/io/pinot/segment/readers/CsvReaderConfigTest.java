// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.readers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvReaderConfigTest {
  @Test
  void defaultsArePinots() {
    CsvReaderConfig config = CsvReaderConfig.defaults();
    assertThat(config).isEqualTo(new CsvReaderConfig("default", null, ',', ';', false, true, true, '"', null, null,
        null, null));
  }

  @Test
  void mapsEveryKey() {
    Map<String, String> configs = Map.ofEntries(Map.entry("fileFormat", "EXCEL"), Map.entry("header", "a|b"),
        Map.entry("delimiter", "|"), Map.entry("multiValueDelimiter", ","), Map.entry("skipHeader", "true"),
        Map.entry("ignoreEmptyLines", "false"), Map.entry("ignoreSurroundingSpaces", "false"),
        Map.entry("quoteCharacter", "'"), Map.entry("recordSeparator", "\n"), Map.entry("nullStringValue", "NULL"),
        Map.entry("commentMarker", "#"), Map.entry("escapeCharacter", "\\"), Map.entry("unknownKey", "ignored"));
    assertThat(CsvReaderConfig.fromMap(configs)).isEqualTo(new CsvReaderConfig("excel", "a|b", '|', ',', true, false,
        false, '\'', "\n", "NULL", '#', '\\'));
  }

  @Test
  void emptyMultiValueDelimiterDisablesSplittingAndTabFormatsDefaultToTabs() {
    assertThat(CsvReaderConfig.fromMap(Map.of("multiValueDelimiter", "")).multiValueDelimiter()).isNull();
    assertThat(CsvReaderConfig.fromMap(Map.of("multiValueDelimiterEnabled", "false")).multiValueDelimiter()).isNull();
    assertThat(CsvReaderConfig.fromMap(Map.of("fileFormat", "tdf")).delimiter()).isEqualTo('\t');
    CsvReaderConfig mysql = CsvReaderConfig.fromMap(Map.of("fileFormat", "mysql"));
    assertThat(mysql.delimiter()).isEqualTo('\t');
    assertThat(mysql.nullStringValue()).isEqualTo("\\N");
    assertThat(CsvReaderConfig.fromMap(Map.of("delimiter", "\\t")).delimiter()).isEqualTo('\t');
    assertThat(CsvReaderConfig.fromMap(Map.of("delimiter", "\\u0001")).delimiter()).isEqualTo('\u0001');
    assertThat(CsvReaderConfig.fromMap(Map.of("quoteCharacter", "")).quoteCharacter()).isNull();
  }

  @Test
  void rejectsInvalidSettings() {
    assertThatThrownBy(() -> CsvReaderConfig.fromMap(Map.of("delimiter", ";;"))).isInstanceOf(
        IllegalArgumentException.class).hasMessageContaining("single character");
    assertThatThrownBy(() -> CsvReaderConfig.fromMap(Map.of("fileFormat", "xlsx"))).isInstanceOf(
        IllegalArgumentException.class).hasMessageContaining("fileFormat");
    assertThatThrownBy(() -> CsvReaderConfig.fromMap(Map.of("delimiter", "\""))).isInstanceOf(
        IllegalArgumentException.class);
    assertThatThrownBy(() -> CsvReaderConfig.fromMap(Map.of("delimiter", ""))).isInstanceOf(
        IllegalArgumentException.class);
  }
}
