// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.function;

import com.tdunning.math.stats.MergingDigest;
import io.pinot.common.datatable.ColumnDataType;
import io.pinot.common.datatable.CustomObject;
import io.pinot.common.datatable.DataTable;
import io.pinot.common.datatable.DataTableBuilder;
import io.pinot.query.context.Expression;
import io.pinot.segment.spi.Dictionary;
import java.nio.ByteBuffer;
import java.util.Arrays;

/// `PERCENTILETDIGEST(col, p)` (`percentiletdigest(col, p.0)`) and the legacy `PERCENTILETDIGEST95(col)`
/// (`percentiletdigest95(col)`): a percentile estimated with a t-digest (`com.tdunning:t-digest`
/// `MergingDigest`, compression 100 as Pinot's default) over a numeric single-value column, final type
/// DOUBLE, NaN over no rows (an empty digest's quantile, as in Pinot). The t-digest's error is relative to
/// the quantile: small near the tails and typically well under 1% of the rank in the middle for compression
/// 100; values between centroids are interpolated. The intermediate is the digest's double-precision byte
/// form (OBJECT type [ObjectTypes#TDIGEST]).
///
/// @param legacyName whether the call was spelled `PERCENTILETDIGEST<nn>(col)`
public record PercentileTDigestFunction(Expression argument, double percentile, boolean legacyName)
    implements AggregationFunction {
  static final double COMPRESSION = 100;

  @Override
  public String name() {
    return "percentiletdigest";
  }

  @Override
  public String resultColumnName() {
    return PercentileFunction.columnName(name(), argument, percentile, legacyName);
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
    return new Holder(initialCapacity, percentile);
  }

  /// One digest per group. A dictionary-encoded column's ids are counted per group first and each distinct value
  /// is added once with its count as weight at the end of the segment: a centroid of equal values is exact, so
  /// the estimate keeps the digest's error bound while the adds drop from one per row to one per distinct value.
  static final class Holder implements ResultHolder {
    private final double percentile;
    private final GroupDictIdCounts.Collector dictIdCounts = new GroupDictIdCounts.Collector();
    private final PendingWeights pending = new PendingWeights();
    private MergingDigest[] digests;

    Holder(int capacity, double percentile) {
      this.percentile = percentile;
      digests = new MergingDigest[Math.max(1, capacity)];
    }

    @Override
    public void ensureCapacity(int numGroups) {
      if (numGroups > digests.length) {
        digests = Arrays.copyOf(digests, Math.max(numGroups, digests.length * 2));
      }
    }

    private MergingDigest digest(int group) {
      MergingDigest digest = digests[group];
      if (digest == null) {
        digest = new MergingDigest(COMPRESSION);
        digests[group] = digest;
      }
      return digest;
    }

    @Override
    public void aggregate(ValueBlock block, int slot, int length) {
      if (dictIdCounts.collect(block, slot, length)) {
        return;
      }
      MergingDigest digest = digest(0);
      double[] values = block.doubleValues(slot);
      for (int i = 0; i < length; i++) {
        digest.add(values[i]);
      }
    }

    @Override
    public void aggregateGroupBy(ValueBlock block, int slot, int length, int[] groupIds) {
      if (dictIdCounts.collect(block, slot, length, groupIds)) {
        return;
      }
      double[] values = block.doubleValues(slot);
      for (int i = 0; i < length; i++) {
        digest(groupIds[i]).add(values[i]);
      }
    }

    @Override
    public void aggregateGroupByMultiValue(ValueBlock block, int slot, int length, int[] offsets, int[] groupIds) {
      double[] values = block.doubleValues(slot);
      for (int i = 0; i < length; i++) {
        for (int k = offsets[i]; k < offsets[i + 1]; k++) {
          digest(groupIds[k]).add(values[i]);
        }
      }
    }

    @Override
    public void finishSegment(ValueBlock block, int slot, int numGroups) {
      dictIdCounts.finishSegment(this::addWeighted);
    }

    /// The digest keeps its smallest and largest centroids at weight 1 (it interpolates the tails from them and
    /// asserts it before every merge), so the batch's smallest and largest values are added one by one, first; the
    /// values between them, which can never become an extreme, are added once each with their count as weight.
    private void addWeighted(int group, Dictionary dictionary, int[] ids, long[] counts, int length) {
      double[] values = new double[length];
      dictionary.readDoubleValues(ids, length, values);
      long[] bits = new long[length];
      for (int i = 0; i < length; i++) {
        bits[i] = Double.doubleToLongBits(values[i]);
      }
      if (pending.add(group, bits, counts, length)) {
        flush(group);
      }
    }

    /// Adds a group's pending weighted values (double bits) to its digest.
    private void flush(int group) {
      PendingWeights.Batch batch = pending.take(group);
      if (batch == null) {
        return;
      }
      double[] values = new double[batch.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = Double.longBitsToDouble(batch.values()[i]);
      }
      feed(group, values, batch.counts(), values.length);
    }

    private void feed(int group, double[] values, long[] counts, int length) {
      int min = 0;
      int max = 0;
      for (int i = 1; i < length; i++) {
        min = values[i] < values[min] ? i : min;
        max = values[i] > values[max] ? i : max;
      }
      MergingDigest digest = digest(group);
      for (long c = counts[min]; c > 0; c--) {
        digest.add(values[min]);
      }
      for (long c = max == min ? 0 : counts[max]; c > 0; c--) {
        digest.add(values[max]);
      }
      for (int i = 0; i < length; i++) {
        for (long count = i == min || i == max ? 0 : counts[i]; count > 0; ) {
          int weight = (int) Math.min(Integer.MAX_VALUE, count);
          digest.add(values[i], weight);
          count -= weight;
        }
      }
    }

    @Override
    public void merge(int group, ResultHolder other, int otherGroup) {
      if (pending.merge(group, ((Holder) other).pending, otherGroup)) {
        flush(group);
      }
      MergingDigest from = ((Holder) other).digests[otherGroup];
      if (from == null) {
        return;
      }
      if (digests[group] == null) {
        digests[group] = from;
      } else {
        digests[group].add(from);
      }
    }

    @Override
    public void mergeIntermediate(int group, DataTable table, int row, int column) {
      CustomObject object = table.getCustomObject(row, column);
      if (object == null) {
        return;
      }
      ObjectTypes.expect(object, ObjectTypes.TDIGEST);
      MergingDigest other = MergingDigest.fromBytes(ByteBuffer.wrap(object.bytes()));
      if (digests[group] == null) {
        digests[group] = other;
      } else {
        digests[group].add(other);
      }
    }

    @Override
    public void writeIntermediate(int group, DataTableBuilder builder, int column) {
      flush(group);
      MergingDigest digest = digest(group);
      digest.compress();
      ByteBuffer bytes = ByteBuffer.allocate(digest.byteSize());
      digest.asBytes(bytes);
      builder.setCustomObject(column, new CustomObject(ObjectTypes.TDIGEST, bytes.array()));
    }

    @Override
    public Comparable<?> finalResult(int group) {
      flush(group);
      MergingDigest digest = digests[group];
      if (digest == null || digest.size() == 0) {
        return Double.NaN;
      }
      return digest.quantile(percentile / 100);
    }
  }
}
