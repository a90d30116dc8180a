// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.timestamp;

import static java.util.Objects.requireNonNull;

import io.pinot.query.context.Expression;
import io.pinot.query.context.FunctionCall;
import io.pinot.query.context.Identifier;
import io.pinot.query.context.Literal;
import io.pinot.segment.index.timestamp.TimestampGranularity;
import io.pinot.segment.index.timestamp.TimestampIndexes;
import java.util.List;
import org.jspecify.annotations.Nullable;

/// A `DATETRUNC(unit, column)` call (optionally with the input unit `'MILLISECONDS'`), the shape Pinot answers from
/// a timestamp index: the engine reads it as a virtual column named like the call (`datetrunc('DAY',ts)`), served by
/// the segment's derived `$ts$DAY` column when it has one, else computed from `ts`. Immutable.
///
/// @param name the virtual column name: the call's text
/// @param source the timestamp column
/// @param granularity the truncation unit
public record DateTruncCall(String name, String source, TimestampGranularity granularity) {
  public DateTruncCall {
    requireNonNull(name, "name is null");
    requireNonNull(source, "source is null");
    requireNonNull(granularity, "granularity is null");
  }

  /// The derived column of a timestamp index that holds this call's values (`$ts$DAY`).
  public String derivedColumn() {
    return TimestampIndexes.columnName(source, granularity);
  }

  /// The call an expression is, or null when it is not a `DATETRUNC` of this shape.
  public static @Nullable DateTruncCall match(Expression expression) {
    if (!(expression instanceof FunctionCall call) || !call.name().equals("datetrunc")) {
      return null;
    }
    List<Expression> arguments = call.arguments();
    if (arguments.size() < 2 || arguments.size() > 3 || !(arguments.get(0) instanceof Literal unit)
        || !(unit.value() instanceof String unitName) || !(arguments.get(1) instanceof Identifier column)
        || column.isStar()) {
      return null;
    }
    if (arguments.size() == 3 && !(arguments.get(2) instanceof Literal inputUnit
        && "MILLISECONDS".equalsIgnoreCase(inputUnit.text().trim()))) {
      return null;
    }
    TimestampGranularity granularity = TimestampGranularity.of(unitName);
    return granularity == null ? null : new DateTruncCall(call.toString(), column.name(), granularity);
  }
}
