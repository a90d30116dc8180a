// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.quickstart;

import io.pinot.tools.quickstart.SampleTable.SampleQuery;
import java.util.List;

/// The quickstart's `baseballStats` table: the schema (the column names and types of Apache Pinot's batch
/// quickstart, so its familiar queries work), an OFFLINE table config with inverted indexes on `playerID` and
/// `teamID`, and the sample queries of `QuickStart -type batch`.
public final class BaseballStatsTable {
  public static final String TABLE_NAME = "baseballStats";
  public static final List<String> SAMPLE_QUERIES = List.of(
      "select count(*) from baseballStats limit 10",
      "SELECT playerName, sum(runs) AS totalRuns FROM baseballStats GROUP BY playerName ORDER BY totalRuns DESC "
          + "LIMIT 10",
      "select sum(hits), sum(homeRuns), sum(numberOfGames) from baseballStats where yearID > 2010",
      "select teamID, count(*), max(homeRuns) from baseballStats where league = 'AL' group by teamID "
          + "order by count(*) desc limit 5",
      "select playerName, yearID, teamID, hits, homeRuns from baseballStats where teamID = 'BOS' "
          + "order by homeRuns desc, hits desc limit 5");

  private static final String[] DIMENSIONS = {"playerID:STRING", "yearID:INT", "teamID:STRING", "league:STRING",
      "playerName:STRING"};
  private static final String[] METRICS = {"playerStint", "numberOfGames", "numberOfGamesAsBatter", "AtBatting",
      "runs", "hits", "doules", "tripples", "homeRuns", "runsBattedIn", "stolenBases", "caughtStealing", "baseOnBalls",
      "strikeouts", "intentionalWalks", "hitsByPitch", "sacrificeHits", "sacrificeFlies", "groundedIntoDoublePlays",
      "G_old"};

  private BaseballStatsTable() {
  }

  /// The table with [BaseballStatsGenerator]'s default rows and the sample queries.
  public static SampleTable sampleTable() {
    return new SampleTable(TABLE_NAME, schemaJson(), tableConfigJson(), BaseballStatsGenerator.DEFAULT_ROWS,
        file -> BaseballStatsGenerator.writeCsv(file, BaseballStatsGenerator.DEFAULT_ROWS,
            BaseballStatsGenerator.DEFAULT_SEED),
        SAMPLE_QUERIES.stream().map(SampleQuery::of).toList());
  }

  /// The schema JSON.
  public static String schemaJson() {
    StringBuilder json = new StringBuilder("{\n  \"schemaName\": \"" + TABLE_NAME + "\",\n");
    json.append("  \"dimensionFieldSpecs\": [\n");
    for (int i = 0; i < DIMENSIONS.length; i++) {
      String[] column = DIMENSIONS[i].split(":");
      json.append("    {\"name\": \"").append(column[0]).append("\", \"dataType\": \"").append(column[1])
          .append("\"}").append(i + 1 < DIMENSIONS.length ? ",\n" : "\n");
    }
    json.append("  ],\n  \"metricFieldSpecs\": [\n");
    for (int i = 0; i < METRICS.length; i++) {
      json.append("    {\"name\": \"").append(METRICS[i]).append("\", \"dataType\": \"INT\"}")
          .append(i + 1 < METRICS.length ? ",\n" : "\n");
    }
    return json.append("  ]\n}\n").toString();
  }

  /// The OFFLINE table config JSON.
  public static String tableConfigJson() {
    return """
        {
          "tableName": "baseballStats",
          "tableType": "OFFLINE",
          "segmentsConfig": {
            "schemaName": "baseballStats",
            "replication": "1",
            "segmentPushType": "APPEND"
          },
          "tenants": {},
          "tableIndexConfig": {
            "loadMode": "MMAP",
            "invertedIndexColumns": ["playerID", "teamID"]
          },
          "metadata": {"customConfigs": {}}
        }
        """;
  }
}
