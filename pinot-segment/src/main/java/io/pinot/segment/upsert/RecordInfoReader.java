// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.upsert;

import io.pinot.segment.mutable.StoredValues;
import io.pinot.segment.spi.IndexSegment;
import io.pinot.spi.config.table.HashFunction;
import io.pinot.spi.data.FieldSpec;
import io.pinot.spi.data.readers.GenericRow;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/// Computes the [RecordInfo] of incoming rows (from their values converted to stored values, exactly as the
/// consuming segment stores them) and of the documents of a segment. Not thread-safe (a reused key array); a
/// segment reader belongs to one call.
final class RecordInfoReader {
  private final List<String> primaryKeyColumns;
  private final FieldSpec[] primaryKeySpecs;
  private final List<String> comparisonColumns;
  private final FieldSpec[] comparisonSpecs;
  private final @Nullable String deleteColumn;
  private final @Nullable FieldSpec deleteSpec;
  private final HashFunction hashFunction;
  private final Object[] keyValues;

  RecordInfoReader(UpsertContext context) {
    this(context, context.primaryKeyColumns(), context.comparisonColumns(), context.deleteRecordColumn(),
        context.hashFunction());
  }

  RecordInfoReader(UpsertContext context, List<String> primaryKeyColumns, List<String> comparisonColumns,
      @Nullable String deleteColumn, HashFunction hashFunction) {
    this.primaryKeyColumns = primaryKeyColumns;
    this.primaryKeySpecs = specs(context, primaryKeyColumns);
    this.comparisonColumns = comparisonColumns;
    this.comparisonSpecs = specs(context, comparisonColumns);
    this.deleteColumn = deleteColumn;
    this.deleteSpec = deleteColumn == null ? null : context.schema().fieldSpec(deleteColumn);
    this.hashFunction = hashFunction;
    this.keyValues = new Object[primaryKeyColumns.size()];
  }

  private static FieldSpec[] specs(UpsertContext context, List<String> columns) {
    FieldSpec[] specs = new FieldSpec[columns.size()];
    for (int i = 0; i < specs.length; i++) {
      specs[i] = context.schema().fieldSpec(columns.get(i));
    }
    return specs;
  }

  /// The primary-key map key of a row.
  ///
  /// @throws IllegalArgumentException when a key value cannot be converted to its column's type
  Object key(GenericRow row) {
    for (int i = 0; i < keyValues.length; i++) {
      keyValues[i] = StoredValues.toStored(primaryKeySpecs[i], row.getValue(primaryKeyColumns.get(i)));
    }
    return PrimaryKeys.key(keyValues, hashFunction);
  }

  /// The record info of a row arriving from a stream.
  ///
  /// @throws IllegalArgumentException when a value cannot be converted, or when a table with several comparison
  ///     columns gets a row without exactly one non-null comparison value
  RecordInfo of(GenericRow row) {
    return new RecordInfo(key(row), comparison(row), isDelete(row.getValue(deleteColumn == null ? "" : deleteColumn)));
  }

  private Comparable<?> comparison(GenericRow row) {
    if (comparisonSpecs.length == 1) {
      return ComparisonValues.of(StoredValues.toStored(comparisonSpecs[0], row.getValue(comparisonColumns.get(0))));
    }
    Comparable<?>[] values = new Comparable<?>[comparisonSpecs.length];
    int index = -1;
    for (int i = 0; i < values.length; i++) {
      Object raw = row.getValue(comparisonColumns.get(i));
      if (raw != null) {
        if (index >= 0) {
          throw new IllegalArgumentException("Documents must have exactly 1 non-null comparison column value, got "
              + comparisonColumns.get(index) + " and " + comparisonColumns.get(i));
        }
        index = i;
        values[i] = ComparisonValues.of(StoredValues.toStored(comparisonSpecs[i], raw));
      }
    }
    if (index < 0) {
      throw new IllegalArgumentException("Documents must have exactly 1 non-null comparison column value, got none"
          + " of " + comparisonColumns);
    }
    return new ComparisonValues.Multi(values, index);
  }

  private boolean isDelete(@Nullable Object raw) {
    if (deleteSpec == null || raw == null) {
      return false;
    }
    return switch (raw) {
      case Boolean b -> b;
      case Number n -> n.doubleValue() != 0;
      default -> isTrue(StoredValues.toStored(deleteSpec, raw));
    };
  }

  private static boolean isTrue(Object stored) {
    return switch (stored) {
      case Number n -> n.doubleValue() != 0;
      case String s -> s.trim().equalsIgnoreCase("true") || s.trim().equals("1");
      default -> false;
    };
  }

  /// A reader of the record infos of a segment's documents.
  Segment segment(IndexSegment segment) {
    return new Segment(segment);
  }

  /// The record infos of one segment's documents. Not thread-safe.
  final class Segment {
    private final DocValues values;
    private final int numKeys;
    private final int numComparisons;

    private Segment(IndexSegment segment) {
      List<String> names = new ArrayList<>(primaryKeyColumns);
      names.addAll(comparisonColumns);
      if (deleteColumn != null) {
        names.add(deleteColumn);
      }
      this.values = new DocValues(segment, names);
      this.numKeys = primaryKeyColumns.size();
      this.numComparisons = comparisonColumns.size();
    }

    /// The primary-key map key of a document.
    Object key(int docId) {
      for (int i = 0; i < numKeys; i++) {
        keyValues[i] = values.rawValue(i, docId);
      }
      return PrimaryKeys.key(keyValues, hashFunction);
    }

    /// The record info of a document.
    RecordInfo info(int docId) {
      Object key = key(docId);
      Comparable<?> comparison;
      if (numComparisons == 1) {
        comparison = ComparisonValues.of(values.rawValue(numKeys, docId));
      } else {
        Comparable<?>[] multi = new Comparable<?>[numComparisons];
        for (int i = 0; i < numComparisons; i++) {
          multi[i] = ComparisonValues.of(values.value(numKeys + i, docId));
        }
        comparison = new ComparisonValues.Multi(multi, ComparisonValues.Multi.SEALED);
      }
      boolean deleted = deleteColumn != null && isTrue(values.rawValue(numKeys + numComparisons, docId));
      return new RecordInfo(key, comparison, deleted);
    }
  }
}
