// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pinot.spi.config.table.FieldConfig;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.Inflater;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ChunkCodecTest {
  @ParameterizedTest
  @EnumSource(ChunkCodec.class)
  void roundTripsEmptyTinyRandomAndRepetitiveData(ChunkCodec codec) {
    Random random = new Random(codec.ordinal());
    byte[] noise = new byte[100_000];
    random.nextBytes(noise);
    byte[] text = "https://shop.example.com/c24/p8515 ".repeat(3000).getBytes(StandardCharsets.US_ASCII);
    for (byte[] data : new byte[][] {{}, {42}, noise, text}) {
      byte[] compressed = codec.compress(data, 0, data.length);
      byte[] restored = new byte[data.length];
      codec.decompress(compressed, 0, compressed.length, restored, data.length, new Inflater(true));
      assertThat(restored).isEqualTo(data);
      codec.decompress(compressed, 0, compressed.length, restored, data.length, null);
      assertThat(restored).isEqualTo(data);
    }
    byte[] compressed = codec.compress(text, 0, text.length);
    if (codec != ChunkCodec.PASS_THROUGH) {
      assertThat(compressed.length).as("compressed size").isLessThan(text.length / 10);
    }
    assertThat(ChunkCodec.fromCode(codec.code())).isEqualTo(codec);
  }

  @ParameterizedTest
  @EnumSource(value = ChunkCodec.class, names = "PASS_THROUGH", mode = EnumSource.Mode.EXCLUDE)
  void corruptOrTruncatedChunksAreErrors(ChunkCodec codec) {
    byte[] data = "abcdefgh".repeat(1000).getBytes(StandardCharsets.US_ASCII);
    byte[] compressed = codec.compress(data, 0, data.length);
    byte[] truncated = Arrays.copyOf(compressed, compressed.length / 2);
    assertThatThrownBy(() -> codec.decompress(truncated, 0, truncated.length, new byte[data.length], data.length,
        null)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> codec.decompress(compressed, 0, compressed.length, new byte[data.length + 1],
        data.length + 1, null)).isInstanceOf(IllegalStateException.class);
  }

  @ParameterizedTest
  @EnumSource(FieldConfig.CompressionCodec.class)
  void mapsPinotCodecNames(FieldConfig.CompressionCodec pinot) {
    ChunkCodec codec = ChunkCodec.of(pinot);
    switch (pinot) {
      case PASS_THROUGH, SNAPPY, LZ4, ZSTANDARD, GZIP -> assertThat(codec.name()).isEqualTo(pinot.name());
      default -> assertThat(codec).isNull();
    }
  }

  @org.junit.jupiter.api.Test
  void unknownCodesAreErrors() {
    assertThatThrownBy(() -> ChunkCodec.fromCode(9)).isInstanceOf(IllegalStateException.class);
  }
}
