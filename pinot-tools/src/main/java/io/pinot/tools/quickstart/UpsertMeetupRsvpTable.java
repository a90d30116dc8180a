// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.quickstart;

import io.pinot.tools.quickstart.SampleTable.SampleQuery;
import java.util.List;
import java.util.Locale;

/// The upsert quickstart's `upsertMeetupRsvp` table: the latest RSVP of each of 1,000 meetup events. The producer
/// keeps sending new RSVPs for the same `event_id`s ([MeetupRsvpGenerator], keyed by `event_id` so that every
/// version of an event lands in the same partition of `upsertMeetupRSVPEvents`); the table has `event_id` as its
/// primary key, `upsertConfig` mode FULL (the latest `mtime` wins) and `strictReplicaGroup` routing, so queries see
/// one row per event while `SET skipUpsert=true` shows every version.
public final class UpsertMeetupRsvpTable {
  public static final String TABLE_NAME = "upsertMeetupRsvp";
  public static final String TOPIC = "upsertMeetupRSVPEvents";
  /// The primary keys the producer keeps updating.
  public static final int NUM_KEYS = 1_000;
  static final long SEED = 1_009L;

  private UpsertMeetupRsvpTable() {
  }

  /// The upsert table with its generator and sample queries.
  public static StreamSampleTable sampleTable() {
    return new StreamSampleTable(TABLE_NAME, TOPIC, 2, MeetupRsvpTable.schemaJson(TABLE_NAME, true),
        UpsertMeetupRsvpTable::realtimeConfigJson, newTopic -> new MeetupRsvpGenerator(SEED, NUM_KEYS, true),
        MeetupRsvpTable.EVENTS_PER_SECOND, List.of(
            new SampleQuery("One row per event: the count stays at most " + NUM_KEYS + " however many RSVPs arrive",
                "select count(*), distinctcount(event_id) from upsertMeetupRsvp"),
            new SampleQuery("Every version of every event, with upsert skipped",
                "SET skipUpsert=true; select count(*) from upsertMeetupRsvp"),
            new SampleQuery("No event has more than one current row",
                "select event_id, count(*) from upsertMeetupRsvp group by event_id order by count(*) desc limit 3"),
            new SampleQuery("The latest RSVP of a few events", "select event_id, event_name, rsvp_count, mtime "
                + "from upsertMeetupRsvp order by event_id limit 5")),
        null);
  }

  static String realtimeConfigJson(String brokers) {
    return String.format(Locale.ROOT, """
        {
          "tableName": "upsertMeetupRsvp",
          "tableType": "REALTIME",
          "segmentsConfig": {
            "schemaName": "upsertMeetupRsvp",
            "timeColumnName": "mtime",
            "retentionTimeUnit": "DAYS",
            "retentionTimeValue": "1",
            "replicasPerPartition": "1"
          },
          "tenants": {},
          "tableIndexConfig": {"loadMode": "MMAP"},
          "routing": {"instanceSelectorType": "strictReplicaGroup"},
          "upsertConfig": {"mode": "FULL"},
          "ingestionConfig": {
            "streamIngestionConfig": {
              "streamConfigMaps": [%s]
            }
          },
          "metadata": {"customConfigs": {}}
        }
        """, MeetupRsvpTable.streamConfigJson(TOPIC, brokers, 10_000, "5m"));
  }
}
