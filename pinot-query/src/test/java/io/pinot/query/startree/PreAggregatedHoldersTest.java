// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.startree;

import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.query.context.Identifier;
import io.pinot.query.function.AvgFunction;
import io.pinot.query.function.CountFunction;
import io.pinot.query.function.MinMaxFunction;
import io.pinot.query.function.ResultHolder;
import io.pinot.query.function.SumFunction;
import io.pinot.segment.spi.Dictionary;
import io.pinot.segment.spi.ForwardIndexReader;
import io.pinot.spi.data.DataType;
import org.junit.jupiter.api.Test;

/// Result holders fed pre-aggregated documents: COUNT adds the documents' counts, AVG adds sums and counts, SUM,
/// MIN and MAX fold the pre-aggregated values as values.
class PreAggregatedHoldersTest {
  private static final long[] COUNTS = {3, 1, 5};
  private static final int[] GROUPS = {0, 1, 0};
  private static final double[] VALUES = {10.0, -2.0, 4.5};

  private static StarTreeBlock block() {
    ForwardIndexReader reader = new DoubleColumn(VALUES);
    StarTreeBlock block = new StarTreeBlock(new ForwardIndexReader[] {reader}, new Dictionary[1]);
    block.setDocIds(new int[] {0, 1, 2}, 3);
    return block;
  }

  private static ResultHolder aggregate(ResultHolder holder, int slot) {
    holder.ensureCapacity(2);
    holder.aggregateGroupByPreAggregated(block(), slot, COUNTS, 3, GROUPS);
    return holder;
  }

  @Test
  void countAddsDocumentCounts() {
    ResultHolder holder = aggregate(CountFunction.star().createHolder(2), -1);
    assertThat(holder.finalResult(0)).isEqualTo(8L);
    assertThat(holder.finalResult(1)).isEqualTo(1L);
  }

  @Test
  void averageWeighsSumsByCounts() {
    ResultHolder holder = aggregate(new AvgFunction(new Identifier("x")).createHolder(2), 0);
    assertThat(holder.finalResult(0)).isEqualTo(14.5 / 8);
    assertThat(holder.finalResult(1)).isEqualTo(-2.0);
  }

  @Test
  void sumMinAndMaxFoldValues() {
    assertThat(aggregate(new SumFunction(new Identifier("x")).createHolder(2), 0).finalResult(0)).isEqualTo(14.5);
    assertThat(aggregate(new MinMaxFunction(new Identifier("x"), false).createHolder(2), 0).finalResult(0))
        .isEqualTo(4.5);
    assertThat(aggregate(new MinMaxFunction(new Identifier("x"), true).createHolder(2), 0).finalResult(1))
        .isEqualTo(-2.0);
  }

  /// A raw DOUBLE column over an array.
  private record DoubleColumn(double[] values) implements ForwardIndexReader {
    @Override
    public boolean dictionaryEncoded() {
      return false;
    }

    @Override
    public boolean singleValue() {
      return true;
    }

    @Override
    public DataType storedType() {
      return DataType.DOUBLE;
    }

    @Override
    public void readDoubleValues(int[] docIds, int length, double[] out) {
      for (int i = 0; i < length; i++) {
        out[i] = values[docIds[i]];
      }
    }

    @Override
    public void readDictIds(int[] docIds, int length, int[] dictIds) {
      throw new UnsupportedOperationException();
    }

    @Override
    public int getDictIdsMV(int docId, int[] dictIds) {
      throw new UnsupportedOperationException();
    }

    @Override
    public int numValuesMV(int docId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void readIntValues(int[] docIds, int length, int[] out) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void readLongValues(int[] docIds, int length, long[] out) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void readFloatValues(int[] docIds, int length, float[] out) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void readStringValues(int[] docIds, int length, String[] out) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void readBytesValues(int[] docIds, int length, byte[][] out) {
      throw new UnsupportedOperationException();
    }
  }
}
