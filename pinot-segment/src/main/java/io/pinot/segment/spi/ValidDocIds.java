// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.spi;

import org.roaringbitmap.buffer.ImmutableRoaringBitmap;
import org.roaringbitmap.buffer.MutableRoaringBitmap;

/// The documents of one segment of an upsert table that hold the latest version of their primary key (Pinot's
/// `validDocIds`), and among them those a query may see (Pinot's `queryableDocIds`: the valid documents that are not
/// deletes). The partition's upsert metadata manager updates them while rows arrive and segments come and go; queries
/// read them through [#queryableSnapshot()].
///
/// Thread-safety: every method locks this object, so the two bitmaps always change together and a snapshot is
/// never torn; writers (the consuming thread, segment loading) and readers (query threads) may run concurrently.
public final class ValidDocIds {
  private final MutableRoaringBitmap valid = new MutableRoaringBitmap();
  private final MutableRoaringBitmap queryable = new MutableRoaringBitmap();

  /// Makes `docId` valid; it is queryable unless it is a delete.
  public synchronized void add(int docId, boolean deleted) {
    valid.add(docId);
    if (!deleted) {
      queryable.add(docId);
    }
  }

  /// Makes `docId` neither valid nor queryable.
  public synchronized void remove(int docId) {
    valid.remove(docId);
    queryable.remove(docId);
  }

  /// Replaces `oldDocId` by `newDocId` of the same segment in one step (no reader sees neither or both).
  public synchronized void replace(int oldDocId, int newDocId, boolean deleted) {
    valid.remove(oldDocId);
    queryable.remove(oldDocId);
    add(newDocId, deleted);
  }

  /// Whether `docId` holds the latest version of its key (deletes included).
  public synchronized boolean isValid(int docId) {
    return valid.contains(docId);
  }

  /// Whether a query may see `docId` (valid and not a delete).
  public synchronized boolean isQueryable(int docId) {
    return queryable.contains(docId);
  }

  /// A copy of the queryable documents, which later updates do not change.
  public synchronized ImmutableRoaringBitmap queryableSnapshot() {
    return queryable.clone();
  }

  /// A copy of the valid documents (deletes included), which later updates do not change.
  public synchronized ImmutableRoaringBitmap validSnapshot() {
    return valid.clone();
  }

  /// The number of valid documents.
  public synchronized int numValid() {
    return valid.getCardinality();
  }

  /// The number of queryable documents.
  public synchronized int numQueryable() {
    return queryable.getCardinality();
  }

  @Override
  public synchronized String toString() {
    return "ValidDocIds[" + valid.getCardinality() + " valid, " + queryable.getCardinality() + " queryable]";
  }
}
