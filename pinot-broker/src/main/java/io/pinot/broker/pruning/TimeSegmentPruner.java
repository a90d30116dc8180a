// SPDX-License-Identifier: Apache-2.0
package io.pinot.broker.pruning;

import io.pinot.broker.routing.TableRoute;
import io.pinot.common.metadata.SegmentZkMetadata;
import io.pinot.query.context.FilterNode;
import io.pinot.query.context.Identifier;
import io.pinot.query.context.Predicate;
import io.pinot.segment.creator.name.TimeFormatSpec;
import io.pinot.spi.data.FieldSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/// Apache Pinot's broker time pruning (`TimeSegmentPruner`): the filter's predicates on the table's time column
/// (`=`, `IN`, `<`, `<=`, `>`, `>=`, `BETWEEN`, combined with AND, OR and NOT) become a set of time ranges in epoch
/// milliseconds, converted with the column's date-time format; a segment whose recorded `[startTime, endTime]`
/// (from its ZooKeeper metadata) meets none of them cannot match and is not routed. A filter whose time ranges are
/// empty (`t < 5 AND t > 10`) prunes every segment. Predicates on other columns, values that do not convert exactly,
/// `<>`/`NOT IN`, and segments without a recorded time range never prune. Stateless.
public final class TimeSegmentPruner {
  private TimeSegmentPruner() {
  }

  /// Names of the segments of `route` that cannot match `filter`; empty when nothing can be pruned by time.
  public static Set<String> pruned(TableRoute route, @Nullable FilterNode filter) {
    if (filter == null || route.timeIntervals().isEmpty() || route.schema() == null) {
      return Set.of();
    }
    String timeColumn = route.tableConfig().segmentsConfig().timeColumnName();
    FieldSpec spec = timeColumn == null ? null : route.schema().fieldSpec(timeColumn);
    if (spec == null) {
      return Set.of();
    }
    TimeFormatSpec format;
    try {
      String timeType = route.tableConfig().segmentsConfig().timeType();
      format = TimeFormatSpec.parse(spec.format() != null ? spec.format()
          : "1:" + (timeType == null ? "MILLISECONDS" : timeType) + ":EPOCH");
    } catch (IllegalArgumentException e) {
      return Set.of();
    }
    List<TimeInterval> wanted = intervals(filter, spec.name(), format);
    if (wanted == null) {
      return Set.of();
    }
    Set<String> pruned = new HashSet<>();
    for (String segment : route.segments().keySet()) {
      TimeInterval interval = route.timeIntervals().get(segment);
      if (wanted.isEmpty() || interval != null && !intersectsAny(interval, wanted)) {
        pruned.add(segment);
      }
    }
    return pruned;
  }

  private static boolean intersectsAny(TimeInterval interval, List<TimeInterval> wanted) {
    for (TimeInterval candidate : wanted) {
      if (candidate.intersects(interval)) {
        return true;
      }
    }
    return false;
  }

  /// The sorted disjoint time ranges a filter accepts, or null when it does not constrain the time column.
  static @Nullable List<TimeInterval> intervals(FilterNode filter, String timeColumn, TimeFormatSpec format) {
    return switch (filter) {
      case FilterNode.And and -> and(and.children(), timeColumn, format);
      case FilterNode.Or or -> or(or.children(), timeColumn, format);
      case FilterNode.Not not -> {
        List<TimeInterval> child = intervals(not.child(), timeColumn, format);
        yield child == null ? null : TimeIntervals.complement(child);
      }
      case Predicate predicate -> isTimeColumn(predicate.lhs(), timeColumn) ? leaf(predicate, format) : null;
    };
  }

  private static @Nullable List<TimeInterval> and(List<FilterNode> children, String timeColumn,
      TimeFormatSpec format) {
    List<TimeInterval> result = null;
    for (FilterNode child : children) {
      List<TimeInterval> intervals = intervals(child, timeColumn, format);
      if (intervals != null) {
        result = result == null ? intervals : TimeIntervals.intersection(result, intervals);
      }
    }
    return result;
  }

  private static @Nullable List<TimeInterval> or(List<FilterNode> children, String timeColumn,
      TimeFormatSpec format) {
    List<TimeInterval> result = List.of();
    for (FilterNode child : children) {
      List<TimeInterval> intervals = intervals(child, timeColumn, format);
      if (intervals == null) {
        return null;
      }
      result = TimeIntervals.union(result, intervals);
    }
    return result;
  }

  private static boolean isTimeColumn(Object lhs, String timeColumn) {
    return lhs instanceof Identifier identifier && identifier.name().equals(timeColumn);
  }

  private static @Nullable List<TimeInterval> leaf(Predicate predicate, TimeFormatSpec format) {
    return switch (predicate) {
      case Predicate.Eq eq -> points(List.of(eq.value()), format);
      case Predicate.In in -> points(in.values(), format);
      case Predicate.Range range -> range(range, format);
      default -> null;
    };
  }

  private static @Nullable List<TimeInterval> points(List<Object> values, TimeFormatSpec format) {
    List<TimeInterval> points = new ArrayList<>(values.size());
    for (Object value : values) {
      Long millis = millis(value, format);
      if (millis == null) {
        return null;
      }
      points.add(new TimeInterval(millis, millis));
    }
    return TimeIntervals.normalize(points);
  }

  private static @Nullable List<TimeInterval> range(Predicate.Range range, TimeFormatSpec format) {
    long start = Long.MIN_VALUE;
    long end = Long.MAX_VALUE;
    if (range.lower() != null) {
      Long lower = millis(range.lower(), format);
      if (lower == null) {
        return null;
      }
      if (!range.lowerInclusive() && lower == Long.MAX_VALUE) {
        return List.of();
      }
      start = range.lowerInclusive() ? lower : lower + 1;
    }
    if (range.upper() != null) {
      Long upper = millis(range.upper(), format);
      if (upper == null) {
        return null;
      }
      if (!range.upperInclusive() && upper == Long.MIN_VALUE) {
        return List.of();
      }
      end = range.upperInclusive() ? upper : upper - 1;
    }
    return TimeIntervals.of(start, end);
  }

  /// Epoch milliseconds of a literal in the column's format, or null when it does not convert exactly.
  static @Nullable Long millis(Object value, TimeFormatSpec format) {
    try {
      if (format.epochUnit() == null) {
        return format.toMillis(value.toString());
      }
      Long epoch = exactLong(value);
      return epoch == null ? null : format.toMillis(epoch);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static @Nullable Long exactLong(Object value) {
    try {
      BigDecimal number = value instanceof BigDecimal decimal ? decimal
          : value instanceof Double || value instanceof Float ? BigDecimal.valueOf(((Number) value).doubleValue())
          : new BigDecimal(value.toString().trim());
      return number.longValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      return null;
    }
  }

  /// Segment time ranges from ZooKeeper simple fields (`segment.start.time`, `segment.end.time`,
  /// `segment.time.unit`; Pinot's default unit is DAYS); null when absent or invalid.
  public static @Nullable TimeInterval segmentInterval(Map<String, String> fields) {
    try {
      long start = Long.parseLong(fields.getOrDefault(SegmentZkMetadata.START_TIME, "-1").trim());
      long end = Long.parseLong(fields.getOrDefault(SegmentZkMetadata.END_TIME, "-1").trim());
      if (start < 0 || end < 0 || start > end) {
        return null;
      }
      String unitName = fields.get(SegmentZkMetadata.TIME_UNIT);
      TimeUnit unit = unitName == null || unitName.isBlank()
          ? TimeUnit.DAYS : TimeUnit.valueOf(unitName.trim());
      return new TimeInterval(unit.toMillis(start), unit.toMillis(end));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
