// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.filter;

import io.pinot.segment.spi.ForwardIndexReader;

/// Scans a dictionary-encoded column: reads the dictionary ids of the candidate documents and keeps those
/// whose ids are in the precomputed match (or not in it, for exclusive predicates). Multi-value documents
/// match an inclusive predicate when any value matches, an exclusive one when no value is excluded.
final class DictIdScanPredicate implements ScanPredicate {
  private final ForwardIndexReader forwardIndex;
  private final SpanReader spanReader;
  private final DictIdMatch match;
  private final boolean exclusive;
  private final boolean singleValue;
  private int[] buffer;
  private long numEntriesScanned;

  DictIdScanPredicate(ForwardIndexReader forwardIndex, DictIdMatch match, boolean exclusive, int maxValuesPerDoc) {
    this.forwardIndex = forwardIndex;
    this.spanReader = new SpanReader(forwardIndex);
    this.match = match;
    this.exclusive = exclusive;
    this.singleValue = forwardIndex.singleValue();
    this.buffer = new int[singleValue ? 0 : Math.max(1, maxValuesPerDoc)];
  }

  @Override
  public int filter(int[] docIds, int length) {
    return singleValue ? filterSingleValue(docIds, length) : filterMultiValue(docIds, length);
  }

  private int filterSingleValue(int[] docIds, int length) {
    if (buffer.length < length) {
      buffer = new int[Math.max(length, 1024)];
    }
    int[] dictIds = buffer;
    spanReader.readDictIds(docIds, length, dictIds);
    numEntriesScanned += length;
    // Branch-free compaction: every id is written, the write position advances only on a match (matches
    // at 5-50% selectivity would mispredict a branch constantly).
    int kept = 0;
    int flip = exclusive ? 1 : 0;
    if (match.isRange()) {
      long start = match.start();
      long span = match.end() - start;
      for (int i = 0; i < length; i++) {
        long offset = dictIds[i] - start;
        docIds[kept] = docIds[i];
        kept += (int) (((offset - span) & ~offset) >>> 63) ^ flip;
      }
    } else {
      byte[] lookup = match.lookupBytes();
      for (int i = 0; i < length; i++) {
        docIds[kept] = docIds[i];
        kept += lookup[dictIds[i]] ^ flip;
      }
    }
    return kept;
  }

  private int filterMultiValue(int[] docIds, int length) {
    int kept = 0;
    for (int i = 0; i < length; i++) {
      int docId = docIds[i];
      int numValues = forwardIndex.getDictIdsMV(docId, buffer);
      numEntriesScanned += numValues;
      boolean any = false;
      for (int k = 0; k < numValues && !any; k++) {
        any = match.matches(buffer[k]);
      }
      if (any != exclusive) {
        docIds[kept++] = docId;
      }
    }
    return kept;
  }

  @Override
  public long numEntriesScanned() {
    return numEntriesScanned;
  }
}
