// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pinot.segment.index.dictionary.Dictionaries;
import io.pinot.segment.spi.ColumnPartitionMetadata;
import io.pinot.spi.config.table.ColumnPartitionConfig;
import io.pinot.spi.data.DataType;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/// Expected values were computed with an independent implementation of Kafka's murmur2 and of Java's hash codes.
class PartitionFunctionTest {
  @ParameterizedTest
  @CsvSource(value = {"'', 275646681", "a, -1563381124", "ab, 316155434", "abc, 479470107", "abcd, -1323649548",
      "member_42, 991544084", "1000603099, 1085368802"})
  void murmur2MatchesKafka(String value, int expected) {
    assertThat(PartitionFunction.murmur2(value.getBytes(StandardCharsets.UTF_8))).isEqualTo(expected);
  }

  @Test
  void murmurPartitionsLikeKafkasDefaultPartitioner() {
    PartitionFunction murmur = PartitionFunction.of(ColumnPartitionConfig.of("Murmur", 8));
    assertThat(murmur.name()).isEqualTo("Murmur");
    assertThat(murmur.partition("a")).isEqualTo(4);
    assertThat(murmur.partition("member_42")).isEqualTo(4);
    assertThat(murmur.partition("1000603099")).isEqualTo(2);
    assertThat(murmur.partition("\u4e2d\u56fd")).isEqualTo(5);
    assertThat(PartitionFunction.of(ColumnPartitionConfig.of("murmur", 13)).partition("")).isEqualTo(11);
  }

  @Test
  void moduloIsNonNegativeAndNeedsIntegers() {
    PartitionFunction modulo = PartitionFunction.of(ColumnPartitionConfig.of("Modulo", 4));
    assertThat(modulo.partition("10")).isEqualTo(2);
    assertThat(modulo.partition("-1")).isEqualTo(3);
    assertThat(modulo.partition("9223372036854775807")).isEqualTo(3);
    assertThatThrownBy(() -> modulo.partition("1.5")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void hashCodeAndByteArrayUseKafkasAbs() {
    PartitionFunction hashCode = PartitionFunction.of(ColumnPartitionConfig.of("HashCode", 10));
    assertThat(hashCode.partition("member_42")).isEqualTo(1342218819 % 10);
    // "polygenelubricants".hashCode() is Integer.MIN_VALUE, whose Kafka abs is 0.
    assertThat(hashCode.partition("polygenelubricants")).isZero();
    PartitionFunction byteArray = PartitionFunction.of(ColumnPartitionConfig.of("ByteArray", 7));
    assertThat(byteArray.partition("member_42")).isEqualTo(1145705314 % 7);
    assertThat(byteArray.partition("\u4e2d\u56fd")).isEqualTo(16892143 % 7);
  }

  @Test
  void unknownFunctionsAndBadCountsAreRejected() {
    assertThatThrownBy(() -> PartitionFunction.of(ColumnPartitionConfig.of("Range", 4)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Range");
    assertThatThrownBy(() -> ColumnPartitionConfig.of("Murmur", 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void segmentPartitionsCoverTheDistinctValues() {
    ColumnPartitionMetadata partitions = SegmentPartitions.compute("c", new ColumnPartitionConfig("Modulo", 4,
        Map.of("k", "v"), Map.of()), Dictionaries.open(Dictionaries.buildInts(new int[] {-3, 1, 5, 9}, 4)));
    assertThat(partitions.functionName()).isEqualTo("Modulo");
    assertThat(partitions.numPartitions()).isEqualTo(4);
    assertThat(partitions.partitions()).containsExactly(1);
    assertThat(partitions.functionConfig()).containsEntry("k", "v");
    assertThat(SegmentPartitions.compute("c", ColumnPartitionConfig.of("Modulo", 4),
        Dictionaries.open(Dictionaries.buildDoubles(new double[] {1.5}, 1)))).isNull();
    assertThat(SegmentPartitions.compute("c", ColumnPartitionConfig.of("Murmur", 2),
        Dictionaries.open(Dictionaries.buildVariable(DataType.STRING, new byte[0][], 0))).partitions()).isEmpty();
  }
}
