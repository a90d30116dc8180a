// SPDX-License-Identifier: Apache-2.0
package io.pinot.broker.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.query.TimeBoundaryFilter;
import io.pinot.spi.config.table.IndexingConfig;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.config.table.TableType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RoutingTest {
  private final RoutingManager routing = new RoutingManager();

  @BeforeEach
  void setUp() {
    routing.updateServers(Map.of("S1", new ServerAddress("S1", "h1", 1), "S2", new ServerAddress("S2", "h2", 2),
        "S3", new ServerAddress("S3", "h3", 3)));
    routing.updateLiveInstances(Set.of("S1", "S2", "S3"));
    Map<String, Map<String, String>> idealState = Map.of(
        "seg0", Map.of("S1", "ONLINE", "S2", "ONLINE"),
        "seg1", Map.of("S2", "ONLINE"),
        "seg2", Map.of("S3", "ONLINE"));
    Map<String, Map<String, String>> externalView = Map.of(
        "seg0", Map.of("S1", "ONLINE", "S2", "ONLINE"),
        "seg1", Map.of("S2", "ERROR"));
    routing.updateTable("Events_OFFLINE", idealState, externalView,
        TableConfig.of("Events", TableType.OFFLINE, null, IndexingConfig.empty()), null);
  }

  @Test
  void onlyOnlineReplicasRouteAndMissingOnesAreUnavailable() {
    TableRoute route = routing.route("Events_OFFLINE");
    assertThat(route.segments()).containsEntry("seg0", List.of("S1", "S2")).containsEntry("seg1", List.of())
        .containsEntry("seg2", List.of());
    Selection selection = BalancedInstanceSelector.select(route, 7, routing);
    assertThat(selection.unavailableSegments()).containsExactly("seg1", "seg2");
    assertThat(selection.serverSegments().values()).flatExtracting(segments -> segments).containsExactly("seg0");
  }

  @Test
  void replicasRotateWithTheRequestId() {
    TableRoute route = routing.route("Events_OFFLINE");
    ServerAddress first = BalancedInstanceSelector.select(route, 0, routing).serverSegments().keySet().iterator()
        .next();
    ServerAddress second = BalancedInstanceSelector.select(route, 1, routing).serverSegments().keySet().iterator()
        .next();
    assertThat(first).isNotEqualTo(second);
  }

  @Test
  void deadServersAreNotChosen() {
    routing.updateLiveInstances(Set.of("S2", "S3"));
    for (long requestId = 0; requestId < 4; requestId++) {
      Selection selection = BalancedInstanceSelector.select(routing.route("Events_OFFLINE"), requestId, routing);
      assertThat(selection.serverSegments().keySet()).extracting(ServerAddress::instanceId).containsExactly("S2");
    }
  }

  @Test
  void tableNamesResolveCaseInsensitively() {
    assertThat(routing.resolveTable("events")).isEqualTo("Events_OFFLINE");
    assertThat(routing.resolveTable("EVENTS_OFFLINE")).isEqualTo("Events_OFFLINE");
    assertThat(routing.resolveTable("other")).isNull();
    routing.removeTable("Events_OFFLINE");
    assertThat(routing.resolveTable("events")).isNull();
  }

  @Test
  void hybridTablesReadBothHalvesAcrossTheTimeBoundary() {
    TimeBoundaryFilter boundary = new TimeBoundaryFilter("ts", "19700");
    routing.updateTimeBoundary("Events_OFFLINE", boundary);
    // Not hybrid yet: one half, no boundary, and no /debug/timeBoundary.
    assertThat(routing.resolveTables("events")).containsExactly(new RoutedTable("Events_OFFLINE", null));
    assertThat(routing.timeBoundary("events")).isNull();
    routing.updateTable("Events_REALTIME", Map.of("c0", Map.of("S3", "CONSUMING")), Map.of(),
        TableConfig.of("Events", TableType.REALTIME, null, IndexingConfig.empty()), null);
    assertThat(routing.resolveTables("events")).containsExactly(new RoutedTable("Events_OFFLINE", boundary),
        new RoutedTable("Events_REALTIME", boundary));
    assertThat(routing.timeBoundary("EVENTS_REALTIME")).isEqualTo(boundary);
    // A name with a type reads that half alone.
    assertThat(routing.resolveTables("events_OFFLINE")).containsExactly(new RoutedTable("Events_OFFLINE", null));
    assertThat(routing.resolveTables("Events_REALTIME")).containsExactly(new RoutedTable("Events_REALTIME", null));
    // Without a boundary (no OFFLINE segment with an end time), Pinot reads the REALTIME half only.
    routing.updateTimeBoundary("Events_OFFLINE", null);
    assertThat(routing.resolveTables("events")).containsExactly(new RoutedTable("Events_REALTIME", null));
    assertThat(routing.timeBoundary("events")).isNull();
    routing.updateTimeBoundary("Events_OFFLINE", boundary);
    routing.removeTable("Events_OFFLINE");
    assertThat(routing.resolveTables("events")).containsExactly(new RoutedTable("Events_REALTIME", null));
    assertThat(routing.resolveTables("other")).isEmpty();
  }

  @Test
  void oneQuerySpreadsSegmentsEvenlyOverReplicasAndSkipsReplicasNotOnline() {
    Map<String, Map<String, String>> ideal = new java.util.HashMap<>();
    Map<String, Map<String, String>> external = new java.util.HashMap<>();
    for (int i = 0; i < 10; i++) {
      ideal.put("s" + i, Map.of("S1", "ONLINE", "S2", "ONLINE", "S3", "ONLINE"));
      external.put("s" + i, Map.of("S1", "ONLINE", "S2", "ONLINE", "S3", i < 4 ? "OFFLINE" : "ERROR"));
    }
    routing.updateTable("Spread_OFFLINE", ideal, external,
        TableConfig.of("Spread", TableType.OFFLINE, null, IndexingConfig.empty()), null);
    for (long requestId = 0; requestId < 3; requestId++) {
      Selection selection = BalancedInstanceSelector.select(routing.route("Spread_OFFLINE"), requestId, routing);
      assertThat(selection.unavailableSegments()).isEmpty();
      assertThat(selection.serverSegments().keySet()).extracting(ServerAddress::instanceId)
          .containsExactlyInAnyOrder("S1", "S2");
      assertThat(selection.serverSegments().values()).allSatisfy(segments -> assertThat(segments).hasSize(5));
    }
    ServerAddress firstOfRequest0 = serverOf("s0", 0);
    assertThat(serverOf("s0", 1)).isNotEqualTo(firstOfRequest0);
    assertThat(serverOf("s0", 2)).isEqualTo(firstOfRequest0);
  }

  private ServerAddress serverOf(String segment, long requestId) {
    Selection selection = BalancedInstanceSelector.select(routing.route("Spread_OFFLINE"), requestId, routing);
    for (Map.Entry<ServerAddress, List<String>> entry : selection.serverSegments().entrySet()) {
      if (entry.getValue().contains(segment)) {
        return entry.getKey();
      }
    }
    throw new AssertionError(segment + " not routed");
  }
}
