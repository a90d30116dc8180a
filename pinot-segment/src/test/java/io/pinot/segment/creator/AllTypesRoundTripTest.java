// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.creator;

import static io.pinot.segment.testing.SegmentValues.column;
import static io.pinot.segment.testing.SegmentValues.comparable;
import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.segment.index.forward.ChunkCodec;
import io.pinot.segment.loader.ImmutableSegment;
import io.pinot.segment.loader.SegmentLoader;
import io.pinot.segment.readers.InMemoryRecordReader;
import io.pinot.segment.spi.ColumnMetadata;
import io.pinot.segment.spi.NullValueVectorReader;
import io.pinot.spi.config.table.FieldConfig;
import io.pinot.spi.config.table.IndexingConfig;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.config.table.TableType;
import io.pinot.spi.data.DataType;
import io.pinot.spi.data.FieldSpec;
import io.pinot.spi.data.FieldType;
import io.pinot.spi.data.Schema;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// Every column type, single- and multi-valued, dictionary-encoded and raw with every chunk codec, through segment
/// creation and loading: each value read back must equal the value written (after Pinot's conversions: nulls to
/// default values, `-0.0` to `0.0`, STRING and BYTES truncated to `maxLength`, JSON not truncated), min/max
/// metadata must match, and the null value vector must hold exactly the null rows.
class AllTypesRoundTripTest {
  private static final List<DataType> TYPES = List.of(DataType.INT, DataType.LONG, DataType.FLOAT, DataType.DOUBLE,
      DataType.BIG_DECIMAL, DataType.BOOLEAN, DataType.TIMESTAMP, DataType.STRING, DataType.JSON, DataType.BYTES);

  @TempDir
  Path dir;

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 1500, 20_000})
  void everyTypeEncodingAndCodecRoundTrips(int numRows) throws IOException {
    List<FieldSpec> dimensions = new ArrayList<>();
    List<FieldConfig> fieldConfigs = new ArrayList<>();
    for (DataType type : TYPES) {
      String t = type.name().toLowerCase(java.util.Locale.ROOT);
      dimensions.add(FieldSpec.of("d_" + t, type, FieldType.DIMENSION));
      if (type != DataType.BIG_DECIMAL) {
        dimensions.add(FieldSpec.multiValue("m_" + t, type));
      }
      for (ChunkCodec codec : ChunkCodec.values()) {
        String raw = "s_" + t + "_" + codec.name().toLowerCase(java.util.Locale.ROOT);
        dimensions.add(FieldSpec.of(raw, type, FieldType.DIMENSION));
        fieldConfigs.add(FieldConfig.of(raw, FieldConfig.EncodingType.RAW, FieldConfig.CompressionCodec.valueOf(
            codec.name())));
        if (type != DataType.BIG_DECIMAL) {
          String rawMv = "mr_" + t + "_" + codec.name().toLowerCase(java.util.Locale.ROOT);
          dimensions.add(FieldSpec.multiValue(rawMv, type));
          fieldConfigs.add(FieldConfig.of(rawMv, FieldConfig.EncodingType.RAW,
              FieldConfig.CompressionCodec.valueOf(codec.name())));
        }
      }
    }
    Schema schema = new Schema("types", true, dimensions, List.of(), List.of(), null, null);
    TableConfig table = TableConfig.of("types", TableType.OFFLINE, null, IndexingConfig.empty())
        .withFieldConfigs(fieldConfigs);
    Random random = new Random(numRows * 31L + 7);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < numRows; i++) {
      Map<String, Object> row = new HashMap<>();
      for (FieldSpec spec : dimensions) {
        row.put(spec.name(), spec.singleValue() ? TypeValues.value(random, spec.dataType())
            : TypeValues.multiValue(random, spec.dataType()));
      }
      rows.add(row);
    }
    SegmentGeneratorConfig config = SegmentGeneratorConfig.builder().tableConfig(table).schema(schema).outputDir(dir)
        .sequenceId(0).build();
    Path segmentDir = SegmentCreator.create(config, new InMemoryRecordReader(rows)).segmentDir();
    try (ImmutableSegment segment = SegmentLoader.load(segmentDir)) {
      assertThat(segment.numDocs()).isEqualTo(numRows);
      for (FieldSpec spec : dimensions) {
        assertColumn(segment, spec, rows);
      }
    }
  }

  private static void assertColumn(ImmutableSegment segment, FieldSpec spec, List<Map<String, Object>> rows) {
    String name = spec.name();
    List<Object> expected = new ArrayList<>();
    List<Integer> nullDocs = new ArrayList<>();
    List<Object> all = new ArrayList<>();
    for (int doc = 0; doc < rows.size(); doc++) {
      Object input = rows.get(doc).get(name);
      if (spec.singleValue()) {
        Object value = input == null ? spec.defaultValue() : TypeValues.stored(input, spec);
        expected.add(normalize(comparable(value)));
        all.add(value);
        if (input == null) {
          nullDocs.add(doc);
        }
      } else {
        Object[] array = (Object[]) input;
        List<Object> row = new ArrayList<>();
        if (array == null || array.length == 0) {
          nullDocs.add(doc);
          row.add(normalize(comparable(spec.defaultValue())));
          all.add(spec.defaultValue());
        } else {
          for (Object element : array) {
            Object value = element == null ? spec.defaultValue() : TypeValues.stored(element, spec);
            row.add(normalize(comparable(value)));
            all.add(value);
          }
        }
        expected.add(row);
      }
    }
    List<Object> actual = new ArrayList<>();
    for (Object value : column(segment, name)) {
      actual.add(value instanceof List<?> list ? list.stream().map(AllTypesRoundTripTest::normalize).toList()
          : normalize(value));
    }
    assertThat(actual).as(name).isEqualTo(expected);
    ColumnMetadata metadata = segment.dataSource(name).metadata();
    if (rows.isEmpty()) {
      assertThat(metadata.minValue()).as(name + " min").isNull();
    } else {
      assertThat(normalize(comparable(metadata.minValue()))).as(name + " min")
          .isEqualTo(normalize(comparable(TypeValues.min(all, spec.dataType()))));
      assertThat(normalize(comparable(metadata.maxValue()))).as(name + " max")
          .isEqualTo(normalize(comparable(TypeValues.max(all, spec.dataType()))));
    }
    NullValueVectorReader nulls = segment.dataSource(name).nullValueVector();
    assertThat(nulls).as(name + " null vector").isNotNull();
    assertThat(Arrays.stream(nulls.nullBitmap().toArray()).boxed().toList()).as(name + " nulls")
        .isEqualTo(nullDocs);
  }

  private static Object normalize(Object value) {
    return value instanceof BigDecimal decimal ? decimal.stripTrailingZeros() : value;
  }
}
