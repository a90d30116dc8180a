// SPDX-License-Identifier: Apache-2.0
package io.pinot.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pinot.common.utils.JsonUtils;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.Schema;
import io.pinot.spi.data.readers.GenericRow;
import io.pinot.tools.EmbeddedPinotCluster;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/// Broker partition pruning end to end: segments built with `segmentPartitionConfig` record their partitions in
/// ZooKeeper (`segment.partition.metadata`), and the broker routes `=`/`IN` queries on the partition column only to
/// the segments that can hold the values (`numSegmentsPrunedByBroker`), with the same answers.
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartitionPruningIT {
  private static final int PARTITIONS = 4;
  private static final int ROWS_PER_SEGMENT = 1_000;
  private static final String SCHEMA = """
      {"schemaName": "members", "dimensionFieldSpecs": [{"name": "member", "dataType": "INT"},
       {"name": "city", "dataType": "STRING"}], "metricFieldSpecs": [{"name": "visits", "dataType": "LONG"}]}""";
  private static final String TABLE = """
      {"tableName": "members", "tableType": "OFFLINE", "segmentsConfig": {"replication": "1"},
       "tableIndexConfig": {"segmentPartitionConfig": {"columnPartitionMap":
         {"member": {"functionName": "Modulo", "numPartitions": 4}}}}}""";

  @TempDir
  static Path workDir;
  private EmbeddedPinotCluster cluster;
  private final Http http = new Http();

  @BeforeAll
  void start() throws Exception {
    cluster = EmbeddedPinotCluster.builder(workDir.resolve("cluster")).numServers(1).build().start();
    assertThat(http.post(cluster.controllerUrl() + "/schemas", SCHEMA).status()).isEqualTo(200);
    assertThat(http.post(cluster.controllerUrl() + "/tables", TABLE).status()).isEqualTo(200);
    Schema schema = JsonUtils.fromJson(SCHEMA, Schema.class);
    TableConfig config = JsonUtils.fromJson(TABLE, TableConfig.class);
    for (int partition = 0; partition < PARTITIONS; partition++) {
      List<GenericRow> rows = new ArrayList<>();
      for (int i = 0; i < ROWS_PER_SEGMENT; i++) {
        GenericRow row = new GenericRow();
        row.putValue("member", PARTITIONS * (i % 50) + partition);
        row.putValue("city", "c" + (i % 7));
        row.putValue("visits", 1L);
        rows.add(row);
      }
      Path tar = SegmentUploads.buildTarGz(config, schema, "members_" + partition, rows,
          workDir.resolve("b" + partition));
      assertThat(SegmentUploads.upload(cluster.controllerUrl(), "members", tar).status()).isEqualTo(200);
    }
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (count("SELECT COUNT(*) FROM members") != PARTITIONS * ROWS_PER_SEGMENT) {
      assertThat(System.nanoTime()).as("all segments online within 60 s").isLessThan(deadline);
      Thread.sleep(200);
    }
  }

  @AfterAll
  void stop() {
    http.close();
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void equalityAndInQueriesOnlyReachTheSegmentsOfTheirPartitions() throws Exception {
    JsonNode one = http.query(cluster.brokerUrl(), "SELECT COUNT(*) FROM members WHERE member = 9");
    assertThat(one.get("numSegmentsPrunedByBroker").asLong()).isEqualTo(3);
    assertThat(one.get("numSegmentsQueried").asLong()).isEqualTo(1);
    assertThat(one.get("resultTable").get("rows").get(0).get(0).asLong()).isEqualTo(ROWS_PER_SEGMENT / 50);

    JsonNode two = http.query(cluster.brokerUrl(), "SELECT COUNT(*) FROM members WHERE member IN (1, 6, 10)");
    assertThat(two.get("numSegmentsPrunedByBroker").asLong()).isEqualTo(2);
    assertThat(two.get("resultTable").get("rows").get(0).get(0).asLong()).isEqualTo(3L * ROWS_PER_SEGMENT / 50);

    JsonNode none = http.query(cluster.brokerUrl(), "SELECT COUNT(*) FROM members WHERE member = 9 OR city = 'c1'");
    assertThat(none.get("numSegmentsPrunedByBroker").asLong()).as("OR with an unprunable predicate").isZero();
    JsonNode all = http.query(cluster.brokerUrl(), "SELECT COUNT(*) FROM members");
    assertThat(all.get("numSegmentsPrunedByBroker").asLong()).isZero();
    assertThat(all.get("numSegmentsQueried").asLong()).isEqualTo(PARTITIONS);
  }

  private long count(String sql) throws Exception {
    return http.query(cluster.brokerUrl(), sql).path("resultTable").path("rows").path(0).path(0).asLong(-1);
  }
}
