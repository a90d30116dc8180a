// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.quickstart;

/// The quickstart's `baseballStats` table: the schema (the column names and types of Apache Pinot's batch
/// quickstart, so its familiar queries work) and an OFFLINE table config with inverted indexes on
/// `playerID` and `teamID`.
public final class BaseballStatsTable {
  public static final String TABLE_NAME = "baseballStats";

  private static final String[] DIMENSIONS = {"playerID:STRING", "yearID:INT", "teamID:STRING", "league:STRING",
      "playerName:STRING"};
  private static final String[] METRICS = {"playerStint", "numberOfGames", "numberOfGamesAsBatter", "AtBatting",
      "runs", "hits", "doules", "tripples", "homeRuns", "runsBattedIn", "stolenBases", "caughtStealing", "baseOnBalls",
      "strikeouts", "intentionalWalks", "hitsByPitch", "sacrificeHits", "sacrificeFlies", "groundedIntoDoublePlays",
      "G_old"};

  private BaseballStatsTable() {
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
