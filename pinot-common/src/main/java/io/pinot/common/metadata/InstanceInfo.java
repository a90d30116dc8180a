// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.metadata;

import java.util.List;
import java.util.Map;

/// What the cluster knows about one instance (its Helix instance config): Apache Pinot's field names
/// `HELIX_HOST`, `HELIX_PORT`, `HELIX_ENABLED`, the `TAG_LIST` and extra simple fields such as `adminPort`
/// and `grpcPort`.
///
/// @param port the instance's main port (Netty query port for servers, HTTP port for brokers/controllers)
/// @param fields other simple fields of the instance config (`adminPort`, `grpcPort`...)
public record InstanceInfo(String instanceName, String hostName, int port, boolean enabled, List<String> tags,
    Map<String, String> fields) {

  public static final String ADMIN_PORT = "adminPort";
  public static final String GRPC_PORT = "grpcPort";
  public static final String QUERY_SERVICE_PORT = "queryServicePort";
  public static final String QUERY_MAILBOX_PORT = "queryMailboxPort";

  public InstanceInfo {
    tags = List.copyOf(tags);
    fields = Map.copyOf(fields);
  }

  /// An integer field, or -1 when absent or not a number.
  public int intField(String name) {
    String value = fields.get(name);
    if (value == null) {
      return -1;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
