// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.forward;

import io.pinot.segment.format.PackedInts;
import io.pinot.segment.memory.DataBuffer;
import io.pinot.spi.data.DataType;

/// Forward index of a single-value dictionary column: one bit-packed dictionary id per document (`FSVB`
/// buffer: tag, int32 version, int32 numDocs, int32 bitsPerValue, then the [PackedInts] area). Contiguous doc-id
/// blocks are decoded with one sequential pass. Thread-safe (immutable).
public final class BitPackedSvForwardIndexReader extends BaseForwardIndexReader {
  static final int HEADER_SIZE = 16;

  private final PackedInts dictIds;
  private final DataType storedType;

  BitPackedSvForwardIndexReader(DataBuffer buffer, DataType storedType) {
    super("single-value dictionary-encoded");
    int numDocs = buffer.getInt(8);
    int bits = buffer.getInt(12);
    this.dictIds = new PackedInts(buffer, HEADER_SIZE, numDocs, bits);
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
    return dictIds.count();
  }

  public int bitsPerValue() {
    return dictIds.bits();
  }

  /// The dictionary id of one document.
  public int getDictId(int docId) {
    return dictIds.get(docId);
  }

  @Override
  public void readDictIds(int[] docIds, int length, int[] out) {
    if (length == 0) {
      return;
    }
    if (contiguous(docIds, length)) {
      dictIds.readRange(docIds[0], length, out, 0);
    } else {
      dictIds.read(docIds, length, out);
    }
  }

  /// Dictionary ids of the `length` documents starting at `firstDocId`.
  public void readDictIdRange(int firstDocId, int length, int[] out) {
    dictIds.readRange(firstDocId, length, out, 0);
  }
}
