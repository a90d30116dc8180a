// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.range;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pinot.segment.format.IndexType;
import io.pinot.segment.index.dictionary.Dictionaries;
import io.pinot.segment.spi.Dictionary;
import io.pinot.segment.testing.IndexFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BitSlicedRangeIndexTest {
  @TempDir
  Path dir;

  @ParameterizedTest
  @CsvSource({"0, 1", "1, 1", "1, 2", "5, 1", "1000, 1", "1000, 2", "1000, 3", "1000, 7", "1000, 8", "1000, 9",
      "3000, 255", "3000, 256", "3000, 257", "4096, 4096", "70000, 65537"})
  void everyIdRangeMatchesABruteForceScan(int numDocs, int cardinality) throws IOException {
    Random random = new Random(numDocs * 7919L + cardinality);
    int[] ids = new int[numDocs];
    for (int doc = 0; doc < numDocs; doc++) {
      // All distinct when cardinality equals numDocs (each id once, shuffled), else random with skew.
      ids[doc] = cardinality == numDocs ? doc : Math.min(random.nextInt(cardinality), random.nextInt(cardinality));
    }
    if (cardinality == numDocs) {
      for (int i = numDocs - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int swap = ids[i];
        ids[i] = ids[j];
        ids[j] = swap;
      }
    }
    BitSlicedRangeIndexReader reader = write(ids, cardinality, null);
    assertThat(reader.cardinality()).isEqualTo(cardinality);
    assertThat(reader.valueDictionary()).isNull();
    List<int[]> ranges = new ArrayList<>(List.of(new int[] {0, cardinality}, new int[] {0, 1},
        new int[] {cardinality - 1, cardinality}, new int[] {0, 0}, new int[] {-5, cardinality + 5},
        new int[] {cardinality / 2, cardinality / 2 + 1}, new int[] {3, 2}));
    for (int i = 0; i < 40; i++) {
      int a = random.nextInt(cardinality + 1);
      int b = random.nextInt(cardinality + 1);
      ranges.add(new int[] {Math.min(a, b), Math.max(a, b)});
    }
    for (int[] range : ranges) {
      int[] actual = reader.docIdsInIdRange(range[0], range[1]).toArray();
      assertThat(actual).as("[%d, %d)", range[0], range[1]).containsExactly(expected(ids, range[0], range[1]));
    }
  }

  @Test
  void rawColumnsEmbedTheirSortedValues() throws IOException {
    long[] distinct = {-5, 0, 7, 1_000_000_000_000L};
    int[] ids = {3, 0, 2, 2, 1, 0};
    BitSlicedRangeIndexReader reader = write(ids, distinct.length, Dictionaries.buildLongs(distinct, 4));
    Dictionary values = reader.valueDictionary();
    assertThat(values).isNotNull();
    assertThat(values.length()).isEqualTo(4);
    assertThat(values.getLongValue(3)).isEqualTo(1_000_000_000_000L);
    assertThat(values.insertionIndexOf(6L)).isEqualTo(-3);
    assertThat(reader.docIdsInIdRange(1, 3).toArray()).containsExactly(2, 3, 4);
    assertThat(reader.numSlices()).isEqualTo(2);
  }

  @Test
  void rejectsIdsOutsideTheCardinality() {
    assertThatThrownBy(() -> write(new int[] {0, 4}, 4, null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("out of [0, 4)");
  }

  @Test
  void slicesTakeAboutOneBitPerDocumentEach() throws IOException {
    int numDocs = 1 << 16;
    int[] ids = new int[numDocs];
    Random random = new Random(1);
    for (int doc = 0; doc < numDocs; doc++) {
      ids[doc] = random.nextInt(1024);
    }
    long size = IndexFiles.write(dir, out -> BitSlicedRangeIndexWriter.write(out, "c", ids, numDocs, 1024, null))
        .view("c", IndexType.RANGE_INDEX).size();
    // 10 slices of random bits: one 8 KiB bitmap container each, plus headers.
    assertThat(size).isBetween(10L * 8192, 10L * 8192 + 1024);
  }

  private BitSlicedRangeIndexReader write(int[] ids, int cardinality, byte[] dictionary) throws IOException {
    IndexFiles.Written written = IndexFiles.write(dir, out -> BitSlicedRangeIndexWriter.write(out, "c", ids,
        ids.length, cardinality, dictionary));
    return new BitSlicedRangeIndexReader(written.view("c", IndexType.RANGE_INDEX));
  }

  private static int[] expected(int[] ids, int start, int end) {
    List<Integer> docs = new ArrayList<>();
    for (int doc = 0; doc < ids.length; doc++) {
      if (ids[doc] >= start && ids[doc] < end) {
        docs.add(doc);
      }
    }
    return docs.stream().mapToInt(Integer::intValue).toArray();
  }
}
