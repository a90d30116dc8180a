// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.bloom;

import io.pinot.segment.format.SegmentFormat;
import io.pinot.segment.memory.DataBuffer;
import io.pinot.segment.spi.BloomFilterReader;
import io.pinot.spi.data.DataType;
import java.lang.foreign.MemorySegment;

/// Bloom filter over mapped memory or, with `loadOnHeap`, a heap copy (`BLOM` buffer).
///
/// Layout after the tag and version: `int32 storedTypeCode, int32 numHashes, int64 numBits` (a multiple of 64),
/// then `numBits / 64` little-endian int64 words; bit `j` is bit `j % 64` of word `j / 64`. Hashing and probing are
/// described on [BloomHashing] and [BloomFilterWriter]. Thread-safe (immutable).
public final class BloomFilterReaderImpl implements BloomFilterReader {
  private final MemorySegment words;
  private final DataType storedType;
  private final int numHashes;
  private final long numBits;

  /// Opens the filter; `loadOnHeap` copies its words to the heap.
  public BloomFilterReaderImpl(DataBuffer buffer, boolean loadOnHeap) {
    if (buffer.getInt(0) != SegmentFormat.tagValue(SegmentFormat.TAG_BLOOM)) {
      throw new IllegalStateException("Not a bloom filter buffer");
    }
    if (buffer.getInt(4) != SegmentFormat.INDEX_VERSION) {
      throw new IllegalStateException("Unsupported bloom filter version " + buffer.getInt(4));
    }
    this.storedType = SegmentFormat.typeOf(buffer.getInt(8));
    this.numHashes = buffer.getInt(12);
    this.numBits = buffer.getLong(16);
    if (numBits <= 0 || (numBits & 63) != 0 || numHashes <= 0
        || BloomFilterWriter.HEADER_SIZE + numBits / 8 > buffer.size()) {
      throw new IllegalStateException("Bloom filter of " + numBits + " bits does not fit its buffer");
    }
    DataBuffer view = buffer.view(BloomFilterWriter.HEADER_SIZE, numBits / 8);
    this.words = loadOnHeap ? MemorySegment.ofArray(view.getBytes(0, (int) (numBits / 8))) : view.segment();
  }

  public DataType storedType() {
    return storedType;
  }

  public int numHashes() {
    return numHashes;
  }

  public long numBits() {
    return numBits;
  }

  @Override
  public boolean mightContain(Object value) {
    return mightContainHash(BloomHashing.hash(value, storedType));
  }

  /// Whether the value of a [BloomHashing] hash may be present.
  public boolean mightContainHash(long hash) {
    long second = BloomHashing.secondHash(hash);
    long combined = hash;
    for (int i = 0; i < numHashes; i++) {
      long bit = (combined & Long.MAX_VALUE) % numBits;
      if ((words.get(DataBuffer.LONG, (bit >>> 6) << 3) & 1L << bit) == 0) {
        return false;
      }
      combined += second;
    }
    return true;
  }
}
