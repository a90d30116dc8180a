// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class IndexMapTest {
  @Test
  void writesPinotStyleLinesInFileOrderAndReadsThemBack() {
    IndexMap map = new IndexMap(List.of(
        new IndexMap.Entry("b", IndexType.FORWARD_INDEX, 64, 10),
        new IndexMap.Entry("a.b c", IndexType.DICTIONARY, 16, 48),
        new IndexMap.Entry("b", IndexType.INVERTED_INDEX, 80, 0)));
    String text = map.write();
    assertThat(text).startsWith("a.b\\ c.dictionary.startOffset = 16\na.b\\ c.dictionary.size = 48\n"
        + "b.forward_index.startOffset = 64\n");
    IndexMap read = IndexMap.read(text, 100);
    assertThat(read.find("a.b c", IndexType.DICTIONARY)).isEqualTo(new IndexMap.Entry("a.b c", IndexType.DICTIONARY,
        16, 48));
    assertThat(read.find("b", IndexType.INVERTED_INDEX).size()).isZero();
    assertThat(read.find("b", IndexType.SORTED_INDEX)).isNull();
    assertThat(read.entries()).hasSize(3);
  }

  @Test
  void rejectsEntriesPastTheDataFileAndIncompleteOnes() {
    String text = new IndexMap(List.of(new IndexMap.Entry("a", IndexType.DICTIONARY, 16, 48))).write();
    assertThatThrownBy(() -> IndexMap.read(text, 63)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("runs past");
    assertThatThrownBy(() -> IndexMap.read("a.dictionary.size = 4\n", 100)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Incomplete");
    assertThatThrownBy(() -> IndexMap.read("a.bloom.startOffset = 0\na.bloom.size = 0\n", 100))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
