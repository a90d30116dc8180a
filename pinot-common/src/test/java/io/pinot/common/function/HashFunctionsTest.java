// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.function;

import static io.pinot.common.function.Functions.call;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/// Hash functions against published test vectors and Guava (which Pinot uses) as an independent oracle.
class HashFunctionsTest {
  private static final byte[] ABC = "abc".getBytes(StandardCharsets.UTF_8);

  @Test
  void digestsAreLowerCaseHex() {
    assertThat(call("md5", new byte[0])).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
    assertThat(call("md5", ABC)).isEqualTo("900150983cd24fb0d6963f7d28e17f72");
    assertThat(call("sha", ABC)).isEqualTo("a9993e364706816aba3e25717850c26c9cd0d89d");
    assertThat(call("sha256", ABC)).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat((String) call("sha512", ABC)).startsWith("ddaf35a193617aba");
    assertThat(call("sha224", ABC)).isEqualTo("e642824c3f8cf24ad09234ee7d3c766fc9a3a5168d0c94ad73b46fdf");
    assertThat(call("md2", ABC)).isEqualTo("da853b0d3f88d99b30283a69e6ded6bb");
    assertThat(call("md5", "616263")).isEqualTo(call("md5", ABC));
  }

  @Test
  void murmurHashesMatchKafkaAndGuava() {
    // Kafka's partitioner test vectors for murmur2.
    assertThat(call("murmurHash2UTF8", "21")).isEqualTo(-973932308);
    assertThat(call("murmurHash2UTF8", "foobar")).isEqualTo(-790332482);
    assertThat(call("murmurHash2UTF8", "a-little-bit-long-string")).isEqualTo(-985981536);
    assertThat(call("murmurHash2UTF8", "a-little-bit-longer-string")).isEqualTo(-1486304829);
    assertThat(call("murmurHash2UTF8", "lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8")).isEqualTo(-58897971);
    assertThat(call("murmurHash2", "abc".getBytes(StandardCharsets.UTF_8))).isEqualTo(479470107);
    Random random = new Random(7);
    for (int length = 0; length < 40; length++) {
      byte[] data = new byte[length];
      random.nextBytes(data);
      int seed = random.nextInt();
      assertThat(call("murmurHash3Bit32", data, seed))
          .isEqualTo(Hashing.murmur3_32_fixed(seed).hashBytes(data).asInt());
      assertThat(call("murmurHash3Bit64", data, seed)).isEqualTo(Hashing.murmur3_128(seed).hashBytes(data).asLong());
      assertThat((byte[]) call("murmurHash3Bit128", data, seed))
          .isEqualTo(Hashing.murmur3_128(seed).hashBytes(data).asBytes());
    }
    assertThat(call("murmurHash2Bit64", ABC)).isEqualTo(call("murmurHash2Bit64", ABC, 0xe17a1465));
    assertThat(call("murmurHash2Bit64", new byte[0], 0)).isEqualTo(0L);
  }

  @Test
  void fnvAndChecksums() {
    assertThat(call("fnv1Hash32", new byte[0])).isEqualTo(0x811c9dc5);
    assertThat(call("fnv1aHash32UTF8", "a")).isEqualTo(0xe40c292c);
    assertThat(call("fnv1Hash32UTF8", "a")).isEqualTo(0x050c5d7e);
    assertThat(call("fnv1aHash32", ABC)).isEqualTo(call("fnv1aHash32UTF8", "abc"));
    assertThat(call("fnv1aHash64UTF8", "a")).isEqualTo(0xaf63dc4c8601ec8cL);
    assertThat(call("fnv1Hash64UTF8", "a")).isEqualTo(0xaf63bd4c8601b7beL);
    assertThat(call("fnv1Hash64", new byte[0])).isEqualTo(0xcbf29ce484222325L);
    assertThat(call("fnv1aHash64", ABC)).isEqualTo(call("fnv1aHash64UTF8", "abc"));
    assertThat(call("crc32", ABC)).isEqualTo(Hashing.crc32().hashBytes(ABC).asInt());
    assertThat(call("crc32c", ABC)).isEqualTo(Hashing.crc32c().hashBytes(ABC).asInt());
    assertThat(call("adler32", ABC)).isEqualTo(Hashing.adler32().hashBytes(ABC).asInt());
  }
}
