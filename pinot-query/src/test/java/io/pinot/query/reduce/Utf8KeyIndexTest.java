// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.reduce;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8KeyIndexTest {

  /// Keys looked up from off-heap memory and as Strings agree with a HashMap, through many rehashes, for empty,
  /// short, exactly-8-byte, long and non-ASCII keys.
  @Test
  void bytesAndStringsFindTheSameGroups() {
    Utf8KeyIndex index = new Utf8KeyIndex();
    Map<String, Integer> expected = new HashMap<>();
    Random random = new Random(5);
    String[] shapes = {"", "a", "12345678", "/c01/item-%d", "ünïcødé-%d-€", "%d"};
    try (Arena arena = Arena.ofConfined()) {
      for (int i = 0; i < 20_000; i++) {
        String key = String.format(shapes[random.nextInt(shapes.length)], random.nextInt(5000));
        byte[] utf8 = key.getBytes(StandardCharsets.UTF_8);
        MemorySegment memory = arena.allocate(utf8.length + 3);
        MemorySegment.copy(utf8, 0, memory, ValueLayout.JAVA_BYTE, 3, utf8.length);
        int group = index.findOrAdd(memory, 3, utf8.length, true);
        Integer known = expected.putIfAbsent(key, group);
        assertThat(group).as(key).isEqualTo(known == null ? expected.size() - 1 : known);
      }
    }
    assertThat(index.size()).isEqualTo(expected.size());
    for (Map.Entry<String, Integer> entry : expected.entrySet()) {
      assertThat(index.find(new Object[]{entry.getKey()})).isEqualTo(entry.getValue());
      assertThat(index.key(entry.getValue())).containsExactly(entry.getKey());
    }
    assertThat(index.find(new Object[]{"absent"})).isEqualTo(-1);
  }

  @Test
  void stringKeysAddedDirectlyAreFoundByBytes() {
    Utf8KeyIndex index = new Utf8KeyIndex();
    int group = index.add(new Object[]{"größe"});
    byte[] utf8 = "größe".getBytes(StandardCharsets.UTF_8);
    assertThat(index.findOrAdd(MemorySegment.ofArray(utf8), 0, utf8.length, false)).isEqualTo(group);
    assertThat(index.findOrAdd(MemorySegment.ofArray(utf8), 0, utf8.length - 1, false)).isEqualTo(-1);
    assertThat(index.utf8(group)).isEqualTo(utf8);
  }
}
