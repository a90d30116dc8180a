// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.filter;

import io.pinot.query.context.FilterNode;
import io.pinot.query.context.Identifier;
import io.pinot.query.context.Predicate;
import io.pinot.query.reduce.Values;
import io.pinot.segment.spi.BloomFilterReader;
import io.pinot.segment.spi.ColumnMetadata;
import io.pinot.segment.spi.DataSource;
import io.pinot.segment.spi.IndexSegment;
import io.pinot.spi.data.DataType;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/// Decides that a segment cannot match a filter, as Pinot's `ColumnValueSegmentPruner`: an EQ, IN or range
/// predicate whose values all fall outside the column's `[min, max]` metadata, or an EQ or IN predicate whose values
/// the column's bloom filter rules out, under AND (any child suffices) or OR (every child must prune).
/// Thread-safe (no state).
public final class SegmentPruner {
  private SegmentPruner() {
  }

  /// Whether no document of the segment can match the filter.
  public static boolean canPrune(@Nullable FilterNode filter, IndexSegment segment) {
    if (filter == null) {
      return false;
    }
    return switch (filter) {
      case FilterNode.And and -> anyPrunes(and.children(), segment);
      case FilterNode.Or or -> allPrune(or.children(), segment);
      case FilterNode.Not not -> false;
      case Predicate predicate -> prunes(predicate, segment);
    };
  }

  private static boolean anyPrunes(List<FilterNode> children, IndexSegment segment) {
    for (FilterNode child : children) {
      if (canPrune(child, segment)) {
        return true;
      }
    }
    return false;
  }

  private static boolean allPrune(List<FilterNode> children, IndexSegment segment) {
    for (FilterNode child : children) {
      if (!canPrune(child, segment)) {
        return false;
      }
    }
    return !children.isEmpty();
  }

  private static boolean prunes(Predicate predicate, IndexSegment segment) {
    if (!(predicate.lhs() instanceof Identifier identifier)) {
      return false;
    }
    DataSource dataSource = segment.dataSource(identifier.name());
    if (dataSource == null) {
      return false;
    }
    ColumnMetadata metadata = dataSource.metadata();
    Object min = metadata.minValue();
    Object max = metadata.maxValue();
    DataType type = metadata.dataType();
    // FLOAT filter values compare after rounding to float, so exact bounds could prune wrongly.
    boolean minMax = min != null && max != null && type.storedType() != DataType.BYTES
        && type.storedType() != DataType.FLOAT;
    BloomFilterReader bloom = dataSource.bloomFilter();
    String column = identifier.name();
    return switch (predicate) {
      case Predicate.Eq eq -> absent(eq.value(), minMax, bloom, type, column, min, max);
      case Predicate.In in -> {
        for (Object value : in.values()) {
          if (!absent(value, minMax, bloom, type, column, min, max)) {
            yield false;
          }
        }
        yield true;
      }
      case Predicate.Range range -> minMax && rangeOutside(range, type, column, min, max);
      default -> false;
    };
  }

  /// Whether no document can hold `literal`: it lies outside `[min, max]`, no value of the column's type equals
  /// it, or the bloom filter rules it out.
  private static boolean absent(Object literal, boolean minMax, @Nullable BloomFilterReader bloom, DataType type,
      String column, @Nullable Object min, @Nullable Object max) {
    if (minMax && outside(FilterValues.comparable(literal, type, column), min, max)) {
      return true;
    }
    if (bloom == null) {
      return false;
    }
    Object value = FilterValues.exactStored(literal, type, column);
    return value == null || !bloom.mightContain(value);
  }

  private static boolean rangeOutside(Predicate.Range range, DataType type, String column, Object min, Object max) {
    if (range.lower() != null) {
      int cmp = compare(FilterValues.comparable(range.lower(), type, column), max);
      if (cmp > 0 || cmp == 0 && !range.lowerInclusive()) {
        return true;
      }
    }
    if (range.upper() != null) {
      int cmp = compare(FilterValues.comparable(range.upper(), type, column), min);
      return cmp < 0 || cmp == 0 && !range.upperInclusive();
    }
    return false;
  }

  private static boolean outside(Object value, Object min, Object max) {
    return compare(value, min) < 0 || compare(value, max) > 0;
  }

  /// Compares a converted literal (BigDecimal or String) with a recorded min/max value.
  private static int compare(Object value, Object bound) {
    if (value instanceof BigDecimal number) {
      if (bound instanceof Double d && (d.isNaN() || d.isInfinite())) {
        return d.isNaN() ? -1 : d > 0 ? -1 : 1;
      }
      BigDecimal other = bound instanceof BigDecimal decimal ? decimal
          : bound instanceof Number n && !(bound instanceof Double)
              ? BigDecimal.valueOf(n.longValue()) : new BigDecimal(bound.toString());
      return number.compareTo(other);
    }
    return Values.compare(value.toString(), bound.toString());
  }
}
