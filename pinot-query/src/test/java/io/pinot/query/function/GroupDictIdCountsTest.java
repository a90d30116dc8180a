// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.function;

import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.query.context.Identifier;
import io.pinot.segment.spi.Dictionary;
import io.pinot.spi.data.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/// Percentile sketches fed per group through dictionary-id counts (one weighted add per distinct value) answer
/// within their rank errors, also when a segment mixes counted blocks with row-by-row ones, when the values have
/// thousands of distinct values (the t-digest merges its buffer in the middle of a batch, with its tail-centroid
/// assertions enabled by the test JVM) and when groups exceed the counters' bound.
class GroupDictIdCountsTest {
  private static final Identifier COLUMN = new Identifier("x");
  private static final int NUM_GROUPS = 3;

  @Test
  void sketchesPerGroupStayWithinTheirRankErrors() {
    long[] distinct = new long[4000];
    for (int i = 0; i < distinct.length; i++) {
      distinct[i] = 10L * i - 7000;
    }
    LongArrayDictionary dictionary = new LongArrayDictionary(distinct);
    Random random = new Random(42);
    List<List<Double>> perGroup = new ArrayList<>();
    for (int g = 0; g < NUM_GROUPS; g++) {
      perGroup.add(new ArrayList<>());
    }
    List<ResultHolder> holders = List.of(new PercentileTDigestFunction(COLUMN, 50, false).createHolder(4),
        new PercentileEstFunction(COLUMN, 90, false).createHolder(4),
        new PercentileKllFunction(COLUMN, 10, 200).createHolder(4));
    for (int block = 0; block < 12; block++) {
      int length = 5000;
      int[] ids = new int[length];
      int[] groups = new int[length];
      for (int i = 0; i < length; i++) {
        // skewed: low ids are frequent, so extreme values have counts above one
        ids[i] = (int) (distinct.length * Math.pow(random.nextDouble(), 3));
        groups[i] = random.nextInt(NUM_GROUPS);
        perGroup.get(groups[i]).add((double) distinct[ids[i]]);
      }
      ValueBlock values = block % 4 == 3 ? RawValueBlock.ofLongs(valuesOf(distinct, ids))
          : new DictionaryBlock(dictionary, ids);
      for (ResultHolder holder : holders) {
        holder.ensureCapacity(NUM_GROUPS);
        holder.aggregateGroupBy(values, 0, length, groups);
      }
    }
    for (ResultHolder holder : holders) {
      holder.finishSegment(new DictionaryBlock(dictionary, new int[0]), 0, NUM_GROUPS);
    }
    for (int g = 0; g < NUM_GROUPS; g++) {
      double[] exact = perGroup.get(g).stream().mapToDouble(Double::doubleValue).sorted().toArray();
      assertWithinRank(exact, (Double) holders.get(0).finalResult(g), 50, 0.01);
      assertWithinRank(exact, ((Long) holders.get(1).finalResult(g)).doubleValue(), 90,
          PercentileEstFunction.RANK_ERROR);
      assertWithinRank(exact, (Double) holders.get(2).finalResult(g), 10, PercentileEstFunction.RANK_ERROR);
    }
  }

  @Test
  void groupsBeyondTheCounterBoundAggregateRowByRow() {
    int cardinality = GroupDictIdCounts.MAX_ENTRIES / 2;
    int[] ids = {0, cardinality - 1, 5, 5};
    int[] groups = {0, 1, 2, 2};
    long[] distinct = new long[cardinality];
    for (int i = 0; i < cardinality; i++) {
      distinct[i] = i;
    }
    ResultHolder holder = new PercentileEstFunction(COLUMN, 50, false).createHolder(4);
    holder.ensureCapacity(3);
    DictionaryBlock block = new DictionaryBlock(new LongArrayDictionary(distinct), ids);
    holder.aggregateGroupBy(block, 0, ids.length, groups);
    holder.finishSegment(block, 0, 3);
    assertThat(holder.finalResult(0)).isEqualTo(0L);
    assertThat(holder.finalResult(1)).isEqualTo((long) cardinality - 1);
    assertThat(holder.finalResult(2)).isEqualTo(5L);
  }

  private static long[] valuesOf(long[] distinct, int[] ids) {
    long[] values = new long[ids.length];
    for (int i = 0; i < ids.length; i++) {
      values[i] = distinct[ids[i]];
    }
    return values;
  }

  private static void assertWithinRank(double[] sorted, double value, double p, double rankError) {
    long below = Arrays.stream(sorted).filter(v -> v < value).count();
    long atOrBelow = Arrays.stream(sorted).filter(v -> v <= value).count();
    double target = p / 100 * sorted.length;
    double slack = rankError * sorted.length + 1;
    assertThat(target).as("p%s value %s ranks [%s, %s] of %s", p, value, below, atOrBelow, sorted.length)
        .isBetween(below - slack, atOrBelow + slack);
  }

  /// A single-value dictionary-encoded block over given dictionary ids.
  private record DictionaryBlock(Dictionary dictionary, int[] ids) implements ValueBlock {
    @Override
    public boolean isDictionaryEncoded(int slot) {
      return true;
    }

    @Override
    public boolean isSingleValue(int slot) {
      return true;
    }

    @Override
    public DataType storedType(int slot) {
      return DataType.LONG;
    }

    @Override
    public @Nullable Dictionary dictionary(int slot) {
      return dictionary;
    }

    @Override
    public int[] dictIds(int slot) {
      return ids;
    }

    @Override
    public int[] intValues(int slot) {
      throw new UnsupportedOperationException();
    }

    @Override
    public long[] longValues(int slot) {
      long[] values = new long[ids.length];
      dictionary.readLongValues(ids, ids.length, values);
      return values;
    }

    @Override
    public float[] floatValues(int slot) {
      throw new UnsupportedOperationException();
    }

    @Override
    public double[] doubleValues(int slot) {
      double[] values = new double[ids.length];
      dictionary.readDoubleValues(ids, ids.length, values);
      return values;
    }

    @Override
    public String[] stringValues(int slot) {
      throw new UnsupportedOperationException();
    }

    @Override
    public byte[][] bytesValues(int slot) {
      throw new UnsupportedOperationException();
    }

    @Override
    public int[] mvOffsets(int slot) {
      throw new UnsupportedOperationException();
    }

    @Override
    public int[] mvDictIds(int slot) {
      throw new UnsupportedOperationException();
    }
  }
}
