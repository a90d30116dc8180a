// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.mutable;

import io.pinot.segment.spi.InvertedIndexReader;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;
import org.roaringbitmap.buffer.MutableRoaringBitmap;

/// The bitmap inverted index of one dictionary column of a [MutableSegment]: one [Postings] list per dictionary
/// id, in a chunked directory that grows without copying the lists.
///
/// Concurrency: the writer appends `(dictId, docId)` pairs in increasing doc-id order. Whenever a posting list is
/// replaced by a new [Postings] object (new 2^16-doc block, or a larger active array), the new object is
/// published into its slot with a **release** store, and readers load slots with an **acquire** load, so a reader
/// sees either the object current when the segment published its document count (guaranteed by that volatile
/// write) or a later, fully built one. Readers never lock: each [InvertedIndexReader#docIds] call builds a new
/// bitmap of the documents below the reader's document count, sharing the frozen containers (see [Postings]).
/// RoaringBitmap itself is not safe for concurrent mutation and reading; no bitmap here is ever mutated after a
/// reader can reach it.
final class MutableInvertedIndex {
  private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Postings[].class);
  private static final int SHIFT = 10;
  private static final int MASK = (1 << SHIFT) - 1;

  private volatile Postings[][] chunks = new Postings[4][];
  private Postings[][] writerChunks = chunks;
  private int numChunks;
  private long memoryBytes;

  /// Writer: records that document `docId` (not below any document added before) holds dictionary id `dictId`.
  /// Adding the same pair twice in a row (a value repeated in one multi-value row) is a no-op.
  void add(int dictId, int docId) {
    int chunkIndex = dictId >>> SHIFT;
    if (chunkIndex >= numChunks) {
      allocate(chunkIndex);
    }
    Postings[] chunk = writerChunks[chunkIndex];
    int slot = dictId & MASK;
    Postings current = chunk[slot];
    Postings next = current == null ? Postings.of(docId) : current.add(docId);
    if (next != current) {
      memoryBytes += next.memoryBytes() - (current == null ? 0 : current.memoryBytes());
      SLOT.setRelease(chunk, slot, next);
    }
  }

  private void allocate(int chunkIndex) {
    Postings[][] directory = writerChunks;
    if (chunkIndex >= directory.length) {
      directory = Arrays.copyOf(directory, Math.max(directory.length * 2, chunkIndex + 1));
    }
    while (numChunks <= chunkIndex) {
      directory[numChunks++] = new Postings[1 << SHIFT];
    }
    writerChunks = directory;
    chunks = directory;
  }

  /// Reader: the index as seen by a snapshot of `numDocs` documents whose dictionary holds `cardinality` ids.
  InvertedIndexReader view(int numDocs, int cardinality) {
    return dictId -> docIds(dictId, numDocs, cardinality);
  }

  private ImmutableRoaringBitmap docIds(int dictId, int numDocs, int cardinality) {
    if (dictId < 0 || dictId >= cardinality) {
      throw new IndexOutOfBoundsException("dictId " + dictId + " out of [0, " + cardinality + ")");
    }
    Postings postings = (Postings) SLOT.getAcquire(chunks[dictId >>> SHIFT], dictId & MASK);
    return postings == null ? new MutableRoaringBitmap() : postings.toBitmap(numDocs);
  }

  long memoryBytes() {
    return memoryBytes + 8L * ((long) numChunks << SHIFT);
  }
}
