// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/// The test rows in an in-memory H2 database, as the result oracle: table `events` with the single-value
/// columns (plus `id`), and child tables `events_tags(id, tag)` and `events_codes(id, code)` for the
/// multi-value columns.
public final class H2Oracle implements AutoCloseable {
  private final Connection connection;

  public H2Oracle(String name, List<List<Map<String, Object>>> segments) throws SQLException {
    connection = DriverManager.getConnection("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE events (id INT PRIMARY KEY, country VARCHAR, city VARCHAR, device VARCHAR, "
          + "user_id BIGINT, session VARCHAR, age INT, is_new BOOLEAN, score REAL, price DOUBLE, quantity INT, "
          + "revenue DOUBLE, big BIGINT, ts BIGINT)");
      statement.execute("CREATE TABLE events_tags (id INT, tag VARCHAR)");
      statement.execute("CREATE TABLE events_codes (id INT, code INT)");
      statement.execute("CREATE INDEX events_tags_id ON events_tags (id)");
      statement.execute("CREATE INDEX events_codes_id ON events_codes (id)");
    }
    try (PreparedStatement events = connection.prepareStatement(
        "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        PreparedStatement tags = connection.prepareStatement("INSERT INTO events_tags VALUES (?, ?)");
        PreparedStatement codes = connection.prepareStatement("INSERT INTO events_codes VALUES (?, ?)")) {
      for (List<Map<String, Object>> segment : segments) {
        for (Map<String, Object> row : segment) {
          String[] columns = {"id", "country", "city", "device", "user_id", "session", "age", "is_new", "score",
              "price", "quantity", "revenue", "big", "ts"};
          for (int i = 0; i < columns.length; i++) {
            events.setObject(i + 1, row.get(columns[i]));
          }
          events.addBatch();
          for (Object tag : (Object[]) row.get("tags")) {
            tags.setObject(1, row.get("id"));
            tags.setObject(2, tag);
            tags.addBatch();
          }
          for (Object code : (Object[]) row.get("codes")) {
            codes.setObject(1, row.get("id"));
            codes.setObject(2, code);
            codes.addBatch();
          }
        }
      }
      events.executeBatch();
      tags.executeBatch();
      codes.executeBatch();
    }
  }

  public List<Object[]> query(String sql) throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet resultSet = statement.executeQuery(sql)) {
      int numColumns = resultSet.getMetaData().getColumnCount();
      while (resultSet.next()) {
        Object[] row = new Object[numColumns];
        for (int c = 0; c < numColumns; c++) {
          row[c] = resultSet.getObject(c + 1);
        }
        rows.add(row);
      }
    }
    return rows;
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
