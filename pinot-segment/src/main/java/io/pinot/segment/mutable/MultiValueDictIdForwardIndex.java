// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.mutable;

import io.pinot.spi.data.DataType;

/// Forward index of a multi-value dictionary column of a mutable segment: the dictionary ids of all values in one
/// growable int array, and per document the start of its values (`starts[d]`, with `starts[d + 1]` written before
/// document `d` is published). Values keep their input order and duplicates. Thread-safe (see
/// [BaseMutableForwardIndex]).
final class MultiValueDictIdForwardIndex extends BaseMutableForwardIndex {
  private final IntChunks starts;
  private final IntChunks dictIds;

  MultiValueDictIdForwardIndex(IntChunks starts, IntChunks dictIds, DataType storedType) {
    super("multi-value dictionary-encoded", storedType);
    this.starts = starts;
    this.dictIds = dictIds;
  }

  @Override
  public boolean dictionaryEncoded() {
    return true;
  }

  @Override
  public boolean singleValue() {
    return false;
  }

  @Override
  public int getDictIdsMV(int docId, int[] out) {
    int start = starts.get(docId);
    int count = starts.get(docId + 1) - start;
    dictIds.readRange(start, count, out, 0);
    return count;
  }

  @Override
  public int numValuesMV(int docId) {
    return starts.get(docId + 1) - starts.get(docId);
  }
}
