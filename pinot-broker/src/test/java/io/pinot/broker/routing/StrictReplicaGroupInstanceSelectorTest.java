// SPDX-License-Identifier: Apache-2.0
package io.pinot.broker.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.spi.config.table.IndexingConfig;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.config.table.TableType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StrictReplicaGroupInstanceSelectorTest {
  private final RoutingManager routing = new RoutingManager();
  private final Map<String, Map<String, String>> ideal = new HashMap<>();
  private final Map<String, Map<String, String>> external = new HashMap<>();

  @BeforeEach
  void setUp() {
    routing.updateServers(Map.of("S1", new ServerAddress("S1", "h1", 1), "S2", new ServerAddress("S2", "h2", 2)));
    routing.updateLiveInstances(Set.of("S1", "S2"));
    for (int partition = 0; partition < 4; partition++) {
      for (int sequence = 0; sequence < 3; sequence++) {
        String name = "ev__" + partition + "__" + sequence + "__20240101T0000Z";
        ideal.put(name, Map.of("S1", "ONLINE", "S2", "ONLINE"));
        external.put(name, Map.of("S1", "ONLINE", "S2", sequence == 2 ? "CONSUMING" : "ONLINE"));
      }
    }
  }

  private TableRoute route(String selectorType) {
    TableConfig base = TableConfig.of("ev", TableType.REALTIME, null, IndexingConfig.empty());
    TableConfig config = new TableConfig(base.tableName(), base.tableType(), base.segmentsConfig(), base.tenants(),
        base.tableIndexConfig(), Map.of("routing", Map.of("instanceSelectorType", selectorType)));
    routing.updateTable("ev_REALTIME", ideal, external, config, null);
    return routing.route("ev_REALTIME");
  }

  @Test
  void everySegmentOfAPartitionGoesToOneServerAndPartitionsRotate() {
    TableRoute route = route("strictReplicaGroup");
    assertThat(StrictReplicaGroupInstanceSelector.isConfigured(route.tableConfig())).isTrue();
    for (long requestId = 0; requestId < 6; requestId++) {
      Selection selection = StrictReplicaGroupInstanceSelector.select(route, Set.of(), requestId, routing);
      assertThat(selection.unavailableSegments()).isEmpty();
      Map<Integer, String> serverOfPartition = new HashMap<>();
      int total = 0;
      for (Map.Entry<ServerAddress, List<String>> entry : selection.serverSegments().entrySet()) {
        for (String segment : entry.getValue()) {
          int partition = Integer.parseInt(segment.split("__")[1]);
          String previous = serverOfPartition.putIfAbsent(partition, entry.getKey().instanceId());
          assertThat(previous == null || previous.equals(entry.getKey().instanceId())).as(segment).isTrue();
          total++;
        }
      }
      assertThat(total).isEqualTo(12);
      assertThat(Set.copyOf(serverOfPartition.values())).as("partitions spread over both servers")
          .containsExactlyInAnyOrder("S1", "S2");
    }
  }

  @Test
  void aServerMissingOneSegmentOfAPartitionIsNotChosenForIt() {
    external.put("ev__1__1__20240101T0000Z", Map.of("S1", "ONLINE", "S2", "OFFLINE"));
    TableRoute route = route("strictReplicaGroup");
    for (long requestId = 0; requestId < 4; requestId++) {
      Selection selection = StrictReplicaGroupInstanceSelector.select(route, Set.of(), requestId, routing);
      selection.serverSegments().forEach((server, segments) -> {
        if (segments.stream().anyMatch(segment -> segment.startsWith("ev__1__"))) {
          assertThat(server.instanceId()).isEqualTo("S1");
        }
      });
    }
  }

  @Test
  void prunedSegmentsAreLeftOutAndOtherSelectorTypesAreNotStrict() {
    TableRoute route = route("strictReplicaGroup");
    Selection selection = StrictReplicaGroupInstanceSelector.select(route, Set.of("ev__0__0__20240101T0000Z"), 0,
        routing);
    assertThat(selection.serverSegments().values()).flatExtracting(segments -> segments).hasSize(11)
        .doesNotContain("ev__0__0__20240101T0000Z");
    assertThat(StrictReplicaGroupInstanceSelector.isConfigured(route("balanced").tableConfig())).isFalse();
  }
}
