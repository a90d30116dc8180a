// SPDX-License-Identifier: Apache-2.0
package io.pinot.broker.routing;

import java.util.List;
import java.util.Map;

/// The servers chosen for one query and the segments each must process, plus the segments no live replica
/// can serve (reported to the user as BrokerSegmentUnavailable, never silently skipped).
public record Selection(Map<ServerAddress, List<String>> serverSegments, List<String> unavailableSegments) {
  public Selection {
    serverSegments = Map.copyOf(serverSegments);
    unavailableSegments = List.copyOf(unavailableSegments);
  }
}
