// SPDX-License-Identifier: Apache-2.0
package io.pinot.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.server.query.SchedulerConfig;
import io.pinot.spi.env.PinotConfiguration;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerConfigTest {
  @Test
  void defaultsArePinots() {
    ServerConfig config = ServerConfig.from(PinotConfiguration.empty());
    assertThat(config.zkAddress()).isEqualTo("localhost:2181");
    assertThat(config.clusterName()).isEqualTo("PinotCluster");
    assertThat(config.nettyPort()).isEqualTo(8098);
    assertThat(config.adminPort()).isEqualTo(8097);
    assertThat(config.grpcPort()).isEqualTo(8090);
    assertThat(config.grpcEnabled()).isTrue();
    assertThat(config.queryTimeoutMs()).isEqualTo(15_000);
    assertThat(config.numGroupsLimit()).isEqualTo(100_000);
    int cores = Runtime.getRuntime().availableProcessors();
    assertThat(config.scheduler()).isEqualTo(new SchedulerConfig("fcfs", cores, cores, 1000, 10));
    assertThat(config.scheduler().boundedPerGroup()).isFalse();
    assertThat(config.instanceId()).isEmpty();
  }

  @Test
  void everyKeyMaps() {
    ServerConfig config = ServerConfig.from(new PinotConfiguration(Map.ofEntries(
        Map.entry("pinot.zk.server", "zk:1"), Map.entry("pinot.cluster.name", "C"),
        Map.entry("pinot.server.netty.host", "h"), Map.entry("pinot.server.netty.port", "7000"),
        Map.entry("pinot.server.adminapi.port", "7001"), Map.entry("pinot.server.grpc.port", "7002"),
        Map.entry("pinot.server.grpc.enable", "false"), Map.entry("pinot.server.instance.id", "Server_x_1"),
        Map.entry("pinot.server.instance.auth.token", "Basic abc"),
        Map.entry("pinot.server.instance.dataDir", "/d"), Map.entry("pinot.server.instance.segmentTarDir", "/t"),
        Map.entry("pinot.server.query.executor.timeout", "5"),
        Map.entry("pinot.server.query.executor.num.groups.limit", "6"),
        Map.entry("pinot.query.scheduler.query_runner_threads", "3"),
        Map.entry("pinot.query.scheduler.query_worker_threads", "7"),
        Map.entry("pinot.query.scheduler.name", "bounded_fcfs"),
        Map.entry("pinot.query.scheduler.max_pending_per_group", "2"),
        Map.entry("pinot.server.query.scheduler.queue.size", "4"))));
    assertThat(config).isEqualTo(new ServerConfig("zk:1", "C", "h", 7000, 7001, 7002, false, "Server_x_1", "Basic abc",
        Path.of("/d"), Path.of("/t"), 5, 6, new SchedulerConfig("bounded_fcfs", 3, 7, 4, 2)));
    assertThat(config.scheduler().boundedPerGroup()).isTrue();
  }

  @Test
  void legacyRunnerThreadsKeyStillWorks() {
    ServerConfig config = ServerConfig.from(new PinotConfiguration(Map.of("pinot.server.query.executor.threads", "5")));
    assertThat(config.scheduler().queryRunnerThreads()).isEqualTo(5);
  }
}
