// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.common.metadata.SegmentZkMetadata;
import io.pinot.common.utils.JsonUtils;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.Schema;
import java.util.Map;
import org.apache.helix.zookeeper.datamodel.ZNRecord;
import org.junit.jupiter.api.Test;

class ZnRecordsTest {
  private static final String TABLE = """
      {"tableName": "events", "tableType": "OFFLINE", "isDimTable": false,
       "segmentsConfig": {"timeColumnName": "ts", "replication": "2", "retentionTimeUnit": "DAYS"},
       "tenants": {"broker": "DefaultTenant", "server": "DefaultTenant"},
       "tableIndexConfig": {"invertedIndexColumns": ["a"], "loadMode": "MMAP"},
       "metadata": {"customConfigs": {"k": "v"}},
       "routing": {"instanceSelectorType": "balanced"}}""";

  @Test
  void tableConfigUsesOneSimpleFieldPerSectionAsPinotDoes() {
    TableConfig config = JsonUtils.fromJson(TABLE, TableConfig.class);
    ZNRecord record = ZnRecords.fromTableConfig(config);
    assertThat(record.getId()).isEqualTo("events_OFFLINE");
    assertThat(record.getSimpleField("tableName")).isEqualTo("events_OFFLINE");
    assertThat(record.getSimpleField("tableType")).isEqualTo("OFFLINE");
    assertThat(JsonUtils.parse(record.getSimpleField("segmentsConfig")).get("replication").asText()).isEqualTo("2");
    assertThat(record.getSimpleField("routing")).contains("balanced");
    assertThat(ZnRecords.toTableConfig(record)).isEqualTo(config);
  }

  @Test
  void schemaIsStoredAsSchemaJson() {
    Schema schema = JsonUtils.fromJson("{\"schemaName\":\"s\",\"dimensionFieldSpecs\":[{\"name\":\"a\","
        + "\"dataType\":\"STRING\",\"singleValueField\":false}]}", Schema.class);
    ZNRecord record = ZnRecords.fromSchema(schema);
    assertThat(record.getId()).isEqualTo("s");
    assertThat(record.getSimpleFields()).containsOnlyKeys("schemaJSON");
    assertThat(ZnRecords.toSchema(record)).isEqualTo(schema);
  }

  @Test
  void segmentMetadataKeepsPinotKeysAndUnknownFields() {
    SegmentZkMetadata metadata = new SegmentZkMetadata("seg_0", 123456789L, 1000, "http://c:9000/segments/t/seg_0",
        2000, -1, 500, 10, 20, "MILLISECONDS", "psf1", 4096, Map.of("segment.tier", "hot"));
    ZNRecord record = ZnRecords.fromSegmentMetadata(metadata);
    assertThat(record.getSimpleFields()).containsEntry("segment.crc", "123456789")
        .containsEntry("segment.download.url", "http://c:9000/segments/t/seg_0")
        .containsEntry("segment.total.docs", "500").containsEntry("segment.start.time", "10")
        .containsEntry("segment.time.unit", "MILLISECONDS").containsEntry("segment.tier", "hot")
        .doesNotContainKey("segment.refresh.time");
    assertThat(ZnRecords.toSegmentMetadata(record)).isEqualTo(metadata);
  }

  @Test
  void refreshKeepsPushTimeAndSetsRefreshTime() {
    SegmentZkMetadata first = new SegmentZkMetadata("s", 1, 10, "u1", 100, -1, 5, -1, -1, null, null, 9, Map.of());
    SegmentZkMetadata upload = new SegmentZkMetadata("s", 2, 20, "u2", 200, -1, 7, -1, -1, null, null, 11, Map.of());
    SegmentZkMetadata refreshed = first.refreshedBy(upload, 300);
    assertThat(refreshed.crc()).isEqualTo(2);
    assertThat(refreshed.pushTime()).isEqualTo(100);
    assertThat(refreshed.refreshTime()).isEqualTo(300);
    assertThat(refreshed.totalDocs()).isEqualTo(7);
  }
}
