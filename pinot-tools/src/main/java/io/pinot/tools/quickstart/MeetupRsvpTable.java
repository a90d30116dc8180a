// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.quickstart;

import io.pinot.tools.quickstart.SampleTable.SampleQuery;
import java.util.List;
import java.util.Locale;

/// The stream quickstart's `meetupRsvp` table: RSVPs to meetup events ([MeetupRsvpGenerator]) consumed from the
/// `meetupRSVPEvents` topic, with Apache Pinot's meetup column names (without its geo column). A REALTIME table
/// with the JSON decoder whose segments commit every 10,000 rows or 5 minutes, so that commits happen during a
/// demo; the schema is shared with [UpsertMeetupRsvpTable].
public final class MeetupRsvpTable {
  public static final String TABLE_NAME = "meetupRsvp";
  public static final String TOPIC = "meetupRSVPEvents";
  /// Distinct events the RSVPs go to.
  static final int NUM_EVENTS = 20_000;
  static final long SEED = 4_242L;
  static final int EVENTS_PER_SECOND = 50;
  static final String KAFKA_FACTORY = "org.apache.pinot.plugin.stream.kafka30.KafkaConsumerFactory";
  static final String JSON_DECODER = "org.apache.pinot.plugin.stream.kafka.KafkaJSONMessageDecoder";

  private MeetupRsvpTable() {
  }

  /// The stream table with its generator and sample queries.
  public static StreamSampleTable sampleTable() {
    return new StreamSampleTable(TABLE_NAME, TOPIC, 2, schemaJson(TABLE_NAME, false),
        brokers -> realtimeConfigJson(brokers, 10_000, "5m"),
        newTopic -> new MeetupRsvpGenerator(SEED, NUM_EVENTS, false), EVENTS_PER_SECOND, List.of(
            new SampleQuery("RSVPs so far (run it again: it grows)", "select count(*) from meetupRsvp"),
            new SampleQuery("Cities with the most people coming", "select group_city, sum(rsvp_count) AS people "
                + "from meetupRsvp group by group_city order by people desc limit 5"),
            new SampleQuery("Most popular events", "select event_name, group_city, count(*) from meetupRsvp "
                + "group by event_name, group_city order by count(*) desc limit 5"),
            new SampleQuery("The latest RSVPs", "select mtime, event_id, event_name, venue_name, rsvp_count "
                + "from meetupRsvp order by mtime desc limit 5")),
        null);
  }

  /// The schema of the meetup tables; `primaryKey` adds `event_id` as the primary key (upsert).
  static String schemaJson(String name, boolean primaryKey) {
    return String.format(Locale.ROOT, """
        {
          "schemaName": "%s",
          "dimensionFieldSpecs": [
            {"name": "venue_name", "dataType": "STRING"},
            {"name": "event_name", "dataType": "STRING"},
            {"name": "event_id", "dataType": "STRING"},
            {"name": "event_time", "dataType": "TIMESTAMP"},
            {"name": "group_city", "dataType": "STRING"},
            {"name": "group_country", "dataType": "STRING"},
            {"name": "group_id", "dataType": "LONG"},
            {"name": "group_name", "dataType": "STRING"},
            {"name": "group_lat", "dataType": "DOUBLE"},
            {"name": "group_lon", "dataType": "DOUBLE"}
          ],
          "metricFieldSpecs": [{"name": "rsvp_count", "dataType": "INT"}],
          "dateTimeFieldSpecs": [
            {"name": "mtime", "dataType": "TIMESTAMP", "format": "1:MILLISECONDS:TIMESTAMP",
             "granularity": "1:MILLISECONDS"}
          ]%s
        }
        """, name, primaryKey ? ",\n  \"primaryKeyColumns\": [\"event_id\"]" : "");
  }

  private static String realtimeConfigJson(String brokers, int flushRows, String flushTime) {
    return String.format(Locale.ROOT, """
        {
          "tableName": "meetupRsvp",
          "tableType": "REALTIME",
          "segmentsConfig": {
            "schemaName": "meetupRsvp",
            "timeColumnName": "mtime",
            "retentionTimeUnit": "DAYS",
            "retentionTimeValue": "1",
            "replicasPerPartition": "1"
          },
          "tenants": {},
          "tableIndexConfig": {"loadMode": "MMAP", "invertedIndexColumns": ["group_city", "event_id"]},
          "ingestionConfig": {
            "streamIngestionConfig": {
              "streamConfigMaps": [%s]
            }
          },
          "metadata": {"customConfigs": {}}
        }
        """, streamConfigJson(TOPIC, brokers, flushRows, flushTime));
  }

  /// One Kafka `streamConfigs` map (JSON decoder, earliest offsets first) for the quickstart tables.
  static String streamConfigJson(String topic, String brokers, int flushRows, String flushTime) {
    return String.format(Locale.ROOT, """
        {
                "streamType": "kafka",
                "stream.kafka.topic.name": "%s",
                "stream.kafka.broker.list": "%s",
                "stream.kafka.consumer.type": "lowlevel",
                "stream.kafka.consumer.factory.class.name": "%s",
                "stream.kafka.decoder.class.name": "%s",
                "stream.kafka.consumer.prop.auto.offset.reset": "smallest",
                "realtime.segment.flush.threshold.rows": "%d",
                "realtime.segment.flush.threshold.time": "%s"
              }""", topic, brokers, KAFKA_FACTORY, JSON_DECODER, flushRows, flushTime);
  }
}
