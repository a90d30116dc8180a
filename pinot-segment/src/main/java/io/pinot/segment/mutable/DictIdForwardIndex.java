// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.mutable;

import io.pinot.spi.data.DataType;

/// Forward index of a single-value dictionary column of a mutable segment: one dictionary id per document in
/// growable int chunks. Thread-safe (see [BaseMutableForwardIndex]).
final class DictIdForwardIndex extends BaseMutableForwardIndex {
  private final IntChunks dictIds;

  DictIdForwardIndex(IntChunks dictIds, DataType storedType) {
    super("single-value dictionary-encoded", storedType);
    this.dictIds = dictIds;
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
  public void readDictIds(int[] docIds, int length, int[] out) {
    dictIds.read(docIds, length, out);
  }
}
