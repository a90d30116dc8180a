// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.quickstart;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/// A table a quickstart type creates and loads ([SampleTableLoader]): its name, schema and OFFLINE table config
/// JSON, how to write its generated CSV data, and the sample queries printed once it is online. Immutable.
///
/// @param tableName the raw table name (also the schema name)
/// @param schemaJson the schema JSON
/// @param tableConfigJson the OFFLINE table config JSON
/// @param numRows the number of rows [#data] writes (the loader waits until the broker counts them all)
/// @param data writes the rows as a CSV file with a header line
/// @param sampleQueries the queries printed with their results, in order
public record SampleTable(String tableName, String schemaJson, String tableConfigJson, int numRows, CsvWriter data,
    List<SampleQuery> sampleQueries) {
  public SampleTable {
    requireNonNull(tableName, "tableName is null");
    requireNonNull(schemaJson, "schemaJson is null");
    requireNonNull(tableConfigJson, "tableConfigJson is null");
    requireNonNull(data, "data is null");
    sampleQueries = List.copyOf(sampleQueries);
  }

  /// Writes a sample table's generated data, deterministically, to one CSV file.
  @FunctionalInterface
  public interface CsvWriter {
    /// Writes the header line and all rows to `file`, replacing it.
    void write(Path file) throws IOException;
  }

  /// A sample query and what it shows.
  ///
  /// @param description a line printed before the query (empty: none)
  /// @param sql the query, possibly with `SET` statements before it
  public record SampleQuery(String description, String sql) {
    public SampleQuery {
      requireNonNull(description, "description is null");
      requireNonNull(sql, "sql is null");
    }

    /// A query printed without a description.
    public static SampleQuery of(String sql) {
      return new SampleQuery("", sql);
    }
  }
}
