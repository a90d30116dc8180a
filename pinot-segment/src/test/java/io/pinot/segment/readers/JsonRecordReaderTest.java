// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.readers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pinot.spi.data.readers.GenericRow;
import io.pinot.spi.data.readers.RecordReadException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonRecordReaderTest {
  @TempDir
  Path dir;

  @Test
  void readsJsonLinesWithTypedValues() throws IOException {
    Path file = write("a.json", "{\"i\": 1, \"l\": 12345678901, \"d\": 1.5, \"s\": \"x\", \"b\": true, \"n\": null}\n"
        + "\n"
        + "{\"arr\": [1, \"two\", [3]], \"obj\": {\"k\": [1]}, \"big\": 123456789012345678901234567890,"
        + " \"precise\": 0.12345678901234567890123}\n");
    try (JsonRecordReader reader = new JsonRecordReader(file)) {
      GenericRow row = new GenericRow();
      reader.next(row);
      assertThat(reader.position()).isEqualTo("file a.json line 1");
      assertThat(row.fields()).containsEntry("i", 1).containsEntry("l", 12345678901L).containsEntry("d", 1.5)
          .containsEntry("s", "x").containsEntry("b", true).containsEntry("n", null);
      reader.next(row);
      assertThat(reader.position()).isEqualTo("file a.json line 3");
      Object[] array = (Object[]) row.getValue("arr");
      assertThat(array[0]).isEqualTo(1);
      assertThat(array[1]).isEqualTo("two");
      assertThat((Object[]) array[2]).containsExactly(3);
      assertThat(row.getValue("obj")).isInstanceOf(Map.class);
      assertThat(row.getValue("big")).isEqualTo("123456789012345678901234567890");
      assertThat(row.getValue("precise")).isEqualTo(new BigDecimal("0.12345678901234567890123"));
      assertThat(reader.hasNext()).isFalse();
    }
  }

  @Test
  void readsATopLevelArrayAndRewinds() throws IOException {
    Path file = write("b.json", "\ufeff  [\n {\"a\": 1},\n {\"a\": 2}\n]\n");
    try (JsonRecordReader reader = new JsonRecordReader(file)) {
      GenericRow row = new GenericRow();
      reader.next(row);
      reader.next(row);
      assertThat(row.getValue("a")).isEqualTo(2);
      assertThat(reader.position()).isEqualTo("file b.json record 2 (line 3)");
      assertThat(reader.hasNext()).isFalse();
      reader.rewind();
      assertThat(reader.next(new GenericRow()).getValue("a")).isEqualTo(1);
    }
  }

  @Test
  void multiLineObjectsAndMalformedLines() throws IOException {
    Path file = write("c.json", "{\"a\":\n  1}\n{\"a\": oops}\n{\"a\": 3}\n[1]\n");
    try (JsonRecordReader reader = new JsonRecordReader(file)) {
      GenericRow row = new GenericRow();
      reader.next(row);
      assertThat(row.getValue("a")).isEqualTo(1);
      assertThatThrownBy(() -> reader.next(row)).isInstanceOf(RecordReadException.class)
          .hasMessageStartingWith("file c.json line 3: malformed JSON");
      reader.next(row);
      assertThat(row.getValue("a")).isEqualTo(3);
      assertThatThrownBy(() -> reader.next(row)).isInstanceOf(RecordReadException.class)
          .hasMessageContaining("line 5").hasMessageContaining("JSON object");
      assertThat(reader.hasNext()).isFalse();
    }
  }

  @Test
  void byteOrderMarkBeforeJsonLinesIsSkipped() throws IOException {
    try (JsonRecordReader reader = new JsonRecordReader(write("bom.json", "\ufeff{\"a\": \"b\"}\n"))) {
      assertThat(reader.next(new GenericRow()).getValue("a")).isEqualTo("b");
    }
  }

  @Test
  void truncatedRecordAtTheEndIsReported() throws IOException {
    try (JsonRecordReader reader = new JsonRecordReader(write("d.json", "{\"a\": 1}\n{\"a\": [1,\n"))) {
      reader.next(new GenericRow());
      assertThatThrownBy(() -> reader.next(new GenericRow())).isInstanceOf(RecordReadException.class)
          .hasMessageContaining("line 2").hasMessageContaining("not complete");
    }
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }
}
