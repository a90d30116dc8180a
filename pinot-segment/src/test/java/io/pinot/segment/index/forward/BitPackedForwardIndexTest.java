// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pinot.segment.format.IndexType;
import io.pinot.segment.format.PackedInts;
import io.pinot.segment.spi.ForwardIndexReader;
import io.pinot.segment.testing.IndexFiles;
import io.pinot.spi.data.DataType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BitPackedForwardIndexTest {
  @TempDir
  Path dir;

  @Test
  void singleValueRoundTripAtBoundaryCardinalities() throws IOException {
    Random random = new Random(11);
    for (int cardinality : new int[] {1, 2, 3, 4, 5, 7, 8, 9, 255, 256, 257, 65535, 65536, 65537}) {
      int bits = PackedInts.bitsForCardinality(cardinality);
      for (int numDocs : new int[] {0, 1, 1000}) {
        int[] dictIds = new int[numDocs];
        for (int i = 0; i < numDocs; i++) {
          dictIds[i] = i == 0 ? cardinality - 1 : random.nextInt(cardinality);
        }
        ForwardIndexReader reader = writeSingleValue(dictIds, bits);
        assertThat(reader.dictionaryEncoded()).isTrue();
        assertThat(reader.singleValue()).isTrue();
        assertThat(((BitPackedSvForwardIndexReader) reader).bitsPerValue()).isEqualTo(bits);
        assertAllBlocks(reader, dictIds);
      }
    }
  }

  @Test
  void cardinalityThreeUsesTwoBitsAndCardinalityOneUsesOne() throws IOException {
    assertThat(PackedInts.bitsForCardinality(3)).isEqualTo(2);
    ForwardIndexReader reader = writeSingleValue(new int[] {0, 0, 0}, PackedInts.bitsForCardinality(1));
    assertThat(((BitPackedSvForwardIndexReader) reader).bitsPerValue()).isEqualTo(1);
    int[] out = new int[3];
    reader.readDictIds(new int[] {0, 1, 2}, 3, out);
    assertThat(out).containsExactly(0, 0, 0);
  }

  @Test
  void singleValueReaderRejectsOtherReads() throws IOException {
    ForwardIndexReader reader = writeSingleValue(new int[] {1, 0}, 1);
    assertThatThrownBy(() -> reader.readIntValues(new int[] {0}, 1, new int[1]))
        .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("readIntValues");
    assertThatThrownBy(() -> reader.getDictIdsMV(0, new int[1])).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void multiValueRoundTripIncludingEmptyDocsAndAnchorBoundaries() throws IOException {
    Random random = new Random(5);
    for (int numDocs : new int[] {0, 1, 63, 64, 65, 200}) {
      int cardinality = 37;
      int[][] docs = new int[numDocs][];
      for (int doc = 0; doc < numDocs; doc++) {
        int count = doc % 7 == 3 ? 0 : random.nextInt(doc % 50 == 0 ? 300 : 5);
        docs[doc] = new int[count];
        for (int j = 0; j < count; j++) {
          docs[doc][j] = random.nextInt(cardinality);
        }
      }
      BitPackedMvForwardIndexReader reader = writeMultiValue(docs, PackedInts.bitsForCardinality(cardinality));
      assertThat(reader.singleValue()).isFalse();
      assertThat(reader.numDocs()).isEqualTo(numDocs);
      int[] out = new int[300];
      for (int doc = 0; doc < numDocs; doc++) {
        assertThat(reader.numValuesMV(doc)).isEqualTo(docs[doc].length);
        int count = reader.getDictIdsMV(doc, out);
        assertThat(count).isEqualTo(docs[doc].length);
        for (int j = 0; j < count; j++) {
          assertThat(out[j]).isEqualTo(docs[doc][j]);
        }
      }
    }
  }

  private void assertAllBlocks(ForwardIndexReader reader, int[] dictIds) {
    int numDocs = dictIds.length;
    int[] docIds = new int[numDocs];
    int[] out = new int[numDocs];
    for (int i = 0; i < numDocs; i++) {
      docIds[i] = i;
    }
    reader.readDictIds(docIds, numDocs, out);
    assertThat(out).containsExactly(dictIds);
    int sparse = 0;
    for (int doc = 1; doc < numDocs; doc += 3) {
      docIds[sparse++] = doc;
    }
    reader.readDictIds(docIds, sparse, out);
    for (int i = 0; i < sparse; i++) {
      assertThat(out[i]).isEqualTo(dictIds[docIds[i]]);
    }
    reader.readDictIds(docIds, 0, out);
  }

  private ForwardIndexReader writeSingleValue(int[] dictIds, int bits) throws IOException {
    IndexFiles.Written written = IndexFiles.write(dir, out -> ForwardIndexes.writeSingleValue(out, "c", dictIds,
        dictIds.length, bits));
    return ForwardIndexes.open(written.view("c", IndexType.FORWARD_INDEX), DataType.INT, null);
  }

  private BitPackedMvForwardIndexReader writeMultiValue(int[][] docs, int bits) throws IOException {
    int[] starts = new int[docs.length + 1];
    for (int doc = 0; doc < docs.length; doc++) {
      starts[doc + 1] = starts[doc] + docs[doc].length;
    }
    int[] flat = new int[starts[docs.length]];
    for (int doc = 0; doc < docs.length; doc++) {
      System.arraycopy(docs[doc], 0, flat, starts[doc], docs[doc].length);
    }
    IndexFiles.Written written = IndexFiles.write(dir, out -> ForwardIndexes.writeMultiValue(out, "c", starts,
        docs.length, flat, bits));
    return (BitPackedMvForwardIndexReader) ForwardIndexes.open(written.view("c", IndexType.FORWARD_INDEX),
        DataType.STRING, null);
  }
}
