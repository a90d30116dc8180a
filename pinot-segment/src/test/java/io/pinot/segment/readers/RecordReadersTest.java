// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.readers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pinot.spi.data.DataType;
import io.pinot.spi.data.FieldSpec;
import io.pinot.spi.data.FieldType;
import io.pinot.spi.data.Schema;
import io.pinot.spi.data.readers.GenericRow;
import io.pinot.spi.data.readers.RecordReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordReadersTest {
  private static final Schema SCHEMA = Schema.of("t", List.of(FieldSpec.of("a", DataType.STRING,
      FieldType.DIMENSION), FieldSpec.multiValue("tags", DataType.STRING)), List.of(), List.of());

  @TempDir
  Path dir;

  @Test
  void createsReadersByFormatOrPinotClassName() throws IOException {
    Path csv = Files.writeString(dir.resolve("a.csv"), "a|tags\nx|p,q\n");
    Map<String, String> configs = Map.of("delimiter", "|", "multiValueDelimiter", ",");
    for (String format : List.of("csv", "CSV", "org.apache.pinot.plugin.inputformat.csv.CSVRecordReader")) {
      try (RecordReader reader = RecordReaders.create(format, csv, configs, SCHEMA)) {
        GenericRow row = reader.next(new GenericRow());
        assertThat(row.getValue("a")).isEqualTo("x");
        assertThat((Object[]) row.getValue("tags")).containsExactly("p", "q");
      }
    }
    Path json = Files.writeString(dir.resolve("a.json"), "{\"a\": \"y\"}\n");
    try (RecordReader reader = RecordReaders.create("org.apache.pinot.plugin.inputformat.json.JSONRecordReader",
        json, null, SCHEMA)) {
      assertThat(reader.next(new GenericRow()).getValue("a")).isEqualTo("y");
    }
    assertThat(RecordReaders.multiValueColumns(SCHEMA)).containsExactly("tags");
  }

  @Test
  void pinotReaderClassNamesMapToFormats() {
    assertThat(RecordReaders.format("org.apache.pinot.plugin.inputformat.avro.AvroRecordReader"))
        .isEqualTo(RecordReaders.Format.AVRO);
    assertThat(RecordReaders.format("PARQUET")).isEqualTo(RecordReaders.Format.PARQUET);
    assertThat(RecordReaders.format("org.apache.pinot.plugin.inputformat.parquet.ParquetAvroRecordReader"))
        .isEqualTo(RecordReaders.Format.PARQUET_AVRO);
    assertThat(RecordReaders.format("org.apache.pinot.plugin.inputformat.parquet.ParquetNativeRecordReader"))
        .isEqualTo(RecordReaders.Format.PARQUET_NATIVE);
  }

  @Test
  void unsupportedFormatsAreNamed() {
    assertThatThrownBy(() -> RecordReaders.format("org.apache.pinot.plugin.inputformat.orc.ORCRecordReader"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ORCRecordReader")
        .hasMessageContaining("Parquet");
    assertThatThrownBy(() -> RecordReaders.format("xml")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'xml'").hasMessageContaining("csv, json, avro or parquet");
  }

  @Test
  void avroWithoutTheInputFormatsModuleNamesTheModule() {
    // pinot-segment's own tests do not have pinot-input-formats on the class path.
    assertThatThrownBy(() -> RecordReaders.create("avro", dir.resolve("x.avro"), null, SCHEMA))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pinot-input-formats");
  }

  @Test
  void inMemoryReaderAcceptsRowsAndMapsAndRewinds() {
    GenericRow first = new GenericRow();
    first.putValue("a", 1);
    InMemoryRecordReader reader = new InMemoryRecordReader(List.of(first, Map.of("a", 2)));
    GenericRow row = new GenericRow();
    assertThat(reader.next(row).getValue("a")).isEqualTo(1);
    assertThat(reader.position()).isEqualTo("record 1");
    assertThat(reader.next(row).getValue("a")).isEqualTo(2);
    assertThat(reader.hasNext()).isFalse();
    reader.rewind();
    assertThat(reader.hasNext()).isTrue();
    assertThatThrownBy(() -> new InMemoryRecordReader(List.of("text"))).isInstanceOf(IllegalArgumentException.class);
  }
}
