// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.quickstart;

import io.pinot.tools.quickstart.SampleTable.SampleQuery;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/// The hybrid quickstart's `airlineStats` table ([AirlineStatsGenerator]'s flights, a subset of Apache Pinot's
/// airline columns): an OFFLINE half loaded from the flights of the [#HISTORY_DAYS] days before today and a REALTIME
/// half consuming the `flights-realtime` topic, which holds yesterday's flights again and then today's as they
/// depart. Both halves share the schema and the time column `DaysSinceEpoch` (days since the epoch), so the broker
/// can split queries at the time boundary.
public final class AirlineStatsTable {
  public static final String TABLE_NAME = "airlineStats";
  public static final String TOPIC = "flights-realtime";
  /// Days of history in the OFFLINE half, ending yesterday.
  public static final int HISTORY_DAYS = 30;
  static final long SEED = 2_718L;
  static final int EVENTS_PER_SECOND = 40;
  private static final Set<String> STRING_COLUMNS = Set.of("Carrier", "Origin", "OriginCityName", "Dest",
      "DestCityName", "FlightDate");

  private AirlineStatsTable() {
  }

  /// The hybrid table: the OFFLINE half of the days before `clock`'s today and the REALTIME half.
  public static StreamSampleTable sampleTable(Clock clock) {
    SampleTable offline = new SampleTable(TABLE_NAME, schemaJson(), offlineConfigJson(),
        HISTORY_DAYS * AirlineStatsGenerator.FLIGHTS_PER_DAY, file -> {
          int today = (int) Math.floorDiv(clock.millis(), 86_400_000L);
          AirlineStatsGenerator.writeCsv(file, today - HISTORY_DAYS, today - 1, SEED);
        }, List.of());
    return new StreamSampleTable(TABLE_NAME, TOPIC, 2, schemaJson(), AirlineStatsTable::realtimeConfigJson,
        newTopic -> AirlineStatsGenerator.liveEvents(SEED, newTopic), EVENTS_PER_SECOND, List.of(
            new SampleQuery("Flights in each half: history in OFFLINE, yesterday and today in REALTIME",
                "select count(*) from airlineStats_OFFLINE"),
            new SampleQuery("", "select count(*) from airlineStats_REALTIME"),
            new SampleQuery("Flights of the latest days (the REALTIME half keeps growing)", "select DaysSinceEpoch, "
                + "FlightDate, count(*) from airlineStats group by DaysSinceEpoch, FlightDate "
                + "order by DaysSinceEpoch desc limit 4"),
            new SampleQuery("Carriers with the most cancellations", "select Carrier, sum(Cancelled), avg(ArrDelay) "
                + "from airlineStats group by Carrier order by sum(Cancelled) desc limit 5"),
            new SampleQuery("Busiest origins", "select OriginCityName, sum(Flights) from airlineStats "
                + "group by OriginCityName order by sum(Flights) desc limit 5"),
            new SampleQuery("The newest flights of the REALTIME half (yesterday's are replayed first, then today's "
                + "depart as they are produced)", "select FlightDate, CRSDepTime, Carrier, FlightNum, Origin, "
                + "Dest, DepDelay from airlineStats_REALTIME order by DaysSinceEpoch desc, CRSDepTime desc limit 5")),
        offline);
  }

  /// The schema shared by both halves.
  static String schemaJson() {
    StringBuilder json = new StringBuilder("{\n  \"schemaName\": \"" + TABLE_NAME + "\",\n");
    json.append("  \"dimensionFieldSpecs\": [\n");
    String[] columns = AirlineStatsGenerator.COLUMNS;
    for (int i = 0; i < columns.length - 1; i++) {
      json.append("    {\"name\": \"").append(columns[i]).append("\", \"dataType\": \"")
          .append(STRING_COLUMNS.contains(columns[i]) ? "STRING" : "INT").append("\"}")
          .append(i + 2 < columns.length ? ",\n" : "\n");
    }
    return json.append("""
          ],
          "dateTimeFieldSpecs": [
            {"name": "DaysSinceEpoch", "dataType": "INT", "format": "1:DAYS:EPOCH", "granularity": "1:DAYS"}
          ]
        }
        """).toString();
  }

  static String offlineConfigJson() {
    return """
        {
          "tableName": "airlineStats",
          "tableType": "OFFLINE",
          "segmentsConfig": {
            "schemaName": "airlineStats",
            "timeColumnName": "DaysSinceEpoch",
            "timeType": "DAYS",
            "segmentPushType": "APPEND",
            "segmentPushFrequency": "daily",
            "retentionTimeUnit": "DAYS",
            "retentionTimeValue": "3650",
            "replication": "1"
          },
          "tenants": {},
          "tableIndexConfig": {"loadMode": "MMAP", "invertedIndexColumns": ["Carrier", "Origin"]},
          "metadata": {"customConfigs": {}}
        }
        """;
  }

  static String realtimeConfigJson(String brokers) {
    return String.format(Locale.ROOT, """
        {
          "tableName": "airlineStats",
          "tableType": "REALTIME",
          "segmentsConfig": {
            "schemaName": "airlineStats",
            "timeColumnName": "DaysSinceEpoch",
            "timeType": "DAYS",
            "retentionTimeUnit": "DAYS",
            "retentionTimeValue": "5",
            "replicasPerPartition": "1"
          },
          "tenants": {},
          "tableIndexConfig": {"loadMode": "MMAP", "invertedIndexColumns": ["Carrier", "Origin"]},
          "routing": {"segmentPrunerTypes": ["time"]},
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
