// SPDX-License-Identifier: Apache-2.0
package io.pinot.broker.pruning;

import io.pinot.query.context.FilterNode;
import io.pinot.query.context.Identifier;
import io.pinot.query.context.Predicate;
import io.pinot.spi.data.DataType;
import io.pinot.spi.data.FieldSpec;
import io.pinot.spi.data.Schema;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/// Apache Pinot's broker partition pruning: a segment whose partitioned column holds none of the partitions of the
/// values an `=` or `IN` predicate on that column asks for cannot match, so it is not routed. AND needs every child
/// to be able to match, OR any child; NOT and every other predicate keep the segment. Values are partitioned by the
/// text form the segment creator used (Java's text of the stored INT or LONG, the STRING itself); other column
/// types and values that do not convert exactly keep the segment. Stateless.
public final class PartitionPruner {
  private PartitionPruner() {
  }

  /// Whether a segment with these partitions may hold rows matching `filter` (true without a filter).
  public static boolean canMatch(@Nullable FilterNode filter, SegmentPartitionInfo info, Schema schema) {
    if (filter == null) {
      return true;
    }
    return switch (filter) {
      case FilterNode.And and -> all(and.children(), info, schema);
      case FilterNode.Or or -> any(or.children(), info, schema);
      case FilterNode.Not not -> true;
      case Predicate.Eq eq -> canMatch(eq.lhs(), List.of(eq.value()), info, schema);
      case Predicate.In in -> canMatch(in.lhs(), in.values(), info, schema);
      case Predicate predicate -> true;
    };
  }

  private static boolean all(List<FilterNode> children, SegmentPartitionInfo info, Schema schema) {
    for (FilterNode child : children) {
      if (!canMatch(child, info, schema)) {
        return false;
      }
    }
    return true;
  }

  private static boolean any(List<FilterNode> children, SegmentPartitionInfo info, Schema schema) {
    for (FilterNode child : children) {
      if (canMatch(child, info, schema)) {
        return true;
      }
    }
    return false;
  }

  private static boolean canMatch(Object lhs, List<Object> values, SegmentPartitionInfo info, Schema schema) {
    if (!(lhs instanceof Identifier identifier)) {
      return true;
    }
    SegmentPartitionInfo.ColumnPartitions column = info.columns().get(identifier.name());
    FieldSpec spec = schema.fieldSpec(identifier.name());
    if (column == null || spec == null) {
      return true;
    }
    for (Object value : values) {
      String text = text(value, spec.dataType());
      if (text == null) {
        return true;
      }
      try {
        if (column.partitions().contains(column.function().partition(text))) {
          return true;
        }
      } catch (IllegalArgumentException e) {
        return true;
      }
    }
    return false;
  }

  /// The text the segment creator partitioned a stored value by, or null when unknown for this type or value.
  static @Nullable String text(@Nullable Object value, DataType type) {
    if (value == null) {
      return null;
    }
    return switch (type) {
      case STRING -> value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
      case INT, LONG -> integral(value, type == DataType.INT);
      default -> null;
    };
  }

  private static @Nullable String integral(Object value, boolean isInt) {
    BigDecimal number;
    try {
      number = value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString().trim());
    } catch (NumberFormatException e) {
      return null;
    }
    try {
      long exact = number.longValueExact();
      if (isInt && (exact < Integer.MIN_VALUE || exact > Integer.MAX_VALUE)) {
        return null;
      }
      return Long.toString(exact);
    } catch (ArithmeticException e) {
      return null;
    }
  }
}
