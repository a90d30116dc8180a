// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.function;

import com.clearspring.analytics.stream.cardinality.CardinalityMergeException;
import com.clearspring.analytics.stream.cardinality.HyperLogLogPlus;
import io.pinot.common.datatable.ColumnDataType;
import io.pinot.common.datatable.CustomObject;
import io.pinot.common.datatable.DataTable;
import io.pinot.common.datatable.DataTableBuilder;
import io.pinot.query.context.Expression;
import io.pinot.query.context.TableColumns;
import io.pinot.segment.spi.Dictionary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/// `DISTINCTCOUNTHLLPLUS(col[, p[, sp]])`: the approximate number of distinct values with stream-lib's HyperLogLog++
/// (as Pinot), defaults p = 14 and sp = 0 (no sparse representation), final type LONG, result column
/// `distinctcounthllplus(col)`; 0 over no rows. The relative standard error is about `1.04 / sqrt(2^p)` (0.8% at
/// p = 14). Values of any single-value type are hashed by [ValueHashes]. A dictionary column aggregated into group 0
/// collects dictionary ids and hashes each distinct value once in [ResultHolder#finishSegment]. The intermediate is
/// an OBJECT of type [ObjectTypes#HLL_PLUS].
///
/// @param p the precision (number of register index bits), 4 to 18
/// @param sp the sparse precision: 0, or p to 32
public record DistinctCountHllPlusFunction(Expression argument, int p, int sp) implements AggregationFunction {
  static final int DEFAULT_P = 14;
  static final int DEFAULT_SP = 0;
  static final int MIN_P = 4;
  /// A guard against registers of huge size (2^p of them per group).
  static final int MAX_P = 18;
  static final int MAX_SP = 32;

  @Override
  public String name() {
    return "distinctcounthllplus";
  }

  @Override
  public boolean readsArgument() {
    return true;
  }

  @Override
  public boolean validateTypes(TableColumns columns) {
    ColumnChecks.singleValue(name(), columns, argument, true);
    return true;
  }

  @Override
  public ColumnDataType intermediateType() {
    return ColumnDataType.OBJECT;
  }

  @Override
  public ColumnDataType finalType() {
    return ColumnDataType.LONG;
  }

  @Override
  public ResultHolder createHolder(int initialCapacity) {
    return new Holder(initialCapacity, p, sp);
  }

  /// One sketch per group, created on first use.
  static final class Holder implements ResultHolder {
    private final int p;
    private final int sp;
    private HyperLogLogPlus[] sketches;
    private long[] hashes = new long[0];
    private long[] dictIdBits;

    Holder(int capacity, int p, int sp) {
      this.p = p;
      this.sp = sp;
      sketches = new HyperLogLogPlus[Math.max(1, capacity)];
    }

    @Override
    public void ensureCapacity(int numGroups) {
      if (numGroups > sketches.length) {
        sketches = Arrays.copyOf(sketches, Math.max(numGroups, sketches.length * 2));
      }
    }

    private HyperLogLogPlus sketch(int group) {
      HyperLogLogPlus sketch = sketches[group];
      if (sketch == null) {
        sketch = new HyperLogLogPlus(p, sp);
        sketches[group] = sketch;
      }
      return sketch;
    }

    private long[] hashes(ValueBlock block, int slot, int length) {
      if (hashes.length < length) {
        hashes = new long[Math.max(length, 1024)];
      }
      ValueHashes.hash(block, slot, length, hashes);
      return hashes;
    }

    @Override
    public void aggregate(ValueBlock block, int slot, int length) {
      Dictionary dictionary = block.dictionary(slot);
      if (dictionary != null && block.isSingleValue(slot)) {
        if (dictIdBits == null) {
          dictIdBits = new long[(dictionary.length() + 63) >>> 6];
        }
        int[] ids = block.dictIds(slot);
        for (int i = 0; i < length; i++) {
          dictIdBits[ids[i] >>> 6] |= 1L << ids[i];
        }
        return;
      }
      long[] h = hashes(block, slot, length);
      HyperLogLogPlus sketch = sketch(0);
      for (int i = 0; i < length; i++) {
        sketch.offerHashed(h[i]);
      }
    }

    @Override
    public void aggregateGroupBy(ValueBlock block, int slot, int length, int[] groupIds) {
      long[] h = hashes(block, slot, length);
      for (int i = 0; i < length; i++) {
        sketch(groupIds[i]).offerHashed(h[i]);
      }
    }

    @Override
    public void aggregateGroupByMultiValue(ValueBlock block, int slot, int length, int[] offsets, int[] groupIds) {
      long[] h = hashes(block, slot, length);
      for (int i = 0; i < length; i++) {
        for (int k = offsets[i]; k < offsets[i + 1]; k++) {
          sketch(groupIds[k]).offerHashed(h[i]);
        }
      }
    }

    @Override
    public void finishSegment(ValueBlock block, int slot, int numGroups) {
      if (dictIdBits == null) {
        return;
      }
      Dictionary dictionary = block.dictionary(slot);
      HyperLogLogPlus sketch = sketch(0);
      for (int word = 0; word < dictIdBits.length; word++) {
        long bits = dictIdBits[word];
        while (bits != 0) {
          sketch.offerHashed(ValueHashes.ofDictionaryValue(dictionary, (word << 6) + Long.numberOfTrailingZeros(bits)));
          bits &= bits - 1;
        }
      }
      dictIdBits = null;
    }

    private void mergeSketch(int group, HyperLogLogPlus other) {
      if (sketches[group] == null) {
        sketches[group] = other;
        return;
      }
      try {
        sketches[group].addAll(other);
      } catch (CardinalityMergeException e) {
        throw new IllegalStateException("Cannot merge HyperLogLog++ sketches of different precisions", e);
      }
    }

    @Override
    public void merge(int group, ResultHolder other, int otherGroup) {
      HyperLogLogPlus from = ((Holder) other).sketches[otherGroup];
      if (from != null) {
        mergeSketch(group, from);
      }
    }

    @Override
    public void mergeIntermediate(int group, DataTable table, int row, int column) {
      CustomObject object = table.getCustomObject(row, column);
      if (object == null) {
        return;
      }
      ObjectTypes.expect(object, ObjectTypes.HLL_PLUS);
      try {
        mergeSketch(group, HyperLogLogPlus.Builder.build(object.bytes()));
      } catch (IOException e) {
        throw new UncheckedIOException("Corrupt HyperLogLog++ intermediate", e);
      }
    }

    @Override
    public void writeIntermediate(int group, DataTableBuilder builder, int column) {
      try {
        builder.setCustomObject(column, new CustomObject(ObjectTypes.HLL_PLUS, sketch(group).getBytes()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public Comparable<?> finalResult(int group) {
      return sketches[group] == null ? 0L : sketches[group].cardinality();
    }
  }
}
