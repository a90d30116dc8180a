// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.sorted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pinot.segment.format.IndexType;
import io.pinot.segment.index.forward.ForwardIndexes;
import io.pinot.segment.spi.ForwardIndexReader;
import io.pinot.segment.testing.IndexFiles;
import io.pinot.spi.data.DataType;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackedSortedIndexTest {
  @TempDir
  Path dir;

  @Test
  void rangesOfRunsAndTheDerivedForwardIndex() throws IOException {
    int[] dictIds = {0, 0, 0, 1, 2, 2, 3, 3, 3, 3};
    IndexFiles.Written written = write(dictIds, 4);
    PackedSortedIndexReader sorted = new PackedSortedIndexReader(written.view("c", IndexType.SORTED_INDEX));
    assertThat(sorted.identity()).isFalse();
    assertThat(sorted.cardinality()).isEqualTo(4);
    int[][] expected = {{0, 3}, {3, 4}, {4, 6}, {6, 10}};
    for (int dictId = 0; dictId < 4; dictId++) {
      assertThat(sorted.docIdStart(dictId)).isEqualTo(expected[dictId][0]);
      assertThat(sorted.docIdEnd(dictId)).isEqualTo(expected[dictId][1]);
    }
    for (int doc = 0; doc < dictIds.length; doc++) {
      assertThat(sorted.dictIdOf(doc)).isEqualTo(dictIds[doc]);
    }
    ForwardIndexReader forward = ForwardIndexes.open(written.view("c", IndexType.FORWARD_INDEX), DataType.INT,
        sorted);
    int[] out = new int[10];
    forward.readDictIds(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, 10, out);
    assertThat(out).containsExactly(dictIds);
    forward.readDictIds(new int[] {3, 4, 5}, 3, out);
    assertThat(out).startsWith(1, 2, 2);
    forward.readDictIds(new int[] {1, 5, 9}, 3, out);
    assertThat(out).startsWith(0, 2, 3);
    forward.readDictIds(new int[] {2, 3, 6, 7}, 4, out);
    assertThat(out).startsWith(0, 1, 3, 3);
  }

  @Test
  void allDistinctValuesUseTheIdentityEncoding() throws IOException {
    int[] dictIds = {0, 1, 2, 3, 4};
    IndexFiles.Written written = write(dictIds, 5);
    assertThat(written.view("c", IndexType.SORTED_INDEX).size()).isEqualTo(16);
    PackedSortedIndexReader sorted = new PackedSortedIndexReader(written.view("c", IndexType.SORTED_INDEX));
    assertThat(sorted.identity()).isTrue();
    assertThat(sorted.docIdStart(3)).isEqualTo(3);
    assertThat(sorted.docIdEnd(3)).isEqualTo(4);
    assertThatThrownBy(() -> sorted.docIdStart(5)).isInstanceOf(IndexOutOfBoundsException.class);
    ForwardIndexReader forward = ForwardIndexes.open(written.view("c", IndexType.FORWARD_INDEX), DataType.LONG,
        sorted);
    int[] out = new int[2];
    forward.readDictIds(new int[] {1, 4}, 2, out);
    assertThat(out).containsExactly(1, 4);
  }

  @Test
  void singleValueAndEmptyColumns() throws IOException {
    PackedSortedIndexReader single = new PackedSortedIndexReader(write(new int[] {0, 0, 0}, 1)
        .view("c", IndexType.SORTED_INDEX));
    assertThat(single.docIdStart(0)).isZero();
    assertThat(single.docIdEnd(0)).isEqualTo(3);
    PackedSortedIndexReader empty = new PackedSortedIndexReader(write(new int[0], 0)
        .view("c", IndexType.SORTED_INDEX));
    assertThat(empty.cardinality()).isZero();
  }

  @Test
  void rejectsDictionaryIdsWithoutDocuments() {
    assertThatThrownBy(() -> write(new int[] {0, 2}, 3)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("dictId 1");
  }

  private IndexFiles.Written write(int[] dictIds, int cardinality) throws IOException {
    return IndexFiles.write(dir, out -> {
      ForwardIndexes.writeSorted(out, "c", dictIds.length, cardinality);
      PackedSortedIndexReader.write(out, "c", dictIds, dictIds.length, cardinality);
    });
  }
}
