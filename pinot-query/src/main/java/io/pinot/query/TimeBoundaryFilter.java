// SPDX-License-Identifier: Apache-2.0
package io.pinot.query;

import static java.util.Objects.requireNonNull;

import io.pinot.query.context.FilterNode;
import io.pinot.query.context.Identifier;
import io.pinot.query.context.Predicate;
import io.pinot.query.context.QueryContext;
import io.pinot.spi.config.table.TableType;
import io.pinot.spi.utils.TableNameBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// The time boundary filter a broker ANDs onto each half of a query on a hybrid table, as Apache Pinot's broker does
/// (`attachTimeBoundary`): the OFFLINE half reads `timeColumn <= timeValue`, the REALTIME half
/// `timeColumn > timeValue`, so that a row present in both halves is counted once. `timeValue` is written in the time
/// column's own format (an epoch count in the column's unit, or a formatted date) and compared like a literal of the
/// SQL text.
///
/// Servers compile the SQL text they receive, so the filter travels beside it as two broker-set query options
/// ([#COLUMN_OPTION], [#VALUE_OPTION]); the server derives the comparison from the table type it queries. Immutable.
public record TimeBoundaryFilter(String timeColumn, String timeValue) {
  /// Query option naming the time column of the boundary (set by brokers only).
  public static final String COLUMN_OPTION = "timeBoundaryColumn";
  /// Query option with the boundary value in the time column's format (set by brokers only).
  public static final String VALUE_OPTION = "timeBoundaryValue";

  public TimeBoundaryFilter {
    requireNonNull(timeColumn, "timeColumn is null");
    requireNonNull(timeValue, "timeValue is null");
  }

  /// The filter carried by a request's options, or null when they carry none.
  public static @Nullable TimeBoundaryFilter fromOptions(Map<String, String> options) {
    String column = options.get(COLUMN_OPTION);
    String value = options.get(VALUE_OPTION);
    return column == null || value == null || column.isBlank() ? null : new TimeBoundaryFilter(column, value);
  }

  /// A copy of `options` without any time boundary (what a user may have written there is never trusted).
  public static Map<String, String> strip(Map<String, String> options) {
    Map<String, String> copy = new LinkedHashMap<>(options);
    copy.remove(COLUMN_OPTION);
    copy.remove(VALUE_OPTION);
    return copy;
  }

  /// A copy of `options` carrying this boundary.
  public Map<String, String> addTo(Map<String, String> options) {
    Map<String, String> copy = strip(options);
    copy.put(COLUMN_OPTION, timeColumn);
    copy.put(VALUE_OPTION, timeValue);
    return copy;
  }

  /// The predicate of one half: `timeColumn <= timeValue` for OFFLINE, `timeColumn > timeValue` for REALTIME.
  public Predicate predicate(TableType half) {
    Identifier column = new Identifier(timeColumn);
    return switch (half) {
      case OFFLINE -> new Predicate.Range(column, null, false, timeValue, true);
      case REALTIME -> new Predicate.Range(column, timeValue, false, null, false);
    };
  }

  /// `filter AND predicate(half)`, flattening a top-level AND.
  public FilterNode and(@Nullable FilterNode filter, TableType half) {
    Predicate boundary = predicate(half);
    if (filter == null) {
      return boundary;
    }
    List<FilterNode> children = new ArrayList<>();
    if (filter instanceof FilterNode.And and) {
      children.addAll(and.children());
    } else {
      children.add(filter);
    }
    children.add(boundary);
    return new FilterNode.And(children);
  }

  /// The query with the time boundary of `options` ANDed onto its WHERE clause for the half `tableNameWithType`;
  /// the query unchanged when the options carry no boundary or the table name has no type.
  public static QueryContext apply(QueryContext query, Map<String, String> options, String tableNameWithType) {
    TimeBoundaryFilter boundary = fromOptions(options);
    TableType half = TableNameBuilder.tableType(tableNameWithType);
    if (boundary == null || half == null) {
      return query;
    }
    return query.toBuilder().filter(boundary.and(query.filter(), half)).build();
  }
}
