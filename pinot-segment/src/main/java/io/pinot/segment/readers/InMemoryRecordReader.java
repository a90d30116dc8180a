// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.readers;

import io.pinot.spi.data.readers.GenericRow;
import io.pinot.spi.data.readers.RecordReader;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/// Reads records from a list held in memory (tests, small imports). Each element is a [GenericRow] or a
/// `Map<String, ?>` of column values; the values are handed over as they are. `position()` is `record <n>`
/// (1-based). Not thread-safe; the list must not change while it is read.
public final class InMemoryRecordReader implements RecordReader {
  private final List<?> records;
  private int next;

  /// A reader over `records`, whose elements are `GenericRow`s or `Map<String, ?>`s.
  ///
  /// @throws IllegalArgumentException when an element is neither
  public InMemoryRecordReader(List<?> records) {
    for (Object record : records) {
      if (!(record instanceof GenericRow) && !(record instanceof Map<?, ?>)) {
        throw new IllegalArgumentException("Records must be GenericRow or Map, not "
            + (record == null ? "null" : record.getClass().getSimpleName()));
      }
    }
    this.records = List.copyOf(records);
  }

  @Override
  public boolean hasNext() {
    return next < records.size();
  }

  @Override
  public GenericRow next(GenericRow reuse) {
    if (!hasNext()) {
      throw new NoSuchElementException("No more records");
    }
    Object record = records.get(next++);
    reuse.clear();
    Map<?, ?> fields = record instanceof GenericRow row ? row.fields() : (Map<?, ?>) record;
    for (Map.Entry<?, ?> field : fields.entrySet()) {
      reuse.putValue(String.valueOf(field.getKey()), field.getValue());
    }
    return reuse;
  }

  @Override
  public void rewind() {
    next = 0;
  }

  @Override
  public String position() {
    return "record " + next;
  }

  @Override
  public void close() {
  }
}
