// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.upsert;

import io.pinot.segment.mutable.StoredValues;
import io.pinot.spi.config.table.UpsertConfig.Strategy;
import io.pinot.spi.data.FieldSpec;
import io.pinot.spi.data.readers.GenericRow;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/// Merges an incoming row of a PARTIAL upsert table with the latest version of its key, per column strategy, with
/// the rules of Pinot's `PartialUpsertColumnarMerger` and `PartialUpsertHandler`:
/// - primary-key and comparison columns are not merged; a comparison column the row leaves null takes the previous
///   value;
/// - `OVERWRITE`: the new value, or the previous one when the new value is null;
/// - `FORCE_OVERWRITE`: the new value, even null;
/// - the other strategies: the new value when the previous one is null, the previous one when the new value is null,
///   else `IGNORE` the previous value, `INCREMENT` the sum, `MAX`/`MIN` the greater/smaller, `APPEND` the previous
///   values followed by the new ones, `UNION` the distinct values of both in ascending order.
///
/// Null means absent from the row or null (an empty multi-value counts as null); previous values are null where the
/// segment's null value vector says so. Merged values are stored values (see [StoredValues]). Stateless apart from
/// its configuration; thread-safe.
final class PartialUpsertMerger {
  private final String[] columns;
  private final FieldSpec[] specs;
  private final Strategy[] strategies;
  private final String[] comparisonColumns;

  PartialUpsertMerger(UpsertContext context) {
    Map<String, Strategy> configured = context.strategies();
    this.columns = configured.keySet().toArray(new String[0]);
    this.specs = new FieldSpec[columns.length];
    this.strategies = new Strategy[columns.length];
    for (int i = 0; i < columns.length; i++) {
      specs[i] = context.schema().fieldSpec(columns[i]);
      strategies[i] = configured.get(columns[i]);
    }
    this.comparisonColumns = context.comparisonColumns().toArray(new String[0]);
  }

  /// The columns a merge reads from the previous version: the merged columns, then the comparison columns.
  List<String> previousColumns() {
    List<String> names = new ArrayList<>(List.of(columns));
    names.addAll(List.of(comparisonColumns));
    return names;
  }

  /// Merges the previous version (document `docId` read through `previous`, over [#previousColumns()]) into `row`.
  void merge(DocValues previous, int docId, GenericRow row) {
    for (int i = 0; i < columns.length; i++) {
      Strategy strategy = strategies[i];
      if (strategy == Strategy.FORCE_OVERWRITE) {
        continue;
      }
      Object next = nullIfEmpty(row.getValue(columns[i]));
      Object prev = previous.value(i, docId);
      if (prev == null) {
        continue;
      }
      if (next == null) {
        row.putValue(columns[i], prev);
      } else if (strategy != Strategy.OVERWRITE) {
        row.putValue(columns[i], merge(strategy, prev, stored(specs[i], next)));
      }
    }
    for (int i = 0; i < comparisonColumns.length; i++) {
      if (row.getValue(comparisonColumns[i]) == null) {
        Object prev = previous.value(columns.length + i, docId);
        if (prev != null) {
          row.putValue(comparisonColumns[i], prev);
        }
      }
    }
  }

  /// The merge of two non-null stored values by a strategy other than OVERWRITE and FORCE_OVERWRITE.
  static Object merge(Strategy strategy, Object prev, Object next) {
    return switch (strategy) {
      case IGNORE -> prev;
      case OVERWRITE, FORCE_OVERWRITE -> next;
      case INCREMENT -> add(prev, next);
      case MAX -> ComparisonValues.compare(ComparisonValues.of(prev), ComparisonValues.of(next)) > 0 ? prev : next;
      case MIN -> ComparisonValues.compare(ComparisonValues.of(prev), ComparisonValues.of(next)) < 0 ? prev : next;
      case APPEND -> append((Object[]) prev, (Object[]) next);
      case UNION -> union((Object[]) prev, (Object[]) next);
    };
  }

  private static Object stored(FieldSpec spec, Object raw) {
    return spec.singleValue() ? StoredValues.toStored(spec, raw) : StoredValues.toStoredMulti(spec, raw);
  }

  private static @Nullable Object nullIfEmpty(@Nullable Object value) {
    return value instanceof Object[] array && array.length == 0
        || value instanceof List<?> list && list.isEmpty() ? null : value;
  }

  private static Object add(Object a, Object b) {
    return switch (a) {
      case Integer i -> i + ((Number) b).intValue();
      case Long l -> l + ((Number) b).longValue();
      case Float f -> f + ((Number) b).floatValue();
      case Double d -> d + ((Number) b).doubleValue();
      case BigDecimal d -> d.add(b instanceof BigDecimal other ? other : new BigDecimal(b.toString()));
      default -> throw new IllegalArgumentException("INCREMENT cannot add values of type " + a.getClass()
          .getSimpleName());
    };
  }

  private static Object[] append(Object[] a, Object[] b) {
    Object[] merged = new Object[a.length + b.length];
    System.arraycopy(a, 0, merged, 0, a.length);
    System.arraycopy(b, 0, merged, a.length, b.length);
    return merged;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object[] union(Object[] a, Object[] b) {
    TreeMap<Comparable, Object> distinct = new TreeMap<>();
    for (Object value : a) {
      distinct.putIfAbsent(ComparisonValues.of(value), value);
    }
    for (Object value : b) {
      distinct.putIfAbsent(ComparisonValues.of(value), value);
    }
    return distinct.values().toArray();
  }
}
