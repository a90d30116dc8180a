// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/// The hash of a string's UTF-8 bytes is the same from an array, from memory at any offset, and from the decoded
/// bytes of lower-case hex text, for every length around the 8-byte word size; distinct strings get distinct hashes.
class Utf8HashTest {
  @Test
  void arrayMemoryAndStringAgree() {
    Random random = new Random(5);
    for (int length = 0; length <= 40; length++) {
      byte[] bytes = new byte[length];
      random.nextBytes(bytes);
      byte[] padded = new byte[length + 3];
      System.arraycopy(bytes, 0, padded, 3, length);
      long expected = Utf8Hash.hash(bytes, 0, length);
      assertThat(Utf8Hash.hash(padded, 3, length)).isEqualTo(expected);
      assertThat(Utf8Hash.hash(MemorySegment.ofArray(padded), 3, length)).isEqualTo(expected);
    }
    String text = "caf\u00e9 \u4e2d\u6587 and more text";
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    assertThat(Utf8Hash.hash(text)).isEqualTo(Utf8Hash.hash(utf8, 0, utf8.length));
  }

  @Test
  void hexBytesHashAsTheirText() {
    Random random = new Random(9);
    for (int numBytes = 0; numBytes <= 20; numBytes++) {
      byte[] raw = new byte[numBytes];
      random.nextBytes(raw);
      byte[] padded = new byte[numBytes + 5];
      System.arraycopy(raw, 0, padded, 5, numBytes);
      String text = HexFormat.of().formatHex(raw);
      assertThat(Utf8Hash.hashHex(MemorySegment.ofArray(padded), 5, numBytes)).as("%d bytes", numBytes)
          .isEqualTo(Utf8Hash.hash(text));
    }
  }

  @Test
  void distinctStringsGetDistinctHashes() {
    Set<Long> hashes = new HashSet<>();
    for (int i = 0; i < 200_000; i++) {
      hashes.add(Utf8Hash.hash(Integer.toString(i)));
      hashes.add(Utf8Hash.hash("k" + i));
    }
    hashes.add(Utf8Hash.hash(""));
    hashes.add(Utf8Hash.hash("\u0000"));
    assertThat(hashes).hasSize(400_002);
  }
}
