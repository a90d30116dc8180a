// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.operator;

import io.pinot.query.context.Identifier;
import io.pinot.query.context.QueryContext;
import io.pinot.query.filter.DocIdSet;
import io.pinot.query.filter.NullBitmaps;
import io.pinot.query.function.AggregationFunction;
import io.pinot.query.function.CountFunction;
import io.pinot.query.function.MetadataAggregation;
import io.pinot.query.function.ResultHolder;
import io.pinot.query.reduce.GroupByResult;
import io.pinot.query.reduce.Values;
import io.pinot.segment.spi.DataSource;
import io.pinot.segment.spi.Dictionary;
import io.pinot.segment.spi.IndexSegment;
import io.pinot.segment.spi.InvertedIndexReader;
import io.pinot.segment.spi.SortedIndexReader;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;
import org.roaringbitmap.buffer.MutableRoaringBitmap;

/// Answers `SELECT col, COUNT(*) ... GROUP BY col` from indexes when the filter is index-based and `col` is
/// a low-cardinality single-value dictionary column with a sorted or inverted index: each value's count is
/// the size of its doc-id range or bitmap intersected with the filter's documents, so no document is read.
/// Thread-safe (no state).
final class IndexedCountGroupBy {
  /// Above this many values, per-value bitmap intersections cost more than one pass over the documents.
  private static final int MAX_CARDINALITY = 2048;

  private IndexedCountGroupBy() {
  }

  /// Whether the query can be answered this way on the segment.
  static boolean applies(QueryContext query, IndexSegment segment, DocIdSet docs, int numGroupsLimit) {
    if (query.groupByExpressions().size() != 1 || !docs.isIndexed() || docs instanceof DocIdSet.Empty) {
      return false;
    }
    for (AggregationFunction function : query.aggregations()) {
      if (!(function instanceof CountFunction)) {
        return false;
      }
    }
    if (!(query.groupByExpressions().get(0) instanceof Identifier identifier)) {
      return false;
    }
    if (query.nullHandlingEnabled() && NullBitmaps.ofColumn(segment, identifier.name()) != null) {
      return false;
    }
    DataSource dataSource = segment.dataSource(identifier.name());
    return dataSource != null && dataSource.dictionary() != null && dataSource.metadata().singleValue()
        && dataSource.dictionary().length() <= Math.min(MAX_CARDINALITY, numGroupsLimit)
        && (dataSource.sortedIndex() != null || dataSource.invertedIndex() != null);
  }

  /// Merges the segment's groups into `into` and returns the number of matching documents.
  static long execute(QueryContext query, IndexSegment segment, DocIdSet docs, GroupByResult into) {
    DataSource dataSource = segment.dataSource(((Identifier) query.groupByExpressions().get(0)).name());
    Dictionary dictionary = dataSource.dictionary();
    SortedIndexReader sorted = dataSource.sortedIndex();
    InvertedIndexReader inverted = dataSource.invertedIndex();
    ImmutableRoaringBitmap filter = filterBitmap(docs, segment.numDocs());
    List<AggregationFunction> functions = query.aggregations();
    ResultHolder[] holders = new ResultHolder[functions.size()];
    for (int i = 0; i < holders.length; i++) {
      holders[i] = functions.get(i).createHolder(1);
    }
    long total = 0;
    into.expectGroups(dictionary.length());
    for (int dictId = 0; dictId < dictionary.length(); dictId++) {
      long count = sorted != null ? sortedCount(sorted, dictId, docs, filter)
          : filter == null ? inverted.docIds(dictId).getLongCardinality()
          : ImmutableRoaringBitmap.andCardinality(inverted.docIds(dictId), filter);
      if (count == 0) {
        continue;
      }
      for (ResultHolder holder : holders) {
        MetadataAggregation.addCount(holder, count);
      }
      into.mergeGroup(new Object[]{Values.hashable(dictionary.get(dictId))}, holders, 0);
      for (int i = 0; i < holders.length; i++) {
        holders[i] = functions.get(i).createHolder(1);
      }
      total += count;
    }
    return total;
  }

  private static @Nullable ImmutableRoaringBitmap filterBitmap(DocIdSet docs, int numDocs) {
    return switch (docs) {
      case DocIdSet.All all -> null;
      case DocIdSet.Range range -> {
        MutableRoaringBitmap bitmap = new MutableRoaringBitmap();
        bitmap.add((long) range.start(), (long) range.end());
        yield bitmap;
      }
      case DocIdSet.Bitmap bitmap -> bitmap.bitmap();
      case DocIdSet.Empty empty -> new MutableRoaringBitmap();
      case DocIdSet.Scan scan -> throw new IllegalStateException("Scanned sets are not indexed");
    };
  }

  private static long sortedCount(SortedIndexReader sorted, int dictId, DocIdSet docs,
      @Nullable ImmutableRoaringBitmap filter) {
    int start = sorted.docIdStart(dictId);
    int end = sorted.docIdEnd(dictId);
    if (filter == null) {
      return end - start;
    }
    if (docs instanceof DocIdSet.Range range) {
      return Math.max(0, Math.min(end, range.end()) - Math.max(start, range.start()));
    }
    return filter.rangeCardinality(start, end);
  }
}
