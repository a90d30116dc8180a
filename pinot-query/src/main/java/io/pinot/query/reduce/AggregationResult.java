// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.reduce;

import io.pinot.common.datatable.ColumnDataType;
import io.pinot.common.datatable.DataSchema;
import io.pinot.common.datatable.DataTable;
import io.pinot.common.datatable.DataTableBuilder;
import io.pinot.query.function.AggregationFunction;
import io.pinot.query.function.ResultHolder;
import java.util.ArrayList;
import java.util.List;

/// The intermediate result of an aggregation query without GROUP BY: one holder per aggregation function,
/// each with one group. Merged across segments on a server and across servers on the broker; encoded as
/// a one-row DataTable whose columns are the functions' result names with their intermediate types.
/// Not thread-safe.
public final class AggregationResult {
  private final List<AggregationFunction> functions;
  private final ResultHolder[] holders;

  public AggregationResult(List<AggregationFunction> functions) {
    this.functions = List.copyOf(functions);
    this.holders = new ResultHolder[functions.size()];
    for (int i = 0; i < holders.length; i++) {
      holders[i] = functions.get(i).createHolder(1);
    }
  }

  public ResultHolder holder(int index) {
    return holders[index];
  }

  public void merge(AggregationResult other) {
    for (int i = 0; i < holders.length; i++) {
      holders[i].merge(0, other.holders[i], 0);
    }
  }

  public DataSchema intermediateSchema() {
    List<String> names = new ArrayList<>(functions.size());
    List<ColumnDataType> types = new ArrayList<>(functions.size());
    for (AggregationFunction function : functions) {
      names.add(function.resultColumnName());
      types.add(function.intermediateType());
    }
    return new DataSchema(names, types);
  }

  /// A builder holding the one intermediate row.
  public DataTableBuilder toDataTable() {
    DataTableBuilder builder = new DataTableBuilder(intermediateSchema());
    builder.startRow();
    for (int i = 0; i < holders.length; i++) {
      holders[i].writeIntermediate(0, builder, i);
    }
    return builder;
  }

  /// Merges the intermediate row of a server's DataTable (tables without rows are ignored).
  public void mergeDataTable(DataTable table) {
    if (table.numRows() == 0) {
      return;
    }
    for (int i = 0; i < holders.length; i++) {
      holders[i].mergeIntermediate(0, table, 0, i);
    }
  }

  /// The final result of each function.
  public Object[] finalValues() {
    Object[] values = new Object[holders.length];
    for (int i = 0; i < holders.length; i++) {
      values[i] = holders[i].finalResult(0);
    }
    return values;
  }
}
