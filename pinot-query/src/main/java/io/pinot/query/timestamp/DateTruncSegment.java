// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.timestamp;

import io.pinot.segment.spi.DataSource;
import io.pinot.segment.spi.ForwardingIndexSegment;
import io.pinot.segment.spi.IndexSegment;
import io.pinot.spi.data.DataType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/// A segment seen by one query that uses `DATETRUNC` virtual columns ([DateTruncRewrite]): everything is the
/// segment's, except that the virtual columns are found too, as the segment's derived timestamp index column
/// (`$ts$DAY`) when it has it, else computed from the timestamp column ([ComputedDateTruncSource], built once per
/// query and segment). Closing it does nothing: the segment belongs to its owner. Thread-safe.
final class DateTruncSegment extends ForwardingIndexSegment {
  private final Map<String, DateTruncCall> calls;
  private final Map<String, DataSource> computed = new ConcurrentHashMap<>();

  DateTruncSegment(IndexSegment segment, Map<String, DateTruncCall> calls) {
    super(segment);
    this.calls = calls;
  }

  @Override
  public @Nullable DataSource dataSource(String column) {
    IndexSegment segment = delegate();
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
}
