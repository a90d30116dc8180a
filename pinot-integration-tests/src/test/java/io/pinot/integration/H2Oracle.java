// SPDX-License-Identifier: Apache-2.0
package io.pinot.integration;

import io.pinot.spi.data.DataType;
import io.pinot.spi.data.FieldSpec;
import io.pinot.spi.data.Schema;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/// An independent SQL engine (H2, in memory) loaded with the same CSV rows as the cluster, to check query
/// results. A multi-value column `m` becomes a child table `<table>_<m>(row_id, value)` so that
/// "any value matches" filters and per-value group-bys can be written in plain SQL.
final class H2Oracle implements AutoCloseable {
  private final Connection connection;

  /// An in-memory database (small data sets).
  H2Oracle() throws SQLException {
    connection = DriverManager.getConnection("jdbc:h2:mem:" + UUID.randomUUID()
        + ";DB_CLOSE_DELAY=-1;DATABASE_TO_UPPER=FALSE");
  }

  /// A database in files under `directory` (acceptance-size data that would not fit the test heap).
  H2Oracle(Path directory) throws SQLException {
    connection = DriverManager.getConnection("jdbc:h2:" + directory.resolve("oracle").toAbsolutePath()
        + ";DATABASE_TO_UPPER=FALSE");
  }

  /// Creates `table` from the schema and loads the CSV files (header line, `,` separated, no quoting,
  /// multi-values separated by `;`). Returns the number of rows loaded.
  long load(String table, Schema schema, List<Path> csvFiles) throws SQLException, IOException {
    List<FieldSpec> columns = schema.allFieldSpecs();
    StringBuilder ddl = new StringBuilder("CREATE TABLE " + table + " (row_id BIGINT PRIMARY KEY");
    StringBuilder insert = new StringBuilder("INSERT INTO " + table + " VALUES (?");
    for (FieldSpec column : columns) {
      if (column.singleValue()) {
        ddl.append(", \"").append(column.name()).append("\" ").append(sqlType(column.dataType()));
        insert.append(", ?");
      } else {
        try (Statement statement = connection.createStatement()) {
          statement.execute("CREATE TABLE " + table + "_" + column.name() + " (row_id BIGINT, \"value\" "
              + sqlType(column.dataType()) + ")");
        }
      }
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute(ddl.append(")").toString());
    }
    long rowId = 0;
    for (Path file : csvFiles) {
      rowId = loadFile(table, columns, insert.append(")").toString(), file, rowId);
      insert.setLength(insert.length() - 1);
    }
    for (FieldSpec column : columns) {
      if (!column.singleValue()) {
        try (Statement statement = connection.createStatement()) {
          String child = table + "_" + column.name();
          statement.execute("CREATE INDEX " + child + "_rows ON " + child + " (row_id, \"value\")");
        }
      }
    }
    return rowId;
  }

  private long loadFile(String table, List<FieldSpec> columns, String insertSql, Path file, long firstRowId)
      throws SQLException, IOException {
    long rowId = firstRowId;
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        PreparedStatement rows = connection.prepareStatement(insertSql)) {
      String[] header = reader.readLine().split(",", -1);
      List<PreparedStatement> children = new ArrayList<>();
      int[] position = new int[columns.size()];
      for (int i = 0; i < columns.size(); i++) {
        position[i] = List.of(header).indexOf(columns.get(i).name());
        children.add(columns.get(i).singleValue() ? null
            : connection.prepareStatement("INSERT INTO " + table + "_" + columns.get(i).name() + " VALUES (?, ?)"));
      }
      String line;
      while ((line = reader.readLine()) != null) {
        String[] fields = line.split(",", -1);
        rows.setLong(1, rowId);
        int parameter = 2;
        for (int i = 0; i < columns.size(); i++) {
          FieldSpec column = columns.get(i);
          String text = fields[position[i]];
          if (column.singleValue()) {
            rows.setObject(parameter++, column.dataType().convert(text));
          } else {
            for (String value : text.split(";")) {
              children.get(i).setLong(1, rowId);
              children.get(i).setObject(2, column.dataType().convert(value));
              children.get(i).addBatch();
            }
          }
        }
        rows.addBatch();
        rowId++;
        if (rowId % 5000 == 0) {
          rows.executeBatch();
          executeBatches(children);
        }
      }
      rows.executeBatch();
      executeBatches(children);
      for (PreparedStatement child : children) {
        if (child != null) {
          child.close();
        }
      }
    }
    return rowId;
  }

  private static void executeBatches(List<PreparedStatement> statements) throws SQLException {
    for (PreparedStatement statement : statements) {
      if (statement != null) {
        statement.executeBatch();
      }
    }
  }

  /// Runs a query and returns its rows as Java values.
  List<List<Object>> query(String sql) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      ResultSetMetaData metaData = result.getMetaData();
      while (result.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= metaData.getColumnCount(); i++) {
          row.add(result.getObject(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private static String sqlType(DataType type) {
    return switch (type) {
      case INT, BOOLEAN -> "INT";
      case LONG, TIMESTAMP -> "BIGINT";
      case FLOAT -> "REAL";
      case DOUBLE -> "DOUBLE PRECISION";
      case BIG_DECIMAL -> "DECIMAL(38, 10)";
      default -> "VARCHAR";
    };
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
