// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.filter;

import io.pinot.query.context.QueryDeadline;
import java.util.List;
import org.roaringbitmap.BatchIterator;

/// Iterates the documents of a [DocIdSet] in increasing order, a block at a time into a caller-owned
/// `int[]`. Scanned sets pull candidates from their base set and narrow them with each predicate; the
/// deadline is checked between candidate blocks. Not thread-safe.
public abstract sealed class DocIdIterator {
  /// Documents per block, as Pinot's `DocIdSetPlanNode.MAX_DOC_PER_CALL`.
  public static final int BLOCK_SIZE = 10_000;

  /// Fills `docIds[0, n)` with the next at most `max` documents and returns n, or 0 when done.
  public abstract int next(int[] docIds, int max);

  public static DocIdIterator of(DocIdSet set, QueryDeadline deadline) {
    return switch (set) {
      case DocIdSet.All all -> new RangeIterator(0, all.numDocs());
      case DocIdSet.Empty empty -> new RangeIterator(0, 0);
      case DocIdSet.Range range -> new RangeIterator(range.start(), range.end());
      case DocIdSet.Bitmap bitmap -> new BitmapIterator(bitmap.bitmap().getBatchIterator());
      case DocIdSet.Scan scan -> new ScanIterator(of(scan.base(), deadline), scan.predicates(), deadline);
    };
  }

  private static final class RangeIterator extends DocIdIterator {
    private int next;
    private final int end;

    RangeIterator(int start, int end) {
      this.next = start;
      this.end = end;
    }

    @Override
    public int next(int[] docIds, int max) {
      int n = Math.min(max, end - next);
      for (int i = 0; i < n; i++) {
        docIds[i] = next + i;
      }
      next += n;
      return Math.max(n, 0);
    }
  }

  private static final class BitmapIterator extends DocIdIterator {
    private final BatchIterator batches;
    private final int[] batch = new int[1024];
    private int position;
    private int size;

    BitmapIterator(BatchIterator batches) {
      this.batches = batches;
    }

    @Override
    public int next(int[] docIds, int max) {
      int n = 0;
      while (n < max) {
        if (position == size) {
          if (!batches.hasNext()) {
            break;
          }
          size = batches.nextBatch(batch);
          position = 0;
          if (size == 0) {
            break;
          }
        }
        int copy = Math.min(max - n, size - position);
        System.arraycopy(batch, position, docIds, n, copy);
        position += copy;
        n += copy;
      }
      return n;
    }
  }

  private static final class ScanIterator extends DocIdIterator {
    private final DocIdIterator base;
    private final ScanPredicate[] predicates;
    private final QueryDeadline deadline;

    ScanIterator(DocIdIterator base, List<ScanPredicate> predicates, QueryDeadline deadline) {
      this.base = base;
      this.predicates = predicates.toArray(new ScanPredicate[0]);
      this.deadline = deadline;
    }

    @Override
    public int next(int[] docIds, int max) {
      while (true) {
        int n = base.next(docIds, max);
        if (n == 0) {
          return 0;
        }
        for (ScanPredicate predicate : predicates) {
          n = predicate.filter(docIds, n);
          if (n == 0) {
            break;
          }
        }
        if (n > 0) {
          return n;
        }
        deadline.check();
      }
    }
  }
}
