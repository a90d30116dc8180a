// SPDX-License-Identifier: Apache-2.0
package io.pinot.broker.requesthandler;

import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.broker.routing.Selection;
import io.pinot.broker.routing.ServerAddress;
import io.pinot.common.datatable.DataTable;
import io.pinot.common.datatable.DataTableBuilder;
import io.pinot.common.datatable.MetadataKey;
import io.pinot.common.response.BrokerResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BrokerTraceInfoTest {

  private static DataTable traced(String trace) {
    return DataTable.fromBytes(new DataTableBuilder(null).putMetadata(MetadataKey.TRACE_INFO, trace).build()
        .toBytes());
  }

  @Test
  void keysTracesByPinotsShortServerNameAndSkipsSilentServers() {
    Map<ServerAddress, List<String>> servers = new LinkedHashMap<>();
    servers.put(new ServerAddress("Server_host1.example.com_8098", "host1.example.com", 8098), List.of("s0"));
    servers.put(new ServerAddress("Server_host2_8098", "host2", 8098), List.of("s1"));
    servers.put(new ServerAddress("Server_localhost_7001", "localhost", 7001), List.of("s2"));
    servers.put(new ServerAddress("Server_localhost_7002", "localhost", 7002), List.of("s3"));
    Selection selection = new Selection(servers, List.of());
    // Responses come in the selection's server order, without the server that did not answer.
    List<DataTable> responses = new ArrayList<>();
    List<String> notResponded = new ArrayList<>();
    for (ServerAddress server : selection.serverSegments().keySet()) {
      if (server.host().equals("host2")) {
        notResponded.add(server.instanceId());
      } else {
        responses.add(traced("[{\"0\":[{\"port\":" + server.port() + "}]}]"));
      }
    }
    ScatterGather.Gathered gathered = new ScatterGather.Gathered(responses, notResponded, List.of("host2: timeout"));
    BrokerResponse.Builder response = BrokerResponse.builder();
    BrokerTraceInfo.addTo(response, selection, gathered, "events_OFFLINE");
    assertThat(response.build().traceInfo()).containsOnly(
        Map.entry("host1_O", "[{\"0\":[{\"port\":8098}]}]"),
        Map.entry("localhost_7001_O", "[{\"0\":[{\"port\":7001}]}]"),
        Map.entry("localhost_7002_O", "[{\"0\":[{\"port\":7002}]}]"));
    BrokerResponse.Builder realtime = BrokerResponse.builder();
    BrokerTraceInfo.addTo(realtime, selection, gathered, "events_REALTIME");
    assertThat(realtime.build().traceInfo()).containsKey("host1_R");
  }
}
