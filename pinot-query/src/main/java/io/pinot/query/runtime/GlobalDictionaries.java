// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.runtime;

import io.pinot.common.datatable.ColumnDataType;
import io.pinot.query.context.Expression;
import io.pinot.query.context.Identifier;
import io.pinot.query.context.QueryContext;
import io.pinot.query.reduce.GlobalDictionary;
import io.pinot.segment.spi.DataSource;
import io.pinot.segment.spi.Dictionary;
import io.pinot.segment.spi.IndexSegment;
import io.pinot.spi.data.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;

/// A server's [GlobalDictionary] per table and column, made on the first GROUP BY over one dictionary-encoded column
/// of several immutable segments and reused by every later one. A column's dictionary is dropped and started afresh
/// once it holds more than [#MAX_VALUES] values or [#MAX_VALUE_BYTES] bytes of values (segments come and go; their
/// values stay until then), and none is made for a query whose segment dictionaries hold more than [#MAX_MAPPED_IDS]
/// values in all (the size of their id arrays).
/// Thread-safe.
final class GlobalDictionaries {
  /// The most values a column's global dictionary holds.
  static final int MAX_VALUES = 1 << 22;
  /// The most segment dictionary values one query maps (64 MB of id arrays).
  static final int MAX_MAPPED_IDS = 1 << 24;
  /// The most bytes of values (UTF-8 bytes, 8 per number) a column's global dictionary holds.
  static final long MAX_VALUE_BYTES = 128L << 20;

  private final ConcurrentMap<String, GlobalDictionary> dictionaries = new ConcurrentHashMap<>();

  /// The number of columns with a global dictionary.
  int size() {
    return dictionaries.size();
  }

  /// The global ids of the query's single group-by column in the segments, or null when the query or a segment does
  /// not qualify: one plain single-value column with a sorted (immutable) dictionary of a supported type in every
  /// segment, no null handling, at least two segments.
  GlobalDictionary.@Nullable Snapshot forGroupBy(String table, QueryContext query, ColumnDataType keyType,
      List<IndexSegment> segments) {
    List<Expression> groupBy = query.groupByExpressions();
    if (segments.size() < 2 || groupBy.size() != 1 || query.nullHandlingEnabled()
        || !(groupBy.get(0) instanceof Identifier identifier) || identifier.isStar()) {
      return null;
    }
    String column = identifier.name();
    List<Dictionary> segmentDictionaries = new ArrayList<>(segments.size());
    DataType type = null;
    long numValues = 0;
    for (IndexSegment segment : segments) {
      DataSource source = segment.dataSource(column);
      Dictionary dictionary = source == null ? null : source.dictionary();
      if (dictionary == null || !dictionary.sorted() || !source.metadata().singleValue()
          || type != null && dictionary.valueType() != type) {
        return null;
      }
      type = dictionary.valueType();
      numValues += dictionary.length();
      segmentDictionaries.add(dictionary);
    }
    if (!GlobalDictionary.supports(type) || !keyType.storedType().name().equals(type.name())
        || numValues > MAX_MAPPED_IDS) {
      return null;
    }
    DataType columnType = type;
    GlobalDictionary dictionary = dictionaries.compute(table + '\u0000' + column,
        (key, existing) -> existing == null || existing.type() != columnType || existing.size() > MAX_VALUES
            || existing.valueBytes() > MAX_VALUE_BYTES ? new GlobalDictionary(columnType) : existing);
    return dictionary.snapshot(segmentDictionaries);
  }
}
