// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.forward;

import io.pinot.segment.index.sorted.PackedSortedIndexReader;
import io.pinot.spi.data.DataType;
import java.util.Arrays;

/// Forward index of a sorted single-value dictionary column, derived from its sorted index instead of storing one
/// id per document (`FSRT` buffer: tag, int32 version, int32 numDocs, int32 cardinality; nothing else). Since ids
/// only grow with the doc id, a block is decoded by walking the id ranges: a contiguous block becomes a few
/// `Arrays.fill` runs, and when every value is distinct the dictionary id is the doc id. Thread-safe (immutable).
public final class SortedForwardIndexReader extends BaseForwardIndexReader {
  static final int HEADER_SIZE = 16;

  private final PackedSortedIndexReader sorted;
  private final DataType storedType;
  private final int numDocs;

  SortedForwardIndexReader(int numDocs, PackedSortedIndexReader sorted, DataType storedType) {
    super("sorted dictionary-encoded");
    this.numDocs = numDocs;
    this.sorted = sorted;
    this.storedType = storedType;
  }

  @Override
  public boolean dictionaryEncoded() {
    return true;
  }

  @Override
  public boolean singleValue() {
    return true;
  }

  @Override
  public DataType storedType() {
    return storedType;
  }

  @Override
  public int numDocs() {
    return numDocs;
  }

  @Override
  public void readDictIds(int[] docIds, int length, int[] out) {
    if (length == 0) {
      return;
    }
    if (sorted.identity()) {
      System.arraycopy(docIds, 0, out, 0, length);
      return;
    }
    int dictId = sorted.dictIdOf(docIds[0]);
    int end = sorted.docIdEnd(dictId);
    if (contiguous(docIds, length)) {
      int doc = docIds[0];
      int i = 0;
      while (true) {
        int run = Math.min(end - doc, length - i);
        Arrays.fill(out, i, i + run, dictId);
        i += run;
        if (i == length) {
          return;
        }
        doc += run;
        dictId++;
        end = sorted.docIdEnd(dictId);
      }
    }
    for (int i = 0; i < length; i++) {
      int doc = docIds[i];
      if (doc >= end) {
        dictId = doc < sorted.docIdEnd(dictId + 1) ? dictId + 1 : sorted.dictIdOf(doc);
        end = sorted.docIdEnd(dictId);
      }
      out[i] = dictId;
    }
  }
}
