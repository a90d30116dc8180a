// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.function;

import io.pinot.common.datatable.ColumnDataType;
import io.pinot.common.datatable.CustomObject;
import io.pinot.common.datatable.DataTable;
import io.pinot.common.datatable.DataTableBuilder;
import io.pinot.query.context.Expression;
import io.pinot.segment.spi.Dictionary;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;

/// `PERCENTILEKLL(col, p[, k])` (`percentilekll(col, p.0)`, as Pinot names it whatever `k`): an estimated
/// percentile of a numeric single-value column from an Apache DataSketches KLL sketch of doubles with `k` (default
/// 200, as Pinot), final type DOUBLE. The answer is one of the input values and its rank is within
/// `KllDoublesSketch.getNormalizedRankError(k, false)` of the row count (1.33% for k = 200, 99% confidence). Over no
/// rows the result is NaN (the sketch has no quantile; Pinot fails there without null handling). The intermediate
/// is the serialized sketch (OBJECT type [ObjectTypes#KLL_DOUBLES]).
public record PercentileKllFunction(Expression argument, double percentile, int k) implements AggregationFunction {
  public static final int DEFAULT_K = 200;
  public static final int MIN_K = 8;
  public static final int MAX_K = 65535;

  @Override
  public String name() {
    return "percentilekll";
  }

  @Override
  public String resultColumnName() {
    return PercentileFunction.columnName(name(), argument, percentile, false);
  }

  @Override
  public boolean readsArgument() {
    return true;
  }

  @Override
  public ColumnDataType intermediateType() {
    return ColumnDataType.OBJECT;
  }

  @Override
  public ColumnDataType finalType() {
    return ColumnDataType.DOUBLE;
  }

  @Override
  public ResultHolder createHolder(int initialCapacity) {
    return new Holder(initialCapacity, percentile, k);
  }

  /// One KLL sketch per group. Aggregating a dictionary-encoded column into group 0 counts dictionary ids
  /// first; [#finishSegment] adds each distinct value once with its count as weight.
  static final class Holder implements ResultHolder {
    private final double percentile;
    private final int k;
    private KllDoublesSketch[] sketches;
    private final GroupDictIdCounts.Collector dictIdCounts = new GroupDictIdCounts.Collector();

    Holder(int capacity, double percentile, int k) {
      this.percentile = percentile;
      this.k = k;
      sketches = new KllDoublesSketch[Math.max(1, capacity)];
    }

    @Override
    public void ensureCapacity(int numGroups) {
      if (numGroups > sketches.length) {
        sketches = Arrays.copyOf(sketches, Math.max(numGroups, sketches.length * 2));
      }
    }

    private KllDoublesSketch sketch(int group) {
      KllDoublesSketch sketch = sketches[group];
      if (sketch == null) {
        sketch = KllDoublesSketch.newHeapInstance(k);
        sketches[group] = sketch;
      }
      return sketch;
    }

    @Override
    public void aggregate(ValueBlock block, int slot, int length) {
      if (dictIdCounts.collect(block, slot, length)) {
        return;
      }
      KllDoublesSketch sketch = sketch(0);
      double[] values = block.doubleValues(slot);
      for (int i = 0; i < length; i++) {
        sketch.update(values[i]);
      }
    }

    @Override
    public void aggregateGroupBy(ValueBlock block, int slot, int length, int[] groupIds) {
      if (dictIdCounts.collect(block, slot, length, groupIds)) {
        return;
      }
      double[] values = block.doubleValues(slot);
      for (int i = 0; i < length; i++) {
        sketch(groupIds[i]).update(values[i]);
      }
    }

    @Override
    public void aggregateGroupByMultiValue(ValueBlock block, int slot, int length, int[] offsets, int[] groupIds) {
      double[] values = block.doubleValues(slot);
      for (int i = 0; i < length; i++) {
        for (int j = offsets[i]; j < offsets[i + 1]; j++) {
          sketch(groupIds[j]).update(values[i]);
        }
      }
    }

    @Override
    public void finishSegment(ValueBlock block, int slot, int numGroups) {
      dictIdCounts.finishSegment(this::addWeighted);
    }

    private void addWeighted(int group, Dictionary dictionary, int[] ids, long[] counts, int length) {
      double[] values = new double[length];
      dictionary.readDoubleValues(ids, length, values);
      KllDoublesSketch sketch = sketch(group);
      for (int i = 0; i < length; i++) {
        // A weighted update builds and merges a small sketch: slower than a few plain ones (as PERCENTILEEST).
        if (counts[i] <= PercentileEstFunction.PLAIN_UPDATES) {
          for (long c = counts[i]; c > 0; c--) {
            sketch.update(values[i]);
          }
        } else {
          sketch.update(values[i], counts[i]);
        }
      }
    }

    @Override
    public void merge(int group, ResultHolder other, int otherGroup) {
      KllDoublesSketch from = ((Holder) other).sketches[otherGroup];
      if (from == null) {
        return;
      }
      if (sketches[group] == null) {
        sketches[group] = from;
      } else {
        sketches[group].merge(from);
      }
    }

    @Override
    public void mergeIntermediate(int group, DataTable table, int row, int column) {
      CustomObject object = table.getCustomObject(row, column);
      if (object == null) {
        return;
      }
      ObjectTypes.expect(object, ObjectTypes.KLL_DOUBLES);
      KllDoublesSketch other = KllDoublesSketch.heapify(MemorySegment.ofArray(object.bytes()));
      if (sketches[group] == null) {
        sketches[group] = other;
      } else {
        sketches[group].merge(other);
      }
    }

    @Override
    public void writeIntermediate(int group, DataTableBuilder builder, int column) {
      builder.setCustomObject(column, new CustomObject(ObjectTypes.KLL_DOUBLES, sketch(group).toByteArray()));
    }

    @Override
    public Comparable<?> finalResult(int group) {
      KllDoublesSketch sketch = sketches[group];
      if (sketch == null || sketch.isEmpty()) {
        return Double.NaN;
      }
      return sketch.getQuantile(percentile / 100, QuantileSearchCriteria.INCLUSIVE);
    }
  }
}
