// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.mutable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.DataType;
import io.pinot.spi.data.FieldSpec;
import io.pinot.spi.data.FieldType;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// The building blocks: chunked arrays, the byte store, the sorter, segment names, value conversion.
class MutableSupportTest {
  @ParameterizedTest(name = "{0} values")
  @ValueSource(ints = {0, 1, 1023, 1024, 1025, 5000})
  void chunkedArraysKeepEveryValueAcrossChunks(int count) {
    IntChunks ints = new IntChunks(10);
    LongChunks longs = new LongChunks(10);
    FloatChunks floats = new FloatChunks(10);
    DoubleChunks doubles = new DoubleChunks(10);
    ObjectChunks objects = new ObjectChunks(10);
    for (int i = 0; i < count; i++) {
      ints.set(i, i * 3);
      longs.set(i, i * 3L << 32);
      floats.set(i, i / 3f);
      doubles.set(i, i / 3.0);
      objects.set(i, "o" + i);
    }
    int[] all = new int[count];
    for (int i = 0; i < count; i++) {
      all[i] = i;
      assertThat(ints.get(i)).isEqualTo(i * 3).isEqualTo(ints.writerGet(i));
      assertThat(objects.get(i)).isEqualTo("o" + i);
    }
    int[] outInts = new int[count];
    ints.read(all, count, outInts);
    assertThat(outInts).isEqualTo(Arrays.stream(all).map(i -> i * 3).toArray());
    long[] outLongs = new long[count];
    longs.read(all, count, outLongs);
    assertThat(outLongs).isEqualTo(Arrays.stream(all).mapToLong(i -> i * 3L << 32).toArray());
    int[] every7th = Arrays.stream(all).filter(i -> i % 7 == 0).toArray();
    float[] outFloats = new float[every7th.length];
    floats.read(every7th, every7th.length, outFloats);
    double[] outDoubles = new double[every7th.length];
    doubles.read(every7th, every7th.length, outDoubles);
    for (int i = 0; i < every7th.length; i++) {
      assertThat(outFloats[i]).isEqualTo(every7th[i] / 3f);
      assertThat(outDoubles[i]).isEqualTo(every7th[i] / 3.0);
    }
    assertThat(ints.allocatedBytes()).isEqualTo(4L * 1024 * ((count + 1023) / 1024));
    if (count > 1000) {
      int[] range = new int[1000];
      ints.readRange(20, 1000, range, 0);
      assertThat(range[999]).isEqualTo(1019 * 3);
    }
  }

  @Test
  void byteStoreEncodesUtf8AndKeepsLargeValuesWhole() {
    VarByteStore store = new VarByteStore(10, 16);
    String[] texts = {"", "a", "é", "€uro", "😀x", "0123456789abcdefXYZ", "ü".repeat(40), "z"};
    for (int i = 0; i < texts.length; i++) {
      store.addString(i, texts[i]);
    }
    store.addBytes(texts.length, new byte[] {(byte) 0xFF, 0});
    for (int i = 0; i < texts.length; i++) {
      assertThat(store.string(i)).isEqualTo(texts[i]);
      assertThat(store.bytes(i)).isEqualTo(texts[i].getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    assertThat(store.bytes(texts.length)).containsExactly(0xFF, 0);
    assertThat(store.compareBytes(texts.length, 1)).as("0xFF sorts after 'a' unsigned").isPositive();
    assertThat(store.compareBytes(0, 1)).isNegative();
    assertThat(store.memoryBytes()).isGreaterThanOrEqualTo(80);
  }

  @Test
  void sorterIsStableAndCorrect() {
    Random random = new Random(1);
    for (int size : new int[] {0, 1, 2, 15, 16, 17, 1000}) {
      int[] keys = random.ints(size, 0, 10).toArray();
      int[] ids = new int[size];
      for (int i = 0; i < size; i++) {
        ids[i] = i;
      }
      IntSorter.sort(ids, (a, b) -> Integer.compare(keys[a], keys[b]));
      for (int i = 1; i < size; i++) {
        assertThat(keys[ids[i - 1]]).isLessThanOrEqualTo(keys[ids[i]]);
        if (keys[ids[i - 1]] == keys[ids[i]]) {
          assertThat(ids[i - 1]).isLessThan(ids[i]);
        }
      }
      assertThat(Arrays.stream(ids).sorted().toArray()).isEqualTo(java.util.stream.IntStream.range(0, size)
          .toArray());
    }
  }

  @Test
  void llcSegmentNamesFollowPinot() {
    LlcSegmentName name = LlcSegmentName.of("events", 3, 12, 1_704_101_400_123L);
    assertThat(name).hasToString("events__3__12__20240101T0930Z");
    assertThat(LlcSegmentName.parse("events__3__12__20240101T0930Z")).isEqualTo(name);
    assertThat(name.creationTimeMillis()).isEqualTo(1_704_101_400_000L);
    assertThat(LlcSegmentName.isLlcSegmentName("events_0")).isFalse();
    assertThat(LlcSegmentName.isLlcSegmentName("events__1__2__3")).isFalse();
    assertThat(LlcSegmentName.parse("events__3__13__20240101T0000Z")).isGreaterThan(name).isLessThan(
        LlcSegmentName.parse("events__4__0__20230101T0000Z"));
    assertThatThrownBy(() -> LlcSegmentName.of("a__b", 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LlcSegmentName.of("a", -1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void configDefaultsAndValidation() {
    TableConfig table = MutableTestData.table(false);
    long before = System.currentTimeMillis();
    MutableSegmentConfig defaults = MutableSegmentConfig.builder().tableConfig(table).schema(MutableTestData.SCHEMA)
        .segmentName("s").build();
    assertThat(defaults.capacity()).isEqualTo(MutableSegmentConfig.DEFAULT_CAPACITY).isEqualTo(5_000_000);
    assertThat(defaults.maxMemoryBytes()).isZero();
    assertThat(defaults.creationTime()).isBetween(before, System.currentTimeMillis());
    assertThat(defaults.chunkShift()).isEqualTo(16);
    MutableSegmentConfig full = MutableSegmentConfig.builder().tableConfig(table).schema(MutableTestData.SCHEMA)
        .segmentName("t").capacity(3000).maxMemoryBytes(1 << 20).creationTime(42L).build();
    assertThat(full).isEqualTo(new MutableSegmentConfig(table, MutableTestData.SCHEMA, "t", 3000, 1 << 20, 42L));
    assertThat(full.chunkShift()).isEqualTo(12);
    assertThat(MutableSegmentConfig.builder().tableConfig(table).schema(MutableTestData.SCHEMA).segmentName("u")
        .capacity(1).build().chunkShift()).isEqualTo(10);
    assertThatThrownBy(() -> MutableSegmentConfig.builder().tableConfig(table).schema(MutableTestData.SCHEMA)
        .segmentName("v").capacity(0).build()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MutableSegmentConfig.builder().tableConfig(table).schema(MutableTestData.SCHEMA)
        .segmentName("v").maxMemoryBytes(-1).build()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MutableSegmentConfig.builder().schema(MutableTestData.SCHEMA).segmentName("v").build())
        .isInstanceOf(NullPointerException.class).hasMessageContaining("tableConfig");
  }

  @Test
  void storedValuesFollowTheIngestionRules() {
    FieldSpec ints = FieldSpec.of("i", DataType.INT, FieldType.DIMENSION);
    assertThat(StoredValues.toStored(ints, null)).isEqualTo(Integer.MIN_VALUE);
    assertThat(StoredValues.toStored(ints, "12")).isEqualTo(12);
    assertThat(StoredValues.toStored(ints, "12.0")).isEqualTo(12);
    assertThat(StoredValues.toStored(ints, List.of(5))).isEqualTo(5);
    assertThat(StoredValues.toStored(ints, new Object[0])).isEqualTo(Integer.MIN_VALUE);
    assertThatThrownBy(() -> StoredValues.toStored(ints, List.of(1, 2))).isInstanceOf(IllegalArgumentException.class);
    FieldSpec metric = FieldSpec.of("m", DataType.DOUBLE, FieldType.METRIC);
    assertThat(StoredValues.toStored(metric, null)).isEqualTo(0.0);
    assertThat(StoredValues.toStored(metric, -0.0)).isEqualTo(0.0);
    FieldSpec json = FieldSpec.of("j", DataType.JSON, FieldType.DIMENSION);
    assertThat(StoredValues.toStored(json, Map.of("a", 1))).isEqualTo("{\"a\":1}");
    String longJson = "[\"" + "x".repeat(600) + "\"]";
    assertThat(StoredValues.toStored(json, longJson)).as("JSON is not truncated by default").isEqualTo(longJson);
    FieldSpec text = FieldSpec.of("s", DataType.STRING, FieldType.DIMENSION);
    assertThat((String) StoredValues.toStored(text, "y".repeat(600))).hasSize(512);
    assertThat(StoredValues.toStored(json, List.of(1, 2))).isEqualTo("[1,2]");
    FieldSpec decimal = FieldSpec.of("d", DataType.BIG_DECIMAL, FieldType.METRIC);
    assertThat(StoredValues.toStored(decimal, 2.5)).isEqualTo(new BigDecimal("2.5"));
    FieldSpec tags = new FieldSpec("t", DataType.STRING, false, "none", 2, null, null, null, FieldType.DIMENSION);
    assertThat(StoredValues.toStoredMulti(tags, null)).as("defaults are truncated too").containsExactly("no");
    assertThat(StoredValues.toStoredMulti(tags, List.of())).containsExactly("no");
    assertThat(StoredValues.toStoredMulti(tags, new Object[] {"abc", null, 7})).containsExactly("ab", "no", "7");
    assertThat(StoredValues.toStoredMulti(tags, "x")).containsExactly("x");
  }
}
