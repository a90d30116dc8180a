// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.reduce;

import io.pinot.common.datatable.DataSchema;
import io.pinot.common.datatable.DataTable;
import io.pinot.common.datatable.DataTableBuilder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/// The intermediate result of a selection query: rows of stored Java values whose columns are the
/// selected columns (`*` expanded, alphabetically as Pinot does) followed by any ORDER BY columns not
/// selected. With an order, rows are kept sorted and cut to `limit + offset`; without one, merging stops
/// at `limit`. Encoded as a DataTable of exactly these columns. Not thread-safe.
public final class SelectionResult {
  private final DataSchema schema;
  private final @Nullable Comparator<Object[]> order;
  private final int maxRows;
  private List<Object[]> rows = new ArrayList<>();
  private boolean sorted = true;

  /// @param order the row order, or null for none
  /// @param maxRows the most rows kept (`limit + offset` with an order, `limit` without)
  public SelectionResult(DataSchema schema, @Nullable Comparator<Object[]> order, int maxRows) {
    this.schema = schema;
    this.order = order;
    this.maxRows = maxRows;
  }

  public DataSchema schema() {
    return schema;
  }

  public List<Object[]> rows() {
    finish();
    return rows;
  }

  public int numRows() {
    return rows.size();
  }

  /// The last row of an ordered result that holds all the rows it keeps, or null otherwise.
  public Object @Nullable [] worstKeptRow() {
    if (order == null || rows.size() < maxRows || maxRows == 0) {
      return null;
    }
    finish();
    return rows.get(maxRows - 1);
  }

  /// Whether an unordered result already holds all the rows it needs.
  public boolean isFull() {
    return order == null && rows.size() >= maxRows;
  }

  public void add(Object[] row) {
    if (order == null) {
      if (rows.size() < maxRows) {
        rows.add(row);
      }
    } else {
      rows.add(row);
      sorted = false;
      if (rows.size() >= 2 * Math.max(maxRows, 1024)) {
        finish();
      }
    }
  }

  public void merge(SelectionResult other) {
    for (Object[] row : other.rows) {
      if (isFull()) {
        return;
      }
      add(row);
    }
  }

  /// Sorts and cuts an ordered result.
  private void finish() {
    if (order != null && !sorted) {
      rows.sort(order);
      if (rows.size() > maxRows) {
        rows = new ArrayList<>(rows.subList(0, maxRows));
      }
      sorted = true;
    }
  }

  public DataTableBuilder toDataTable() {
    DataTableBuilder builder = new DataTableBuilder(schema);
    for (Object[] row : rows()) {
      builder.startRow();
      for (int c = 0; c < row.length; c++) {
        builder.setValue(c, row[c]);
      }
    }
    return builder;
  }

  /// Adds the rows of a server's DataTable (whose columns must be this result's).
  public void mergeDataTable(DataTable table) {
    int numColumns = schema.size();
    for (int row = 0; row < table.numRows() && !isFull(); row++) {
      Object[] values = new Object[numColumns];
      for (int c = 0; c < numColumns; c++) {
        values[c] = table.getValue(row, c);
      }
      add(values);
    }
  }
}
