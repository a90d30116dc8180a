// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.mutable;

import io.pinot.segment.creator.name.TimeFormatSpec;
import io.pinot.segment.spi.ColumnMetadata;
import io.pinot.segment.spi.DataSource;
import io.pinot.segment.spi.IndexSegment;
import io.pinot.segment.spi.SegmentMetadata;
import io.pinot.segment.spi.ValidDocIds;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.FieldSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/// A consistent, read-only view of the first [#numDocs()] documents of a [MutableSegment], taken by
/// [MutableSegment#snapshot()]: every reader it hands out is bounded to that count, so one query sees one prefix of
/// the rows even while the writer keeps indexing.
///
/// Metadata is exact for the prefix: total docs, per-column cardinality (the dictionary view's length is the number
/// of distinct values of these documents), minimum and maximum, values per row, total entries; `sorted` is false
/// and there is no sorted index. The segment's time range comes from the time column's minimum and maximum once the
/// snapshot has documents (Pinot's consuming segments have none until values arrive). The format version is
/// [#FORMAT_VERSION] and the CRC -1 (the segment exists only in memory).
///
/// Data sources and metadata are built on first use and cached. Thread-safe; [#close()] does nothing (the view owns
/// no memory; the segment's structures stay alive while a snapshot references them).
public final class MutableSegmentSnapshot implements IndexSegment {
  /// The `formatVersion` reported for mutable segments.
  public static final String FORMAT_VERSION = "mutable";

  private final MutableSegment segment;
  private final MutableColumn[] columns;
  private final int numDocs;
  private final AtomicReferenceArray<DataSource> dataSources;
  private final @Nullable ImmutableRoaringBitmap queryableDocIds;
  private volatile @Nullable SegmentMetadata metadata;

  MutableSegmentSnapshot(MutableSegment segment, MutableColumn[] columns, int numDocs,
      @Nullable ImmutableRoaringBitmap queryableDocIds) {
    this.segment = segment;
    this.columns = columns;
    this.numDocs = numDocs;
    this.queryableDocIds = queryableDocIds;
    this.dataSources = new AtomicReferenceArray<>(columns.length);
  }

  @Override
  public String segmentName() {
    return segment.segmentName();
  }

  @Override
  public int numDocs() {
    return numDocs;
  }

  @Override
  public Set<String> columnNames() {
    return segment.columnNames();
  }

  @Override
  public @Nullable DataSource dataSource(String column) {
    int ordinal = segment.ordinal(column);
    return ordinal < 0 ? null : dataSource(ordinal);
  }

  DataSource dataSource(int ordinal) {
    DataSource dataSource = dataSources.get(ordinal);
    if (dataSource == null) {
      dataSource = columns[ordinal].dataSource(numDocs);
      dataSources.compareAndSet(ordinal, null, dataSource);
    }
    return dataSource;
  }

  /// The live valid documents of the segment (upsert and dedup tables), or null.
  @Override
  public @Nullable ValidDocIds validDocIds() {
    return segment.validDocIds();
  }

  /// The queryable documents as copied when the snapshot was taken (before its document count was read), or null.
  @Override
  public @Nullable ImmutableRoaringBitmap queryableDocIds() {
    return queryableDocIds;
  }

  /// The column of a document's values, for readers of the whole segment ([MutableSegmentRecordReader]).
  MutableColumn column(int ordinal) {
    return columns[ordinal];
  }

  int numColumns() {
    return columns.length;
  }

  /// The ordinal of a column in schema order, or -1.
  int ordinal(String column) {
    return segment.ordinal(column);
  }

  /// The configuration of the segment this snapshot views.
  public MutableSegmentConfig segmentConfig() {
    return segment.config();
  }

  @Override
  public SegmentMetadata metadata() {
    SegmentMetadata current = metadata;
    if (current == null) {
      current = buildMetadata();
      metadata = current;
    }
    return current;
  }

  private SegmentMetadata buildMetadata() {
    Map<String, ColumnMetadata> columnMetadata = new LinkedHashMap<>();
    for (int i = 0; i < columns.length; i++) {
      columnMetadata.put(columns[i].spec().name(), dataSource(i).metadata());
    }
    MutableSegmentConfig config = segment.config();
    TableConfig tableConfig = config.tableConfig();
    String timeColumn = tableConfig.segmentsConfig().timeColumnName();
    ColumnMetadata time = timeColumn == null ? null : columnMetadata.get(timeColumn);
    long[] range = time == null || time.minValue() == null ? null : timeRange(time);
    TimeUnit unit = range == null ? null : TimeUnit.values()[(int) range[2]];
    return new SegmentMetadata(segment.segmentName(), tableConfig.rawTableName(), numDocs,
        time == null ? null : timeColumn, range == null ? -1 : range[0], range == null ? -1 : range[1], unit,
        FORMAT_VERSION, config.creationTime(), -1, columnMetadata, Map.of());
  }

  /// Start time, end time and unit ordinal as immutable segments record them: EPOCH values in the format's unit
  /// (multiplied by its size), other formats in epoch milliseconds; null when the format is not understood.
  private long @Nullable [] timeRange(ColumnMetadata time) {
    FieldSpec spec = segment.config().schema().fieldSpec(time.name());
    if (spec == null) {
      return null;
    }
    String format = spec.format();
    if (format == null) {
      String timeType = segment.config().tableConfig().segmentsConfig().timeType();
      format = "1:" + (timeType == null ? "MILLISECONDS" : timeType) + ":EPOCH";
    }
    try {
      TimeFormatSpec timeFormat = TimeFormatSpec.parse(format);
      if (timeFormat.epochUnit() != null) {
        return new long[] {epoch(time.minValue()) * timeFormat.epochSize(),
            epoch(time.maxValue()) * timeFormat.epochSize(), timeFormat.epochUnit().ordinal()};
      }
      return new long[] {timeFormat.toMillis(time.minValue()), timeFormat.toMillis(time.maxValue()),
          TimeUnit.MILLISECONDS.ordinal()};
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static long epoch(@Nullable Object value) {
    return value instanceof Number number ? number.longValue() : Long.parseLong(String.valueOf(value).trim());
  }

  /// Nothing to release: the snapshot owns no memory.
  @Override
  public void close() {
  }

  @Override
  public String toString() {
    return "MutableSegmentSnapshot[" + segment.segmentName() + ", " + numDocs + " docs]";
  }
}
