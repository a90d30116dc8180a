// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.readers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pinot.spi.data.readers.GenericRow;
import io.pinot.spi.data.readers.RecordReadException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvRecordReaderTest {
  @TempDir
  Path dir;

  @Test
  void readsHeaderQuotesAndMultiValues() throws IOException {
    Path file = write("a.csv", "name,tags,note\n"
        + "plain,x;y,\"quoted, with comma\"\n"
        + "\"multi\nline\",z,\"say \"\"hi\"\"\"\n"
        + "empty,,\"\"\n"
        + "  spaced  ,;;w;, \"q\" \n");
    try (CsvRecordReader reader = new CsvRecordReader(file, CsvReaderConfig.defaults(), Set.of("tags"))) {
      assertThat(reader.columns()).containsExactly("name", "tags", "note");
      List<Map<String, Object>> rows = readAll(reader);
      assertThat(rows).hasSize(4);
      assertThat(rows.get(0)).containsEntry("name", "plain").containsEntry("note", "quoted, with comma");
      assertThat((Object[]) rows.get(0).get("tags")).containsExactly("x", "y");
      assertThat(rows.get(1)).containsEntry("name", "multi\nline").containsEntry("note", "say \"hi\"");
      assertThat((Object[]) rows.get(1).get("tags")).containsExactly("z");
      assertThat(rows.get(2)).containsEntry("name", "empty").containsEntry("tags", null).containsEntry("note", null);
      assertThat(rows.get(3)).containsEntry("name", "spaced").containsEntry("note", "q");
      assertThat((Object[]) rows.get(3).get("tags")).containsExactly("w");
    }
  }

  @Test
  void positionIsThePhysicalLineWhereTheRecordStarts() throws IOException {
    Path file = write("lines.csv", "a,b\r\n1,\"two\r\nlines\"\r\n\r\n# not a comment by default\n3,4");
    try (CsvRecordReader reader = new CsvRecordReader(file, CsvReaderConfig.defaults())) {
      GenericRow row = new GenericRow();
      reader.next(row);
      assertThat(reader.position()).isEqualTo("file lines.csv line 2");
      reader.next(row);
      assertThat(reader.position()).isEqualTo("file lines.csv line 5");
      assertThat(row.getValue("a")).isEqualTo("# not a comment by default");
      reader.next(row);
      assertThat(reader.position()).isEqualTo("file lines.csv line 6");
      assertThat(row.getValue("b")).isEqualTo("4");
      assertThat(reader.hasNext()).isFalse();
    }
  }

  @Test
  void explicitHeaderSkipHeaderCommentsNullStringAndEscapes() throws IOException {
    Path file = write("b.csv", "ignored|header\n# comment\nx|\\|pipe\nNULL|b\\tc\n");
    CsvReaderConfig config = CsvReaderConfig.fromMap(Map.of("header", "k|v", "delimiter", "|", "skipHeader", "true",
        "commentMarker", "#", "nullStringValue", "NULL", "escapeCharacter", "\\"));
    try (CsvRecordReader reader = new CsvRecordReader(file, config)) {
      assertThat(reader.columns()).containsExactly("k", "v");
      List<Map<String, Object>> rows = readAll(reader);
      assertThat(rows).containsExactly(Map.of("k", "x", "v", "|pipe"), map("k", null, "v", "b\tc"));
    }
    CsvReaderConfig keepHeaderLine = CsvReaderConfig.fromMap(Map.of("header", "k|v", "delimiter", "|"));
    try (CsvRecordReader reader = new CsvRecordReader(file, keepHeaderLine)) {
      assertThat(readAll(reader).get(0)).isEqualTo(Map.of("k", "ignored", "v", "header"));
    }
  }

  @Test
  void emptyLinesCanBeKeptAndShortRecordsGetNulls() throws IOException {
    Path file = write("c.csv", "a,b,c\n1\n\n2,3,4,5\n");
    CsvReaderConfig config = CsvReaderConfig.fromMap(Map.of("ignoreEmptyLines", "false"));
    try (CsvRecordReader reader = new CsvRecordReader(file, config)) {
      List<Map<String, Object>> rows = readAll(reader);
      assertThat(rows).containsExactly(map("a", "1", "b", null, "c", null), map("a", null, "b", null, "c", null),
          map("a", "2", "b", "3", "c", "4"));
    }
  }

  @Test
  void multiValueSplittingCanBeDisabled() throws IOException {
    Path file = write("d.csv", "tags\na;b\n");
    try (CsvRecordReader reader = new CsvRecordReader(file, CsvReaderConfig.fromMap(Map.of("multiValueDelimiter",
        "")), Set.of("tags"))) {
      assertThat((Object[]) readAll(reader).get(0).get("tags")).containsExactly("a;b");
    }
  }

  @Test
  void malformedRecordThrowsAndReadingContinues() throws IOException {
    Path file = write("bad.csv", "a,b\n1,2\n\"x\"y,3\n4,5\n\"never closed,6\n");
    try (CsvRecordReader reader = new CsvRecordReader(file, CsvReaderConfig.defaults())) {
      GenericRow row = new GenericRow();
      reader.next(row);
      assertThatThrownBy(() -> reader.next(row)).isInstanceOf(RecordReadException.class)
          .hasMessageStartingWith("file bad.csv line 3: malformed CSV");
      reader.next(row);
      assertThat(row.getValue("a")).isEqualTo("4");
      assertThatThrownBy(() -> reader.next(row)).isInstanceOf(RecordReadException.class)
          .hasMessageContaining("line 5").hasMessageContaining("not closed");
      assertThat(reader.hasNext()).isFalse();
    }
  }

  @Test
  void rewindReadsAgainAndGzipAndBomAreHandled() throws IOException {
    Path file = dir.resolve("e.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write("\ufeffid,v\n1,a\n2,b\n".getBytes(StandardCharsets.UTF_8));
    }
    try (CsvRecordReader reader = new CsvRecordReader(file, CsvReaderConfig.defaults())) {
      assertThat(reader.columns()).containsExactly("id", "v");
      assertThat(readAll(reader)).hasSize(2);
      reader.rewind();
      assertThat(readAll(reader)).containsExactly(Map.of("id", "1", "v", "a"), Map.of("id", "2", "v", "b"));
    }
  }

  @Test
  void emptyFileHasNoColumnsAndNoRecords() throws IOException {
    try (CsvRecordReader reader = new CsvRecordReader(write("f.csv", ""), CsvReaderConfig.defaults())) {
      assertThat(reader.columns()).isEmpty();
      assertThat(reader.hasNext()).isFalse();
    }
  }

  @Test
  void tabSeparatedFormat() throws IOException {
    Path file = write("g.tsv", "a\tb\n 1 \t\"x\ty\"\n");
    try (CsvRecordReader reader = new CsvRecordReader(file, CsvReaderConfig.fromMap(Map.of("fileFormat", "tdf")))) {
      assertThat(readAll(reader)).containsExactly(Map.of("a", "1", "b", "x\ty"));
    }
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  private static List<Map<String, Object>> readAll(CsvRecordReader reader) throws IOException {
    List<Map<String, Object>> rows = new ArrayList<>();
    while (reader.hasNext()) {
      rows.add(new java.util.LinkedHashMap<>(reader.next(new GenericRow()).fields()));
    }
    return rows;
  }

  private static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new java.util.LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
