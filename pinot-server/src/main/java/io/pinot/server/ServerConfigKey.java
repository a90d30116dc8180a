// SPDX-License-Identifier: Apache-2.0
package io.pinot.server;

import io.pinot.spi.env.ConfigKey;
import java.util.List;

/// The server's configuration keys, with Apache Pinot's names and defaults.
public enum ServerConfigKey implements ConfigKey {
  ZK_ADDRESS("pinot.zk.server", "localhost:2181", List.of("pinot.server.zk.address")),
  CLUSTER_NAME("pinot.cluster.name", "PinotCluster"),
  /// Host in the instance id and the address brokers connect to.
  HOST("pinot.server.netty.host", "localhost", List.of("pinot.server.instance.hostname")),
  /// Query transport port (0 binds a free port); part of the instance id `Server_<host>_<port>`.
  NETTY_PORT("pinot.server.netty.port", "8098"),
  /// Admin REST port (health, table sizes).
  ADMIN_PORT("pinot.server.adminapi.port", "8097"),
  /// The gRPC query API that Trino and PrestoDB stream segment queries from (0 binds a free port).
  GRPC_PORT("pinot.server.grpc.port", "8090"),
  GRPC_ENABLE("pinot.server.grpc.enable", "true"),
  /// `Authorization` value the server sends to the controller (segment downloads, real-time segment completion)
  /// when the controller checks credentials, such as `Basic YWRtaW46dmVyeXNlY3JldA==`.
  INSTANCE_AUTH_TOKEN("pinot.server.instance.auth.token", "", List.of("pinot.server.segment.fetcher.auth.token",
      "pinot.server.segment.uploader.auth.token")),
  /// Explicit instance id, overriding `Server_<host>_<port>`.
  INSTANCE_ID("pinot.server.instance.id", ""),
  /// Where loaded segments live: `<dataDir>/<tableNameWithType>/<segmentName>/`.
  DATA_DIR("pinot.server.instance.dataDir", ""),
  /// Where downloaded tarballs are staged before extraction.
  SEGMENT_TAR_DIR("pinot.server.instance.segmentTarDir", ""),
  /// Default per-query timeout on the server, in milliseconds.
  QUERY_TIMEOUT_MS("pinot.server.query.executor.timeout", "15000"),
  /// Maximum number of groups per segment in a group-by.
  NUM_GROUPS_LIMIT("pinot.server.query.executor.num.groups.limit", "100000"),
  /// The query scheduler: `fcfs` (default) or `bounded_fcfs` (also bounds waiting queries per table).
  SCHEDULER_NAME("pinot.query.scheduler.name", "fcfs"),
  /// Threads that each run one query at a time (0 = number of cores).
  QUERY_RUNNER_THREADS("pinot.query.scheduler.query_runner_threads", "0",
      List.of("pinot.server.query.executor.threads")),
  /// Threads one query spreads its segments over (0 = number of cores).
  QUERY_WORKER_THREADS("pinot.query.scheduler.query_worker_threads", "0"),
  /// Queries allowed to wait for a runner before new ones are answered ServerOutOfCapacity (211).
  QUERY_QUEUE_SIZE("pinot.server.query.scheduler.queue.size", "1000"),
  /// Under `bounded_fcfs`, queries of one table allowed to wait before new ones are answered 211.
  MAX_PENDING_PER_GROUP("pinot.query.scheduler.max_pending_per_group", "10");

  private final String key;
  private final String defaultValue;
  private final List<String> aliases;

  ServerConfigKey(String key, String defaultValue) {
    this(key, defaultValue, List.of());
  }

  ServerConfigKey(String key, String defaultValue, List<String> aliases) {
    this.key = key;
    this.defaultValue = defaultValue;
    this.aliases = aliases;
  }

  @Override
  public String key() {
    return key;
  }

  @Override
  public String defaultValue() {
    return defaultValue;
  }

  @Override
  public List<String> aliases() {
    return aliases;
  }
}
