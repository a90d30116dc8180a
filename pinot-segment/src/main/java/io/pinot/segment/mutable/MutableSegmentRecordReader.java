// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.mutable;

import io.pinot.segment.spi.NullValueVectorReader;
import io.pinot.spi.data.FieldSpec;
import io.pinot.spi.data.readers.GenericRow;
import io.pinot.spi.data.readers.RecordReader;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Reads the documents of a [MutableSegmentSnapshot] back as rows of stored values (`Integer`, `Long`, `Float`,
/// `Double`, `BigDecimal`, `String`, `byte[]`; `Object[]` for multi-value columns), for building the immutable
/// segment at commit time with [io.pinot.segment.creator.SegmentCreator] (see [MutableSegmentConverter]).
///
/// A value recorded as null (the column has a null value vector) is returned as null, so that the creator records
/// it as null again and stores the default value.
///
/// Rows come in doc-id order, or, as Pinot commits a consuming segment, ordered by a single-value sort column (the
/// table's first `sortedColumn` by default), ties in doc-id order; [#docIdAt] maps a row position back to the
/// mutable doc id. Sorting a dictionary column ranks its few distinct values once and counting-sorts the documents;
/// a raw column is merge-sorted. Not thread-safe (one reader per build); the snapshot may be shared.
public final class MutableSegmentRecordReader implements RecordReader {
  private static final Logger LOGGER = LoggerFactory.getLogger(MutableSegmentRecordReader.class);

  private final MutableSegmentSnapshot snapshot;
  private final String[] names;
  private final @Nullable ImmutableRoaringBitmap[] nullDocs;
  private final int @Nullable [] order;
  private int position;

  /// Rows ordered by the table's `sortedColumn` (doc-id order when it has none).
  public MutableSegmentRecordReader(MutableSegmentSnapshot snapshot) {
    this(snapshot, firstSortedColumn(snapshot));
  }

  /// Rows ordered by `sortColumn` (doc-id order when null, unknown or multi-value).
  public MutableSegmentRecordReader(MutableSegmentSnapshot snapshot, @Nullable String sortColumn) {
    this.snapshot = snapshot;
    this.names = new String[snapshot.numColumns()];
    this.nullDocs = new ImmutableRoaringBitmap[names.length];
    for (int i = 0; i < names.length; i++) {
      names[i] = snapshot.column(i).spec().name();
      NullValueVectorReader nulls = snapshot.dataSource(i).nullValueVector();
      nullDocs[i] = nulls == null || nulls.nullBitmap().isEmpty() ? null : nulls.nullBitmap();
    }
    this.order = sortColumn == null ? null : sortedOrder(snapshot, sortColumn);
  }

  private static @Nullable String firstSortedColumn(MutableSegmentSnapshot snapshot) {
    List<String> sorted = snapshot.segmentConfig().tableConfig().tableIndexConfig().sortedColumns();
    return sorted.isEmpty() ? null : sorted.get(0);
  }

  private static int @Nullable [] sortedOrder(MutableSegmentSnapshot snapshot, String sortColumn) {
    int ordinal = snapshot.ordinal(sortColumn);
    if (ordinal < 0) {
      LOGGER.info("Sort column[{}] is not in segment[{}]: rows keep their order", sortColumn, snapshot.segmentName());
      return null;
    }
    MutableColumn column = snapshot.column(ordinal);
    FieldSpec spec = column.spec();
    if (!spec.singleValue()) {
      LOGGER.info("Sort column[{}] of segment[{}] is multi-value: rows keep their order", sortColumn,
          snapshot.segmentName());
      return null;
    }
    int numDocs = snapshot.numDocs();
    if (column instanceof SingleValueDictionaryColumn dictionaryColumn) {
      return countingSort(dictionaryColumn, numDocs, snapshot.dataSource(ordinal).metadata().cardinality());
    }
    int[] docIds = new int[numDocs];
    for (int i = 0; i < numDocs; i++) {
      docIds[i] = i;
    }
    IntSorter.sort(docIds, column::compareDocs);
    return docIds;
  }

  /// Documents ordered by the rank of their dictionary id's value (stable: a counting sort).
  private static int[] countingSort(SingleValueDictionaryColumn column, int numDocs, int cardinality) {
    MutableDictionary dictionary = column.dictionary();
    int[] ids = new int[cardinality];
    for (int i = 0; i < cardinality; i++) {
      ids[i] = i;
    }
    IntSorter.sort(ids, dictionary::compareIds);
    int[] rank = new int[cardinality];
    for (int i = 0; i < cardinality; i++) {
      rank[ids[i]] = i;
    }
    int[] starts = new int[cardinality + 1];
    for (int docId = 0; docId < numDocs; docId++) {
      starts[rank[column.dictId(docId)] + 1]++;
    }
    for (int i = 0; i < cardinality; i++) {
      starts[i + 1] += starts[i];
    }
    int[] docIds = new int[numDocs];
    for (int docId = 0; docId < numDocs; docId++) {
      docIds[starts[rank[column.dictId(docId)]]++] = docId;
    }
    return docIds;
  }

  /// The mutable doc id of the row at `position` (0-based, in the order rows are read).
  public int docIdAt(int rowPosition) {
    return order == null ? rowPosition : order[rowPosition];
  }

  @Override
  public boolean hasNext() {
    return position < snapshot.numDocs();
  }

  @Override
  public GenericRow next(GenericRow reuse) {
    reuse.clear();
    int docId = docIdAt(position++);
    for (int i = 0; i < names.length; i++) {
      ImmutableRoaringBitmap nulls = nullDocs[i];
      reuse.putValue(names[i], nulls != null && nulls.contains(docId) ? null : snapshot.column(i).value(docId));
    }
    return reuse;
  }

  @Override
  public void rewind() {
    position = 0;
  }

  @Override
  public String position() {
    return "segment " + snapshot.segmentName() + " row " + position;
  }

  @Override
  public void close() {
  }
}
