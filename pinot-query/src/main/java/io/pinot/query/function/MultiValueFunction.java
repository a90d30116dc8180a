// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.function;

import io.pinot.common.datatable.ColumnDataType;
import io.pinot.common.datatable.DataTable;
import io.pinot.common.datatable.DataTableBuilder;
import io.pinot.query.context.Expression;
import io.pinot.query.context.TableColumns;

/// An MV aggregation (`SUMMV(col)`, `COUNTMV(col)`, `PERCENTILE95MV(col)`...): its single-value function applied to
/// every value of a dictionary-encoded multi-value column, each value counting as one row (documents with no values
/// contribute nothing). Result column `summv(col)`, `percentile95mv(col)`, `percentilemv(col, 95.0)`; types, empty
/// results and intermediates are the single-value function's, as in Pinot. The holder presents the values through a
/// [FlatMultiValueBlock] and expands group ids to one per value.
///
/// @param name Pinot's name (`summv`)
/// @param inner the single-value function (for COUNTMV, COUNT)
/// @param anyType whether non-numeric columns are accepted (the distinct counts)
public record MultiValueFunction(String name, Expression argument, AggregationFunction inner, boolean anyType)
    implements AggregationFunction {

  @Override
  public String resultColumnName() {
    if (inner instanceof CountFunction) {
      return name + "(" + argument + ")";
    }
    String innerName = inner.resultColumnName();
    int open = innerName.indexOf('(');
    return innerName.substring(0, open) + "mv" + innerName.substring(open);
  }

  @Override
  public boolean readsArgument() {
    return true;
  }

  @Override
  public boolean validateTypes(TableColumns columns) {
    ColumnChecks.multiValue(name, columns, argument, anyType);
    return true;
  }

  @Override
  public ColumnDataType intermediateType() {
    return inner.intermediateType();
  }

  @Override
  public ColumnDataType finalType() {
    return inner.finalType();
  }

  @Override
  public ResultHolder createHolder(int initialCapacity) {
    return new Holder(inner.createHolder(initialCapacity));
  }

  /// Delegates to the single-value holder over the flattened values.
  static final class Holder implements ResultHolder {
    private final ResultHolder inner;
    private final FlatMultiValueBlock flat = new FlatMultiValueBlock();
    private int[] flatGroupIds = new int[0];
    private int[] flatOffsets = new int[0];

    Holder(ResultHolder inner) {
      this.inner = inner;
    }

    @Override
    public void ensureCapacity(int numGroups) {
      inner.ensureCapacity(numGroups);
    }

    @Override
    public void aggregate(ValueBlock block, int slot, int length) {
      int numValues = flat.bind(block, slot, length);
      inner.aggregate(flat, slot, numValues);
    }

    @Override
    public void aggregateGroupBy(ValueBlock block, int slot, int length, int[] groupIds) {
      int numValues = flat.bind(block, slot, length);
      int[] offsets = block.mvOffsets(slot);
      int[] groups = flatGroupIds(numValues);
      for (int i = 0; i < length; i++) {
        for (int v = offsets[i]; v < offsets[i + 1]; v++) {
          groups[v] = groupIds[i];
        }
      }
      inner.aggregateGroupBy(flat, slot, numValues, groups);
    }

    @Override
    public void aggregateGroupByMultiValue(ValueBlock block, int slot, int length, int[] offsets, int[] groupIds) {
      int numValues = flat.bind(block, slot, length);
      int[] valueOffsets = block.mvOffsets(slot);
      int total = 0;
      for (int i = 0; i < length; i++) {
        total += (valueOffsets[i + 1] - valueOffsets[i]) * (offsets[i + 1] - offsets[i]);
      }
      int[] groups = flatGroupIds(total);
      if (flatOffsets.length < numValues + 1) {
        flatOffsets = new int[Math.max(numValues + 1, 1024)];
      }
      int n = 0;
      for (int i = 0; i < length; i++) {
        for (int v = valueOffsets[i]; v < valueOffsets[i + 1]; v++) {
          flatOffsets[v] = n;
          for (int k = offsets[i]; k < offsets[i + 1]; k++) {
            groups[n++] = groupIds[k];
          }
        }
      }
      flatOffsets[numValues] = n;
      inner.aggregateGroupByMultiValue(flat, slot, numValues, flatOffsets, groups);
    }

    private int[] flatGroupIds(int size) {
      if (flatGroupIds.length < size) {
        flatGroupIds = new int[Math.max(size, 1024)];
      }
      return flatGroupIds;
    }

    @Override
    public void finishSegment(ValueBlock block, int slot, int numGroups) {
      if (block.isSingleValue(slot) || block.dictionary(slot) == null) {
        inner.finishSegment(block, slot, numGroups);
        return;
      }
      flat.bindDictionary(block, slot);
      inner.finishSegment(flat, slot, numGroups);
    }

    @Override
    public void merge(int group, ResultHolder other, int otherGroup) {
      inner.merge(group, ((Holder) other).inner, otherGroup);
    }

    @Override
    public void mergeIntermediate(int group, DataTable table, int row, int column) {
      inner.mergeIntermediate(group, table, row, column);
    }

    @Override
    public void writeIntermediate(int group, DataTableBuilder builder, int column) {
      inner.writeIntermediate(group, builder, column);
    }

    @Override
    public Comparable<?> finalResult(int group) {
      return inner.finalResult(group);
    }
  }
}
