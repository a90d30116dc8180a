// SPDX-License-Identifier: Apache-2.0
package io.pinot.broker.requesthandler;

import io.pinot.broker.routing.Selection;
import io.pinot.broker.routing.ServerAddress;
import io.pinot.common.datatable.DataTable;
import io.pinot.common.datatable.MetadataKey;
import io.pinot.common.response.BrokerResponse;
import io.pinot.spi.config.table.TableType;
import io.pinot.spi.utils.TableNameBuilder;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/// Fills a broker response's `traceInfo` for a query run with `trace=true`: each responding server's trace string
/// (its DataTable's `traceInfo` metadata) under Pinot's key for the server — the host's first DNS label with `_O`
/// (OFFLINE) or `_R` (REALTIME), e.g. `localhost_O`; when several servers share a host their keys get the port too
/// (`localhost_8098_O`), where Pinot would let one overwrite the other. Stateless.
final class BrokerTraceInfo {
  private BrokerTraceInfo() {
  }

  /// Adds the traces of `gathered` (whose responses come in the order of the selection's servers, without those
  /// that did not respond).
  static void addTo(BrokerResponse.Builder response, Selection selection, ScatterGather.Gathered gathered,
      String tableNameWithType) {
    String suffix = TableNameBuilder.tableType(tableNameWithType) == TableType.REALTIME ? "_R" : "_O";
    List<DataTable> responses = gathered.responses();
    Iterator<DataTable> next = responses.iterator();
    Set<String> hosts = new HashSet<>();
    Set<String> sharedHosts = new HashSet<>();
    for (ServerAddress server : selection.serverSegments().keySet()) {
      if (!hosts.add(shortHost(server))) {
        sharedHosts.add(shortHost(server));
      }
    }
    for (ServerAddress server : selection.serverSegments().keySet()) {
      if (gathered.notResponded().contains(server.instanceId()) || !next.hasNext()) {
        continue;
      }
      String trace = next.next().metadata(MetadataKey.TRACE_INFO);
      if (trace != null) {
        String host = shortHost(server);
        response.putTraceInfo((sharedHosts.contains(host) ? host + "_" + server.port() : host) + suffix, trace);
      }
    }
  }

  private static String shortHost(ServerAddress server) {
    String host = server.host();
    int dot = host.indexOf('.');
    return dot > 0 && !Character.isDigit(host.charAt(0)) ? host.substring(0, dot) : host;
  }
}
