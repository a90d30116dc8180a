// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.timestamp;

import io.pinot.segment.spi.DataSource;
import io.pinot.segment.spi.IndexSegment;
import io.pinot.segment.spi.SegmentMetadata;
import io.pinot.segment.spi.ValidDocIds;
import io.pinot.segment.spi.startree.StarTreeV2;
import io.pinot.spi.data.DataType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/// A segment seen by one query that uses `DATETRUNC` virtual columns ([DateTruncRewrite]): everything is the
/// segment's, except that the virtual columns are found too, as the segment's derived timestamp index column
/// (`$ts$DAY`) when it has it, else computed from the timestamp column ([ComputedDateTruncSource], built once per
/// query and segment). Closing it does nothing: the segment belongs to its owner. Thread-safe.
final class DateTruncSegment implements IndexSegment {
  private final IndexSegment segment;
  private final Map<String, DateTruncCall> calls;
  private final Map<String, DataSource> computed = new ConcurrentHashMap<>();

  DateTruncSegment(IndexSegment segment, Map<String, DateTruncCall> calls) {
    this.segment = segment;
    this.calls = calls;
  }

  @Override
  public String segmentName() {
    return segment.segmentName();
  }

  @Override
  public SegmentMetadata metadata() {
    return segment.metadata();
  }

  @Override
  public int numDocs() {
    return segment.numDocs();
  }

  @Override
  public Set<String> columnNames() {
    return segment.columnNames();
  }

  @Override
  public @Nullable DataSource dataSource(String column) {
    DateTruncCall call = calls.get(column);
    if (call == null) {
      return segment.dataSource(column);
    }
    DataSource derived = segment.dataSource(call.derivedColumn());
    if (derived != null && derived.metadata().singleValue()
        && derived.metadata().dataType().storedType() == DataType.LONG) {
      return derived;
    }
    DataSource source = segment.dataSource(call.source());
    if (source == null) {
      return null;
    }
    return computed.computeIfAbsent(column, name -> ComputedDateTruncSource.of(name, source, call.granularity()));
  }

  @Override
  public List<StarTreeV2> starTrees() {
    return segment.starTrees();
  }

  @Override
  public @Nullable ValidDocIds validDocIds() {
    return segment.validDocIds();
  }

  @Override
  public @Nullable ImmutableRoaringBitmap queryableDocIds() {
    return segment.queryableDocIds();
  }

  @Override
  public void close() {
    // The wrapped segment is released by its owner.
  }

  @Override
  public String toString() {
    return "DateTruncSegment[" + segment + "]";
  }
}
