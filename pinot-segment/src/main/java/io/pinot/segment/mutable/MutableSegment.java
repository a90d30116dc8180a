// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.mutable;

import io.pinot.segment.creator.ColumnPlan;
import io.pinot.segment.spi.DataSource;
import io.pinot.segment.spi.IndexSegment;
import io.pinot.segment.spi.SegmentMetadata;
import io.pinot.segment.spi.ValidDocIds;
import io.pinot.spi.data.FieldSpec;
import io.pinot.spi.data.Schema;
import io.pinot.spi.data.readers.GenericRow;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// An in-memory segment that accepts rows while queries read it (Pinot's `MutableSegmentImpl`): the consuming
/// segment of a real-time table, committed later into an immutable segment ([MutableSegmentConverter]).
///
/// **Writing.** One thread calls [#index] for each row. The row's values may come straight from a stream decoder:
/// they are shaped and converted to the columns' stored types with the rules of immutable segment creation
/// ([StoredValues]: `DataType#convertValue`, `FieldSpec#defaultValue()` for null, missing and empty values,
/// `maxLength` truncation), so the committed segment holds exactly the values the mutable one served. Conversion
/// happens for every column before anything is written: a row that cannot be converted throws
/// [IllegalArgumentException] naming the column and leaves the segment unchanged.
///
/// **Per column.** The creator's [ColumnPlan] decides, from `tableIndexConfig` and `fieldConfigList`, which columns are
/// raw, which get an inverted index and a null value vector, and the `maxLength` (multi-value columns always keep a
/// dictionary here). Dictionary columns get a growable [MutableDictionary] (ids in insertion order, **not sorted**: see
/// [MutableDictionaryView]), a forward index of dictionary ids in int chunks, and with an inverted index a lock-free
/// [MutableInvertedIndex]. Raw columns keep values in primitive chunks or a byte store. Storage grows chunk by chunk
/// (heap primitive arrays of `2^10..2^16` entries sized from the capacity): old chunks are never copied, chunks stay
/// below G1's humongous object size, memory is freed by the garbage collector only once the last snapshot reading it is
/// gone (so a query racing with [#close()] never reads freed memory), and the heap use is estimated exactly from chunk
/// counts. There is no sorted index: as in Pinot, a consuming segment is sorted by `sortedColumn` when it is committed.
///
/// **Reading.** Every structure holds a new document before the segment publishes the document count with a
/// volatile write, and readers only look at documents below a count they read once. [#snapshot()] captures that
/// count and gives an [IndexSegment] whose every reader (metadata, dictionary length, inverted-index bitmaps, null
/// vectors) is bounded to it: queries must run on a snapshot taken at query start, so that all parts of one query
/// see the same prefix of the rows. The [IndexSegment] methods of this class answer from a fresh snapshot at each
/// call. No lock is taken on the read path.
///
/// Thread-safety: [#index] from one writer thread at a time; everything else from any thread.
public final class MutableSegment implements IndexSegment {
  private static final Logger LOGGER = LoggerFactory.getLogger(MutableSegment.class);

  private final MutableSegmentConfig config;
  private final String[] names;
  /// The columns; null once closed, so that their memory can be reclaimed when no snapshot uses them.
  private volatile MutableColumn @Nullable [] columns;
  private final Map<String, Integer> ordinals = new LinkedHashMap<>();
  private final Set<String> columnNames;
  private volatile int numDocs;
  private volatile boolean closed;
  private volatile @Nullable ValidDocIds validDocIds;
  private int writerNumDocs;
  private boolean budgetReached;

  public MutableSegment(MutableSegmentConfig config) {
    this.config = config;
    Schema schema = config.schema();
    List<FieldSpec> specs = schema.allFieldSpecs();
    this.names = new String[specs.size()];
    MutableColumn[] created = new MutableColumn[specs.size()];
    int shift = config.chunkShift();
    for (int i = 0; i < specs.size(); i++) {
      FieldSpec spec = specs.get(i);
      names[i] = spec.name();
      ordinals.put(spec.name(), i);
      created[i] = createColumn(ColumnPlan.of(spec, config.tableConfig(), schema), shift);
    }
    this.columns = created;
    this.columnNames = Collections.unmodifiableSet(ordinals.keySet());
  }

  /// The column the creator's plan describes (so dictionary, inverted index, null vector and `maxLength` follow the
  /// same table config rules as immutable segments). Multi-value columns always keep a dictionary here; range,
  /// bloom filter, JSON and text indexes are built only when the segment is committed.
  private MutableColumn createColumn(ColumnPlan plan, int shift) {
    FieldSpec spec = plan.spec();
    if (plan.rangeIndex() || plan.bloomFilter() != null) {
      LOGGER.debug("Segment[{}]: the range index and bloom filter of column[{}] are built at commit",
          config.segmentName(), spec.name());
    }
    if (!spec.singleValue()) {
      return new MultiValueDictionaryColumn(spec, plan.maxLength(), shift, plan.invertedIndex(),
          plan.nullHandling());
    }
    if (plan.dictionary()) {
      return new SingleValueDictionaryColumn(spec, plan.maxLength(), shift, plan.invertedIndex(),
          plan.nullHandling());
    }
    return spec.dataType().storedType().size() > 0 ? new RawFixedWidthColumn(spec, shift, plan.nullHandling())
        : new RawVariableWidthColumn(spec, plan.maxLength(), shift, plan.nullHandling());
  }

  /// Indexes one row as the next document. Values are looked up by column name in `row` (absent means null).
  ///
  /// @return true when the row was indexed; false when the segment is full (capacity or memory budget reached):
  ///     the row was not indexed and the segment should be committed
  /// @throws IllegalArgumentException when a value cannot be converted to its column's type; nothing was indexed
  /// @throws IllegalStateException when the segment is closed, or a multi-value column would exceed 2^31 - 1
  ///     values (nothing was indexed)
  public boolean index(GenericRow row) {
    MutableColumn[] current = open();
    int docId = writerNumDocs;
    if (docId >= config.capacity() || budgetReached) {
      return false;
    }
    for (int i = 0; i < current.length; i++) {
      try {
        current[i].stage(row.getValue(names[i]));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("Column[" + names[i] + "]: " + e.getMessage(), e);
      }
    }
    for (MutableColumn column : current) {
      column.commit(docId);
    }
    int next = docId + 1;
    if ((next & (MutableColumn.STATS_INTERVAL - 1)) == 0) {
      for (MutableColumn column : current) {
        column.checkpoint(next);
      }
      budgetReached = config.maxMemoryBytes() > 0 && memoryBytes(current) >= config.maxMemoryBytes();
    }
    writerNumDocs = next;
    // The volatile write publishes every structure written above to readers that read numDocs afterwards.
    numDocs = next;
    return true;
  }

  /// Whether [#index] may still accept a row (writer thread).
  public boolean canAddMore() {
    return !closed && writerNumDocs < config.capacity() && !budgetReached;
  }

  /// A consistent, read-only view of the documents indexed so far (their count is read once, here).
  ///
  /// @throws IllegalStateException when the segment is closed
  public MutableSegmentSnapshot snapshot() {
    MutableColumn[] current = open();
    ValidDocIds docIds = validDocIds;
    // Upsert: copy the queryable documents before reading the count. A row indexed in between is then simply not
    // seen yet, while the version it replaces is still queryable in the copy (the manager updates the bitmaps after
    // indexing), so a key is never missing from a snapshot.
    ImmutableRoaringBitmap queryable = docIds == null ? null : docIds.queryableSnapshot();
    return new MutableSegmentSnapshot(this, current, numDocs, queryable);
  }

  /// Attaches the valid/queryable documents of an upsert or dedup table (by the partition's metadata manager,
  /// before the first row is indexed). Snapshots taken afterwards expose them to queries.
  public void attachValidDocIds(ValidDocIds docIds) {
    this.validDocIds = docIds;
  }

  @Override
  public @Nullable ValidDocIds validDocIds() {
    return validDocIds;
  }

  private MutableColumn[] open() {
    MutableColumn[] current = columns;
    if (current == null || closed) {
      throw new IllegalStateException("Segment[" + config.segmentName() + "] is closed");
    }
    return current;
  }

  public MutableSegmentConfig config() {
    return config;
  }

  /// Estimated heap bytes held by the segment's structures (exact for chunked storage; estimated for objects).
  public long memoryBytes() {
    MutableColumn[] current = columns;
    return current == null ? 0 : memoryBytes(current);
  }

  private static long memoryBytes(MutableColumn[] columns) {
    long total = 0;
    for (MutableColumn column : columns) {
      total += column.memoryBytes();
    }
    return total;
  }

  @Override
  public String segmentName() {
    return config.segmentName();
  }

  /// The metadata of a fresh snapshot.
  @Override
  public SegmentMetadata metadata() {
    return snapshot().metadata();
  }

  /// The number of documents published so far (a volatile read).
  @Override
  public int numDocs() {
    return numDocs;
  }

  @Override
  public Set<String> columnNames() {
    return columnNames;
  }

  /// The column as seen by a fresh snapshot. Prefer reading through one [#snapshot()] per query.
  @Override
  public @Nullable DataSource dataSource(String column) {
    return snapshot().dataSource(column);
  }

  /// The ordinal of a column in schema order, or -1.
  int ordinal(String column) {
    Integer ordinal = ordinals.get(column);
    return ordinal == null ? -1 : ordinal;
  }

  /// Marks the segment closed: [#index] and [#snapshot()] fail from now on. Snapshots taken before stay readable
  /// (their memory is released by the garbage collector when they are dropped). Idempotent.
  @Override
  public void close() {
    closed = true;
    columns = null;
  }

  public boolean isClosed() {
    return closed;
  }

  @Override
  public String toString() {
    return "MutableSegment[" + config.segmentName() + ", " + numDocs + " docs]";
  }
}
