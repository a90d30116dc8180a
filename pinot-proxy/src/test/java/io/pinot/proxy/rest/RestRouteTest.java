// SPDX-License-Identifier: Apache-2.0
package io.pinot.proxy.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RestRouteTest {
  @Test
  void queriesAndConnectorDebugPathsGoToBrokers() {
    for (String path : new String[]{"/query/sql", "/query", "/query/123", "/queries", "/debug/routingTable/t",
        "/debug/routingTable/sql", "/debug/timeBoundary/t", "/responseStore/1/results", "/QUERY/SQL"}) {
      assertThat(RestRoute.of(path, null, null)).as(path).isEqualTo(new RestRoute.Broker());
    }
  }

  @Test
  void everythingElseGoesToTheController() {
    for (String path : new String[]{"/tables", "/tables/t/schema", "/instances/Server_h_1", "/v2/brokers/tenants/T",
        "/tables/livebrokers", "/debug/tables/t", "/schemas", "/", "/querybuilder", "/sql"}) {
      assertThat(RestRoute.of(path, null, null)).as(path).isEqualTo(new RestRoute.Controller());
    }
  }

  @Test
  void theProxysOwnEndpointsAndForwardingHeaders() {
    assertThat(RestRoute.of("/health", "h", "1")).isEqualTo(new RestRoute.Local("health"));
    assertThat(RestRoute.of("/metrics", null, null)).isEqualTo(new RestRoute.Local("metrics"));
    assertThat(RestRoute.of("/debug/routingTable/t", " broker-0 ", "8099"))
        .isEqualTo(new RestRoute.Instance("broker-0", "8099"));
    assertThat(RestRoute.of("/tables", "", null)).isEqualTo(new RestRoute.Controller());
  }
}
