// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.filter;

import io.pinot.query.context.Predicate;
import io.pinot.query.filter.FilterPlanListener.Access;
import io.pinot.segment.spi.ColumnMetadata;
import io.pinot.segment.spi.DataSource;
import io.pinot.segment.spi.Dictionary;
import io.pinot.segment.spi.InvertedIndexReader;
import io.pinot.segment.spi.RangeIndexReader;
import io.pinot.segment.spi.SortedIndexReader;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.roaringbitmap.buffer.BufferFastAggregation;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;
import org.roaringbitmap.buffer.MutableRoaringBitmap;

/// Plans one predicate on one column of a segment: evaluate it on the dictionary, then answer it from the
/// sorted index (doc-id ranges), the range index (range predicates, and EQ/IN matching contiguous ids when there is
/// no cheaper inverted index: bit-sliced id ranges), the inverted index
/// (bitmap union, or the union of the excluded values flipped for NOT_EQ/NOT_IN), or fall back to a scan of the
/// forward index. A raw numeric column with a range index answers range and equality predicates from it through
/// the index's own sorted values. LIKE and case-sensitive REGEXP_LIKE find their dictionary ids through the FST
/// index when the column has one ([FstDictIdMatcher]); TEXT_MATCH is answered by the text index ([TextMatchFilter]).
/// Thread-safe (no state).
final class LeafPlanner {
  private static final int MAX_INVERTED_UNION_FOR_RANGE = 64;
  /// A range matching at most this many dictionary ids per range-index slice is cheaper as an inverted-index union.
  private static final int INVERTED_UNION_IDS_PER_SLICE = 2;

  private LeafPlanner() {
  }

  /// Plans the predicate; `listener` (for EXPLAIN PLAN, may be null) learns which access path was taken.
  static DocIdSet plan(Predicate predicate, String column, DataSource dataSource, int numDocs,
      List<ScanPredicate> scanPredicates, @Nullable FilterPlanListener listener) {
    if (predicate instanceof Predicate.JsonMatch json) {
      return used(listener, predicate, Access.JSON_INDEX, JsonMatchPlanner.plan(json, column, dataSource));
    }
    if (predicate instanceof Predicate.TextMatch textMatch) {
      return used(listener, predicate, Access.TEXT_INDEX, TextMatchFilter.plan(textMatch, column, dataSource));
    }
    ColumnMetadata metadata = dataSource.metadata();
    if (predicate instanceof Predicate.RegexpLike) {
      RegexpPatterns.checkStringColumn(metadata, column);
    }
    Dictionary dictionary = dataSource.dictionary();
    if (dictionary == null) {
      RangeIndexReader rangeIndex = dataSource.rangeIndex();
      if (rangeIndex != null && rangeIndex.valueDictionary() != null && metadata.singleValue()
          && (predicate instanceof Predicate.Range || predicate instanceof Predicate.Eq
          || predicate instanceof Predicate.NotEq)) {
        return used(listener, predicate, Access.RANGE_INDEX, rawRange(predicate, rangeIndex, metadata, column,
            numDocs));
      }
      ScanPredicate scan = dataSource.forwardIndex().singleValue()
          ? RawScanPredicate.create(predicate, dataSource.forwardIndex(), metadata.dataType(), column)
          : new RawMvScanPredicate(predicate, dataSource.forwardIndex(), metadata.dataType(), column,
              metadata.maxNumberOfMultiValues());
      scanPredicates.add(scan);
      return used(listener, predicate, Access.FULL_SCAN, new DocIdSet.Scan(new DocIdSet.All(numDocs), List.of(scan)));
    }
    DictIdMatch match = FstDictIdMatcher.match(predicate, dataSource);
    if (match == null) {
      match = DictionaryMatcher.match(predicate, dictionary, metadata.dataType(), column);
    }
    boolean exclusive = predicate.exclusive();
    int count = match.count();
    int cardinality = dictionary.length();
    if (count == 0) {
      return used(listener, predicate, Access.NONE, exclusive ? new DocIdSet.All(numDocs) : new DocIdSet.Empty());
    }
    if (count == cardinality) {
      return used(listener, predicate, Access.NONE, exclusive ? new DocIdSet.Empty() : new DocIdSet.All(numDocs));
    }
    SortedIndexReader sorted = dataSource.sortedIndex();
    if (sorted != null && metadata.singleValue()) {
      return used(listener, predicate, Access.SORTED_INDEX, sortedRanges(sorted, match, exclusive, numDocs));
    }
    InvertedIndexReader inverted = dataSource.invertedIndex();
    RangeIndexReader rangeIndex = dataSource.rangeIndex();
    // Equality and IN on contiguous ids too: a timestamp index's $ts$DAY column has a range index and no inverted one.
    boolean idRange = predicate instanceof Predicate.Range || predicate instanceof Predicate.Eq
        || predicate instanceof Predicate.In;
    if (rangeIndex != null && idRange && match.isRange() && dictionary.sorted()
        && metadata.singleValue() && (inverted == null || count > INVERTED_UNION_IDS_PER_SLICE
        * Math.max(1, 32 - Integer.numberOfLeadingZeros(cardinality - 1)))) {
      return used(listener, predicate, Access.RANGE_INDEX,
          new DocIdSet.Bitmap(rangeIndex.docIdsInIdRange(match.start(), match.end())));
    }
    if (rangeIndex != null && inverted == null && !match.isRange() && dictionary.sorted() && metadata.singleValue()) {
      DocIdSet runs = RangeIndexRuns.plan(rangeIndex, match, exclusive, numDocs);
      if (runs != null) {
        return used(listener, predicate, Access.RANGE_INDEX, runs);
      }
    }
    boolean rangeLike = predicate instanceof Predicate.Range || predicate instanceof Predicate.Like
        || predicate instanceof Predicate.RegexpLike;
    if (inverted != null && (!rangeLike || count <= MAX_INVERTED_UNION_FOR_RANGE)) {
      return used(listener, predicate, Access.INVERTED_INDEX, invertedUnion(inverted, match, exclusive, numDocs));
    }
    ScanPredicate scan = new DictIdScanPredicate(dataSource.forwardIndex(), match, exclusive,
        metadata.maxNumberOfMultiValues());
    scanPredicates.add(scan);
    return used(listener, predicate, Access.FULL_SCAN, new DocIdSet.Scan(new DocIdSet.All(numDocs), List.of(scan)));
  }

  /// Reports the access path of a planned predicate to the EXPLAIN listener, if any.
  private static DocIdSet used(@Nullable FilterPlanListener listener, Predicate predicate, Access access,
      DocIdSet result) {
    if (listener != null) {
      listener.leafPlanned(predicate, access);
    }
    return result;
  }

  /// A range or (not-)equality predicate on a raw column answered by its range index: the predicate is matched
  /// on the index's sorted distinct values, giving an id range.
  private static DocIdSet rawRange(Predicate predicate, RangeIndexReader rangeIndex, ColumnMetadata metadata,
      String column, int numDocs) {
    DictIdMatch match = DictionaryMatcher.match(predicate, rangeIndex.valueDictionary(), metadata.dataType(),
        column);
    boolean exclusive = predicate.exclusive();
    if (match.count() == 0) {
      return exclusive ? new DocIdSet.All(numDocs) : new DocIdSet.Empty();
    }
    if (match.count() == rangeIndex.cardinality()) {
      return exclusive ? new DocIdSet.Empty() : new DocIdSet.All(numDocs);
    }
    ImmutableRoaringBitmap matching = rangeIndex.docIdsInIdRange(match.start(), match.end());
    if (!exclusive) {
      return new DocIdSet.Bitmap(matching);
    }
    MutableRoaringBitmap flipped = matching.toMutableRoaringBitmap();
    flipped.flip(0L, numDocs);
    return new DocIdSet.Bitmap(flipped);
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
