// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.timestamp;

import io.pinot.segment.spi.ForwardIndexReader;
import io.pinot.spi.data.DataType;

/// The forward index of a dictionary-encoded computed `DATETRUNC` column: the `ts` column's dictionary ids mapped to
/// the ids of their truncated values. Only dictionary ids are read, as from any dictionary-encoded single-value
/// column. Thread-safe (immutable).
final class MappedIdForwardIndex implements ForwardIndexReader {
  private final ForwardIndexReader source;
  private final int[] idMap;

  MappedIdForwardIndex(ForwardIndexReader source, int[] idMap) {
    this.source = source;
    this.idMap = idMap;
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
    return DataType.LONG;
  }

  @Override
  public void readDictIds(int[] docIds, int length, int[] dictIds) {
    source.readDictIds(docIds, length, dictIds);
    for (int i = 0; i < length; i++) {
      dictIds[i] = idMap[dictIds[i]];
    }
  }

  @Override
  public String toString() {
    return "a dictionary-encoded DATETRUNC column";
  }
}
