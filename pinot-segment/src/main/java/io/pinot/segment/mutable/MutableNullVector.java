// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.mutable;

import io.pinot.segment.spi.NullValueVectorReader;
import org.jspecify.annotations.Nullable;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;
import org.roaringbitmap.buffer.MutableRoaringBitmap;

/// The null value vector of one column of a [MutableSegment]: the documents whose input value was null, missing
/// or an empty multi-value array (and that hold the column's default value). One [Postings] list, published
/// through a volatile field whenever the writer replaces it, so readers follow the protocol of
/// [MutableInvertedIndex]. Thread-safety: one writer, lock-free readers.
final class MutableNullVector {
  private volatile @Nullable Postings postings;

  /// Writer: marks `docId` (not below any document marked before) as null.
  void add(int docId) {
    Postings current = postings;
    Postings next = current == null ? Postings.of(docId) : current.add(docId);
    if (next != current) {
      postings = next;
    }
  }

  /// Reader: the null documents below `numDocs`.
  NullValueVectorReader view(int numDocs) {
    Postings current = postings;
    ImmutableRoaringBitmap bitmap = current == null ? new MutableRoaringBitmap() : current.toBitmap(numDocs);
    return () -> bitmap;
  }

  long memoryBytes() {
    Postings current = postings;
    return current == null ? 0 : current.memoryBytes();
  }
}
