// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class PropertiesFileTest {
  private static final Map<String, String> TRICKY = tricky();

  private static Map<String, String> tricky() {
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put("plain", "value");
    entries.put("empty", "");
    entries.put("key with spaces", "  leading and trailing  ");
    entries.put("a=b:c#d!e", "x=y:z#w!v");
    entries.put("commas", "a,b,,c");
    entries.put("backslash\\key", "C:\\path\\");
    entries.put("lines", "one\ntwo\r\nthree\tfour\f");
    entries.put("unicode", "caf\u00e9 \u4e2d\u6587 \ud83d\ude00");
    entries.put("control", "\u0001\u007f");
    entries.put("#notacomment", "!neither");
    return entries;
  }

  @Test
  void roundTripsTrickyKeysAndValuesInOrder() {
    String text = PropertiesFile.write(TRICKY);
    Map<String, String> read = PropertiesFile.read(text);
    assertThat(read).containsExactlyEntriesOf(TRICKY);
  }

  @Test
  void outputIsAsciiAndReadableByJavaProperties() throws IOException {
    String text = PropertiesFile.write(TRICKY);
    assertThat(text.chars().allMatch(c -> c < 0x80)).isTrue();
    Properties properties = new Properties();
    properties.load(new StringReader(text));
    assertThat(properties).hasSize(TRICKY.size());
    TRICKY.forEach((key, value) -> assertThat(properties.getProperty(key)).isEqualTo(value));
  }

  @Test
  void readsJavaPropertiesSyntax() {
    String text = "# comment\n! other comment\n\n  key1 = value1\nkey2:value2\nkey3 value3\n"
        + "multi = first \\\n    second\r\nlast=end";
    assertThat(PropertiesFile.read(text)).containsExactly(Map.entry("key1", "value1"), Map.entry("key2", "value2"),
        Map.entry("key3", "value3"), Map.entry("multi", "first second"), Map.entry("last", "end"));
  }

  @Test
  void listLinesKeepSeparatorsUnescaped() {
    StringBuilder out = new StringBuilder();
    PropertiesFile.appendListLine(out, "names", List.of("a", "b,c", "d"));
    assertThat(out.toString()).isEqualTo("names = a,b\\,c,d\n");
    StringBuilder empty = new StringBuilder();
    PropertiesFile.appendListLine(empty, "names", List.of());
    assertThat(PropertiesFile.read(empty.toString())).containsEntry("names", "");
  }
}
