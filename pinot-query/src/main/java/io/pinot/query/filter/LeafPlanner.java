// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.filter;

import io.pinot.query.context.Predicate;
import io.pinot.segment.spi.ColumnMetadata;
import io.pinot.segment.spi.DataSource;
import io.pinot.segment.spi.Dictionary;
import io.pinot.segment.spi.InvertedIndexReader;
import io.pinot.segment.spi.SortedIndexReader;
import io.pinot.spi.exception.QueryErrorCode;
import java.util.List;
import org.roaringbitmap.buffer.BufferFastAggregation;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;
import org.roaringbitmap.buffer.MutableRoaringBitmap;

/// Plans one predicate on one column of a segment: evaluate it on the dictionary, then answer it from the
/// sorted index (doc-id ranges), the inverted index (bitmap union, or the union of the excluded values
/// flipped for NOT_EQ/NOT_IN), or fall back to a scan of the forward index. Thread-safe (no state).
final class LeafPlanner {
  private static final int MAX_INVERTED_UNION_FOR_RANGE = 64;

  private LeafPlanner() {
  }

  static DocIdSet plan(Predicate predicate, String column, DataSource dataSource, int numDocs,
      List<ScanPredicate> scanPredicates) {
    ColumnMetadata metadata = dataSource.metadata();
    Dictionary dictionary = dataSource.dictionary();
    if (dictionary == null) {
      if (!dataSource.forwardIndex().singleValue()) {
        throw QueryErrorCode.QUERY_EXECUTION.asException("Filter on raw multi-value column[" + column
            + "] is not supported");
      }
      ScanPredicate scan = RawScanPredicate.create(predicate, dataSource.forwardIndex(), metadata.dataType(), column);
      scanPredicates.add(scan);
      return new DocIdSet.Scan(new DocIdSet.All(numDocs), List.of(scan));
    }
    DictIdMatch match = DictionaryMatcher.match(predicate, dictionary, metadata.dataType(), column);
    boolean exclusive = predicate.exclusive();
    int count = match.count();
    int cardinality = dictionary.length();
    if (count == 0) {
      return exclusive ? new DocIdSet.All(numDocs) : new DocIdSet.Empty();
    }
    if (count == cardinality) {
      return exclusive ? new DocIdSet.Empty() : new DocIdSet.All(numDocs);
    }
    SortedIndexReader sorted = dataSource.sortedIndex();
    if (sorted != null && metadata.singleValue()) {
      return sortedRanges(sorted, match, exclusive, numDocs);
    }
    InvertedIndexReader inverted = dataSource.invertedIndex();
    boolean rangeLike = predicate instanceof Predicate.Range || predicate instanceof Predicate.Like;
    if (inverted != null && (!rangeLike || count <= MAX_INVERTED_UNION_FOR_RANGE)) {
      return invertedUnion(inverted, match, exclusive, numDocs);
    }
    ScanPredicate scan = new DictIdScanPredicate(dataSource.forwardIndex(), match, exclusive,
        metadata.maxNumberOfMultiValues());
    scanPredicates.add(scan);
    return new DocIdSet.Scan(new DocIdSet.All(numDocs), List.of(scan));
  }

  private static DocIdSet sortedRanges(SortedIndexReader sorted, DictIdMatch match, boolean exclusive,
      int numDocs) {
    if (match.isRange() && !exclusive) {
      return new DocIdSet.Range(sorted.docIdStart(match.start()), sorted.docIdEnd(match.end() - 1));
    }
    MutableRoaringBitmap bitmap = new MutableRoaringBitmap();
    for (int dictId : match.ids()) {
      bitmap.add((long) sorted.docIdStart(dictId), (long) sorted.docIdEnd(dictId));
    }
    if (exclusive) {
      bitmap.flip(0L, numDocs);
    }
    return new DocIdSet.Bitmap(bitmap);
  }

  private static DocIdSet invertedUnion(InvertedIndexReader inverted, DictIdMatch match, boolean exclusive,
      int numDocs) {
    int[] ids = match.ids();
    ImmutableRoaringBitmap union;
    if (ids.length == 1 && !exclusive) {
      union = inverted.docIds(ids[0]);
    } else {
      ImmutableRoaringBitmap[] bitmaps = new ImmutableRoaringBitmap[ids.length];
      for (int i = 0; i < ids.length; i++) {
        bitmaps[i] = inverted.docIds(ids[i]);
      }
      MutableRoaringBitmap merged = BufferFastAggregation.or(bitmaps);
      if (exclusive) {
        merged.flip(0L, numDocs);
      }
      union = merged;
    }
    return new DocIdSet.Bitmap(union);
  }
}
