// SPDX-License-Identifier: Apache-2.0
package io.pinot.server;

import io.pinot.server.query.SchedulerConfig;
import io.pinot.spi.env.PinotConfiguration;
import java.nio.file.Path;

/// The server's typed configuration, read once at start-up from [ServerConfigKey]s.
public record ServerConfig(
    String zkAddress,
    String clusterName,
    String host,
    int nettyPort,
    int adminPort,
    int grpcPort,
    boolean grpcEnabled,
    String instanceId,
    String authToken,
    Path dataDir,
    Path segmentTarDir,
    long queryTimeoutMs,
    int numGroupsLimit,
    SchedulerConfig scheduler) {

  public static ServerConfig from(PinotConfiguration config) {
    String dataDir = config.getString(ServerConfigKey.DATA_DIR);
    Path data = dataDir.isBlank() ? Path.of(System.getProperty("java.io.tmpdir"), "PinotServer", "index")
        : Path.of(dataDir);
    String tarDir = config.getString(ServerConfigKey.SEGMENT_TAR_DIR);
    Path tars = tarDir.isBlank() ? data.resolveSibling(data.getFileName() + "-tars") : Path.of(tarDir);
    int cores = Runtime.getRuntime().availableProcessors();
    int runners = config.getInt(ServerConfigKey.QUERY_RUNNER_THREADS);
    int workers = config.getInt(ServerConfigKey.QUERY_WORKER_THREADS);
    SchedulerConfig scheduler = new SchedulerConfig(config.getString(ServerConfigKey.SCHEDULER_NAME),
        runners > 0 ? runners : cores, workers > 0 ? workers : cores, config.getInt(ServerConfigKey.QUERY_QUEUE_SIZE),
        config.getInt(ServerConfigKey.MAX_PENDING_PER_GROUP));
    return new ServerConfig(config.getString(ServerConfigKey.ZK_ADDRESS),
        config.getString(ServerConfigKey.CLUSTER_NAME), config.getString(ServerConfigKey.HOST),
        config.getInt(ServerConfigKey.NETTY_PORT), config.getInt(ServerConfigKey.ADMIN_PORT),
        config.getInt(ServerConfigKey.GRPC_PORT), config.getBoolean(ServerConfigKey.GRPC_ENABLE),
        config.getString(ServerConfigKey.INSTANCE_ID), config.getString(ServerConfigKey.INSTANCE_AUTH_TOKEN),
        data.toAbsolutePath(), tars.toAbsolutePath(),
        config.getLong(ServerConfigKey.QUERY_TIMEOUT_MS), config.getInt(ServerConfigKey.NUM_GROUPS_LIMIT), scheduler);
  }
}
