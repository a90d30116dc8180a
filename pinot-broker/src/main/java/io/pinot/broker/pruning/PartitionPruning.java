// SPDX-License-Identifier: Apache-2.0
package io.pinot.broker.pruning;

import io.pinot.broker.routing.TableRoute;
import io.pinot.query.context.FilterNode;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/// The segments of a route that a query's filter rules out by their recorded partitions ([PartitionPruner]).
/// Stateless.
public final class PartitionPruning {
  private PartitionPruning() {
  }

  /// Names of the segments that cannot match `filter`; empty without a filter, a schema or partition records.
  public static Set<String> pruned(TableRoute route, @Nullable FilterNode filter) {
    if (filter == null || route.schema() == null || route.partitions().isEmpty()) {
      return Set.of();
    }
    Set<String> pruned = new HashSet<>();
    for (Map.Entry<String, SegmentPartitionInfo> segment : route.partitions().entrySet()) {
      if (route.segments().containsKey(segment.getKey())
          && !PartitionPruner.canMatch(filter, segment.getValue(), route.schema())) {
        pruned.add(segment.getKey());
      }
    }
    return pruned;
  }
}
