// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.quickstart;

import io.pinot.tools.quickstart.SampleTable.SampleQuery;
import java.util.List;

/// The null-handling quickstart's `clientSalaryNulls` table (the name and columns of Apache Pinot's
/// `NULL_HANDLING` quickstart): a schema with `enableColumnBasedNullHandling: true` in which `description` and
/// `salary` may be null (`clientId` and `city` are `notNull`), an OFFLINE table config, and sample queries that
/// show what `SET enableNullHandling=true;` changes.
public final class ClientSalaryNullsTable {
  public static final String TABLE_NAME = "clientSalaryNulls";
  /// The statement that turns on null handling for the query after it.
  public static final String ENABLE = "SET enableNullHandling=true; ";
  public static final List<SampleQuery> SAMPLE_QUERIES = List.of(
      new SampleQuery("COUNT(column) counts the non-null values, COUNT(*) every row:",
          ENABLE + "SELECT COUNT(*), COUNT(salary), COUNT(description) FROM clientSalaryNulls"),
      new SampleQuery("IS NULL finds the rows without a salary:",
          ENABLE + "SELECT COUNT(*) FROM clientSalaryNulls WHERE salary IS NULL"),
      new SampleQuery("AVG, MIN and MAX skip the nulls:",
          ENABLE + "SELECT AVG(salary), MIN(salary), MAX(salary) FROM clientSalaryNulls"),
      new SampleQuery("Without enableNullHandling a null salary reads as the column's default null value "
          + "(-2147483648 for an INT dimension):",
          "SELECT AVG(salary), MIN(salary), MAX(salary) FROM clientSalaryNulls"),
      new SampleQuery("A comparison with a null is unknown, so the rows without a salary do not pass "
          + "salary < 80000:",
          ENABLE + "SELECT COUNT(*) FROM clientSalaryNulls WHERE salary < 80000"),
      new SampleQuery("GROUP BY puts the rows without a description in a null group:",
          ENABLE + "SELECT description, COUNT(*), COUNT(salary), AVG(salary) FROM clientSalaryNulls "
              + "GROUP BY description ORDER BY COUNT(*) DESC"),
      new SampleQuery("Selections return the null cells; COALESCE replaces them:",
          ENABLE + "SELECT clientId, city, description, salary, COALESCE(salary, 0) AS salaryOrZero "
              + "FROM clientSalaryNulls WHERE description IS NULL OR salary IS NULL ORDER BY clientId LIMIT 5"));

  private ClientSalaryNullsTable() {
  }

  /// The table with [ClientSalaryNullsGenerator]'s default rows and the sample queries.
  public static SampleTable sampleTable() {
    return new SampleTable(TABLE_NAME, schemaJson(), tableConfigJson(), ClientSalaryNullsGenerator.DEFAULT_ROWS,
        file -> ClientSalaryNullsGenerator.writeCsv(file, ClientSalaryNullsGenerator.DEFAULT_ROWS,
            ClientSalaryNullsGenerator.DEFAULT_SEED),
        SAMPLE_QUERIES);
  }

  /// The schema JSON.
  public static String schemaJson() {
    return """
        {
          "schemaName": "clientSalaryNulls",
          "enableColumnBasedNullHandling": true,
          "dimensionFieldSpecs": [
            {"name": "clientId", "dataType": "INT", "notNull": true},
            {"name": "city", "dataType": "STRING", "notNull": true},
            {"name": "description", "dataType": "STRING"},
            {"name": "salary", "dataType": "INT"}
          ],
          "dateTimeFieldSpecs": [
            {"name": "DaysSinceEpoch", "dataType": "INT", "format": "1:DAYS:EPOCH", "granularity": "1:DAYS"}
          ]
        }
        """;
  }

  /// The OFFLINE table config JSON.
  public static String tableConfigJson() {
    return """
        {
          "tableName": "clientSalaryNulls",
          "tableType": "OFFLINE",
          "segmentsConfig": {
            "schemaName": "clientSalaryNulls",
            "replication": "1",
            "segmentPushType": "APPEND"
          },
          "tenants": {},
          "tableIndexConfig": {
            "loadMode": "MMAP"
          },
          "metadata": {"customConfigs": {}}
        }
        """;
  }
}
