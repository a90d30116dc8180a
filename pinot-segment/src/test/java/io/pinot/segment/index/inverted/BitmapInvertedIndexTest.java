// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.inverted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pinot.segment.format.IndexType;
import io.pinot.segment.testing.IndexFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

class BitmapInvertedIndexTest {
  @TempDir
  Path dir;

  @Test
  void singleValueBitmapsHoldExactlyTheDocsOfEachId() throws IOException {
    Random random = new Random(9);
    int numDocs = 200_000;
    int cardinality = 5;
    int[] dictIds = new int[numDocs];
    for (int i = 0; i < numDocs; i++) {
      // Id 0 is dense (bitmap containers), id 4 rare (array containers), id 2 in one run (run containers).
      dictIds[i] = i >= 1000 && i < 90_000 ? 2 : random.nextInt(100) < 97 ? 0 : random.nextBoolean() ? 1 : 4;
    }
    dictIds[7] = 3;
    BitmapInvertedIndexReader reader = write(dictIds, numDocs, cardinality, null);
    assertThat(reader.cardinality()).isEqualTo(cardinality);
    long total = 0;
    for (int dictId = 0; dictId < cardinality; dictId++) {
      ImmutableRoaringBitmap bitmap = reader.docIds(dictId);
      total += bitmap.getLongCardinality();
      for (int doc : bitmap.toArray()) {
        assertThat(dictIds[doc]).isEqualTo(dictId);
      }
    }
    assertThat(total).isEqualTo(numDocs);
    assertThat(reader.docIds(3).toArray()).containsExactly(7);
    assertThatThrownBy(() -> reader.docIds(5)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void multiValueBitmapsCountEachDocOncePerValue() throws IOException {
    // doc0: {0, 1, 1}, doc1: {}, doc2: {2}, doc3: {0}
    int[] starts = {0, 3, 3, 4, 5};
    int[] dictIds = {0, 1, 1, 2, 0};
    BitmapInvertedIndexReader reader = write(dictIds, 4, 3, starts);
    assertThat(reader.docIds(0).toArray()).containsExactly(0, 3);
    assertThat(reader.docIds(1).toArray()).containsExactly(0);
    assertThat(reader.docIds(2).toArray()).containsExactly(2);
  }

  @Test
  void emptyIndexAndIdsWithoutDocs() throws IOException {
    BitmapInvertedIndexReader empty = write(new int[0], 0, 0, null);
    assertThat(empty.cardinality()).isZero();
    BitmapInvertedIndexReader sparse = write(new int[] {2, 2}, 2, 3, null);
    assertThat(sparse.docIds(0).isEmpty()).isTrue();
    assertThat(sparse.docIds(2).toArray()).containsExactly(0, 1);
  }

  private BitmapInvertedIndexReader write(int[] dictIds, int numDocs, int cardinality, int[] starts)
      throws IOException {
    IndexFiles.Written written = IndexFiles.write(dir, out -> BitmapInvertedIndexWriter.write(out, "c", cardinality,
        dictIds, numDocs, starts));
    return new BitmapInvertedIndexReader(written.view("c", IndexType.INVERTED_INDEX));
  }
}
