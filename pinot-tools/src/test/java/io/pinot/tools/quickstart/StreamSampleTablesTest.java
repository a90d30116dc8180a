// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.common.utils.JsonUtils;
import io.pinot.segment.upsert.UpsertConfigs;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.config.table.TableType;
import io.pinot.spi.data.Schema;
import io.pinot.spi.stream.StreamConfig;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/// The schemas and table configs of the stream quickstart types parse as Pinot's and hold what each type shows.
class StreamSampleTablesTest {
  private static final String BROKERS = "127.0.0.1:19092";
  private final Clock clock = Clock.fixed(Instant.parse("2025-06-15T10:00:00Z"), ZoneOffset.UTC);

  @Test
  void eachStreamTypeHasItsTable() {
    assertThat(QuickStart.Type.STREAM.streamTable(clock).tableName()).isEqualTo("meetupRsvp");
    assertThat(QuickStart.Type.HYBRID.streamTable(clock).tableName()).isEqualTo("airlineStats");
    assertThat(QuickStart.Type.UPSERT.streamTable(clock).tableName()).isEqualTo("upsertMeetupRsvp");
    assertThat(QuickStart.Type.BATCH.streamTable(clock)).isNull();
    assertThat(QuickStart.Type.EMPTY.streamTable(clock)).isNull();
  }

  @Test
  void streamTableConsumesItsTopicWithTheJsonDecoderAndCommitsDuringADemo() {
    StreamSampleTable table = MeetupRsvpTable.sampleTable();
    TableConfig config = realtime(table);
    StreamConfig stream = StreamConfig.of(config);
    assertThat(stream.topicName()).isEqualTo("meetupRSVPEvents").isEqualTo(table.topic());
    assertThat(stream.properties()).containsEntry("stream.kafka.broker.list", BROKERS);
    assertThat(stream.decoderClassName()).endsWith("KafkaJSONMessageDecoder");
    assertThat(stream.offsetResetLargest()).isFalse();
    assertThat(stream.flushThresholdRows()).isEqualTo(10_000);
    assertThat(stream.flushThresholdTimeMillis()).isEqualTo(300_000);
    assertThat(config.segmentsConfig().timeColumnName()).isEqualTo("mtime");
    assertThat(schema(table).fieldSpec("mtime")).isNotNull();
    assertThat(table.offline()).isNull();
  }

  @Test
  void upsertTableIsAValidFullUpsertTableKeyedByEvent() {
    StreamSampleTable table = UpsertMeetupRsvpTable.sampleTable();
    TableConfig config = realtime(table);
    Schema schema = schema(table);
    assertThat(schema.primaryKeyColumns()).containsExactly("event_id");
    assertThat(UpsertConfigs.isUpsertEnabled(config)).isTrue();
    assertThat(UpsertConfigs.upsert(config).mode().name()).isEqualTo("FULL");
    assertThat(config.otherFields().get("routing")).isEqualTo(Map.of("instanceSelectorType", "strictReplicaGroup"));
    UpsertConfigs.validate(config, schema);
    assertThat(StreamConfig.of(config).topicName()).isEqualTo("upsertMeetupRSVPEvents");
    assertThat(table.generators().create(true).next(0).key()).matches("evt-\\d{6}");
  }

  @Test
  void hybridTableHasBothHalvesOnOneSchemaAndTimeColumn() {
    StreamSampleTable table = AirlineStatsTable.sampleTable(clock);
    SampleTable offline = table.offline();
    assertThat(offline).isNotNull();
    assertThat(offline.schemaJson()).isEqualTo(table.schemaJson());
    assertThat(offline.tableName()).isEqualTo(table.tableName());
    TableConfig offlineConfig = JsonUtils.fromJson(offline.tableConfigJson(), TableConfig.class);
    TableConfig realtimeConfig = realtime(table);
    assertThat(offlineConfig.tableType()).isEqualTo(TableType.OFFLINE);
    assertThat(realtimeConfig.tableType()).isEqualTo(TableType.REALTIME);
    assertThat(offlineConfig.tableName()).isEqualTo("airlineStats_OFFLINE");
    assertThat(realtimeConfig.tableName()).isEqualTo("airlineStats_REALTIME");
    assertThat(offlineConfig.segmentsConfig().timeColumnName()).isEqualTo("DaysSinceEpoch");
    assertThat(realtimeConfig.segmentsConfig().timeColumnName()).isEqualTo("DaysSinceEpoch");
    assertThat(schema(table).fieldSpec("DaysSinceEpoch").format()).isEqualTo("1:DAYS:EPOCH");
    assertThat(offline.numRows()).isEqualTo(AirlineStatsTable.HISTORY_DAYS * AirlineStatsGenerator.FLIGHTS_PER_DAY);
    assertThat(table.sampleQueries()).anyMatch(query -> query.sql().contains("airlineStats_OFFLINE"))
        .anyMatch(query -> query.sql().contains("airlineStats_REALTIME"));
  }

  private static TableConfig realtime(StreamSampleTable table) {
    TableConfig config = JsonUtils.fromJson(table.realtimeConfig().json(BROKERS), TableConfig.class);
    assertThat(config.tableType()).isEqualTo(TableType.REALTIME);
    assertThat(config.tableName()).isEqualTo(table.tableName() + "_REALTIME");
    return config;
  }

  private static Schema schema(StreamSampleTable table) {
    Schema schema = JsonUtils.fromJson(table.schemaJson(), Schema.class);
    assertThat(schema.schemaName()).isEqualTo(table.tableName());
    return schema;
  }
}
