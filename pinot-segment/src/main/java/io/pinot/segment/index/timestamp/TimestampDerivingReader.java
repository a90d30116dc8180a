// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.timestamp;

import io.pinot.spi.data.DataType;
import io.pinot.spi.data.FieldSpec;
import io.pinot.spi.data.Schema;
import io.pinot.spi.data.readers.GenericRow;
import io.pinot.spi.data.readers.RecordReader;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/// A record reader adding the values of timestamp index derived columns to every record: `$ts$DAY` gets the
/// record's `ts` converted to epoch millis as the `ts` column converts it, truncated to the day. A null or missing
/// `ts` gives a null derived value (the derived column then holds its default and, with null handling, records the
/// null); a `ts` that cannot be converted also gives null, leaving the error to the `ts` column itself.
/// Not thread-safe.
final class TimestampDerivingReader implements RecordReader {
  private final RecordReader delegate;
  private final String[] names;
  private final String[] sources;
  private final DataType[] sourceTypes;
  private final TimestampGranularity[] granularities;

  TimestampDerivingReader(RecordReader delegate, List<TimestampIndexes.DerivedColumn> derived, Schema schema) {
    this.delegate = delegate;
    int count = derived.size();
    this.names = new String[count];
    this.sources = new String[count];
    this.sourceTypes = new DataType[count];
    this.granularities = new TimestampGranularity[count];
    for (int i = 0; i < count; i++) {
      TimestampIndexes.DerivedColumn column = derived.get(i);
      FieldSpec source = schema.fieldSpec(column.source());
      if (source == null) {
        throw new IllegalArgumentException("Timestamp index source column[" + column.source() + "] is not in the "
            + "schema");
      }
      names[i] = column.name();
      sources[i] = column.source();
      sourceTypes[i] = source.dataType();
      granularities[i] = column.granularity();
    }
  }

  @Override
  public boolean hasNext() {
    return delegate.hasNext();
  }

  @Override
  public GenericRow next(GenericRow reuse) throws IOException {
    GenericRow row = delegate.next(reuse);
    Long millis = null;
    for (int i = 0; i < names.length; i++) {
      if (i == 0 || !sources[i].equals(sources[i - 1])) {
        millis = millis(row.getValue(sources[i]), sourceTypes[i]);
      }
      row.putValue(names[i], millis == null ? null : granularities[i].truncate(millis));
    }
    return row;
  }

  /// The epoch millis of a reader value, as the source column would store it, or null.
  private static @Nullable Long millis(@Nullable Object raw, DataType type) {
    Object value = raw;
    if (value instanceof List<?> list) {
      value = list.size() == 1 ? list.get(0) : null;
    } else if (value instanceof Object[] array) {
      value = array.length == 1 ? array[0] : null;
    }
    if (value == null) {
      return null;
    }
    try {
      return (Long) type.convertValue(value);
    } catch (IllegalArgumentException | ClassCastException e) {
      return null;
    }
  }

  @Override
  public void rewind() throws IOException {
    delegate.rewind();
  }

  @Override
  public String position() {
    return delegate.position();
  }

  @Override
  public void close() throws IOException {
    delegate.close();
  }
}
