// SPDX-License-Identifier: Apache-2.0
package io.pinot.broker.routing;

import static java.util.Objects.requireNonNull;

import io.pinot.query.TimeBoundaryFilter;
import org.jspecify.annotations.Nullable;

/// One table half a query reads, with the time boundary its servers must apply when the query reads both halves of a
/// hybrid table (the OFFLINE half up to the boundary, the REALTIME half after it). Immutable.
///
/// @param tableNameWithType `events_OFFLINE` or `events_REALTIME`
/// @param timeBoundary the hybrid table's time boundary, or null when the query reads this half alone
public record RoutedTable(String tableNameWithType, @Nullable TimeBoundaryFilter timeBoundary) {
  public RoutedTable {
    requireNonNull(tableNameWithType, "tableNameWithType is null");
  }
}
