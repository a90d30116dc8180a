// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueCountsTest {
  @Test
  void emptyHasNoValuesAndSerializesToNothing() {
    ValueCounts counts = new ValueCounts();
    assertThat(counts.count()).isZero();
    ValueCounts copy = new ValueCounts();
    copy.addSerialized(counts.serialize());
    assertThat(copy.count()).isZero();
    assertThat(counts.serialize()).hasSize(5);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 16383, 16384, 16385, 100_000})
  void sortedPositionsMatchASortedArray(int n) {
    Random random = new Random(n);
    double[] values = new double[n];
    ValueCounts counts = new ValueCounts();
    for (int i = 0; i < n; i++) {
      values[i] = n > 1000 && i % 2 == 0 ? random.nextInt(50) : random.nextGaussian();
      counts.add(values[i]);
    }
    Arrays.sort(values);
    ValueCounts copy = new ValueCounts();
    copy.addSerialized(counts.serialize());
    assertThat(copy.count()).isEqualTo(n);
    for (int index : new int[]{0, n / 3, n / 2, n - 1}) {
      assertThat(copy.valueAt(index)).isEqualTo(values[index]);
      assertThat(counts.valueAt(index)).isEqualTo(values[index]);
    }
  }

  @Test
  void mergesRunsAndOrdersSpecialValuesAsArraysSort() {
    ValueCounts a = new ValueCounts();
    for (double v : new double[]{Double.NaN, 0.0, -0.0, Double.POSITIVE_INFINITY, 1, 1}) {
      a.add(v);
    }
    ValueCounts b = new ValueCounts();
    b.addSorted(new double[]{Double.NEGATIVE_INFINITY, 1, 2}, new long[]{2, 3, 1}, 3);
    a.addAll(b);
    double[] expected = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0, 1, 1, 1, 1, 1, 2,
        Double.POSITIVE_INFINITY, Double.NaN};
    assertThat(a.count()).isEqualTo(expected.length);
    ValueCounts copy = new ValueCounts();
    copy.addSerialized(a.serialize());
    for (int i = 0; i < expected.length; i++) {
      assertThat(Double.valueOf(copy.valueAt(i))).as("index %s", i).isEqualTo(Double.valueOf(expected[i]));
    }
  }
}
