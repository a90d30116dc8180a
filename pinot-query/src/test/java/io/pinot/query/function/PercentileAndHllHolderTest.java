// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.pinot.query.context.FunctionCall;
import io.pinot.query.context.Identifier;
import io.pinot.query.context.Literal;
import io.pinot.segment.spi.Utf8Hash;
import io.pinot.spi.exception.QueryException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.datasketches.hll.HllSketch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// Holder-level behaviour without segments: parsing of Pinot's spellings, boundary sizes, merging and the
/// sketches' own error bounds.
class PercentileAndHllHolderTest {
  private static final Identifier COLUMN = new Identifier("x");

  private static AggregationFunction create(String name, Object... literals) {
    List<io.pinot.query.context.Expression> arguments = new java.util.ArrayList<>();
    arguments.add(COLUMN);
    for (Object literal : literals) {
      arguments.add(new Literal(literal));
    }
    return AggregationFunctions.create(new FunctionCall(name, arguments));
  }

  @Test
  void parsesPinotSpellings() {
    assertThat(create("percentile95")).isEqualTo(new PercentileFunction(COLUMN, 95, true));
    assertThat(create("percentile", new BigDecimal("99.9"))).isEqualTo(new PercentileFunction(COLUMN, 99.9, false));
    assertThat(create("percentileest", "50")).isEqualTo(new PercentileEstFunction(COLUMN, 50, false));
    assertThat(create("percentiletdigest0")).isEqualTo(new PercentileTDigestFunction(COLUMN, 0, true));
    assertThat(create("distinctcounthll")).isEqualTo(new DistinctCountHllFunction(COLUMN, 8));
    assertThat(create("distinctcounthll", new BigDecimal(12))).isEqualTo(new DistinctCountHllFunction(COLUMN, 12));
    assertThat(create("percentile100").resultColumnName()).isEqualTo("percentile100(x)");
    assertThat(create("percentiletdigest", 5.5).resultColumnName()).isEqualTo("percentiletdigest(x, 5.5)");
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(() -> create("percentile101")).isInstanceOf(QueryException.class).hasMessageContaining("100");
    assertThatThrownBy(() -> create("percentile", -1.0)).isInstanceOf(QueryException.class);
    assertThatThrownBy(() -> create("percentile", "abc")).isInstanceOf(QueryException.class);
    assertThatThrownBy(() -> create("percentile95", new BigDecimal(5))).isInstanceOf(QueryException.class);
    assertThatThrownBy(() -> create("distinctcounthll", new BigDecimal(3))).isInstanceOf(QueryException.class);
    assertThatThrownBy(() -> create("percentilerawest", new BigDecimal(5))).isInstanceOf(QueryException.class)
        .hasMessage("Function[percentilerawest] is not supported yet");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 7, 8, 9, 255, 256, 257, 1000, 65_536})
  void hllEstimateIsWithinThreeStandardErrorsAfterMerging(int distinct) {
    ResultHolder total = new DistinctCountHllFunction(COLUMN, 8).createHolder(1);
    for (int part = 0; part < 3; part++) {
      ResultHolder holder = new DistinctCountHllFunction(COLUMN, 8).createHolder(1);
      long[] values = new long[distinct];
      for (int i = 0; i < distinct; i++) {
        values[i] = (long) i * 7919 + (part == 2 ? distinct : 0);
      }
      holder.aggregate(RawValueBlock.ofLongs(values), 0, distinct);
      total.merge(0, holder, 0);
    }
    long exact = 2L * distinct;
    HllSketch sketch = ((DistinctCountHllFunction.Holder) total).sketch(0);
    assertThat((Long) total.finalResult(0)).isEqualTo(Math.round(sketch.getCompositeEstimate()));
    assertThat(((Long) total.finalResult(0)).doubleValue()).isCloseTo(exact, within(exact * 3 * 1.04 / 16));
    if (distinct <= 8) {
      assertThat(total.finalResult(0)).isEqualTo(exact);
    }
  }

  @Test
  void hllCountsTheEmptyStringAndIgnoresRepresentation() {
    ResultHolder holder = new DistinctCountHllFunction(COLUMN, 8).createHolder(1);
    holder.aggregate(RawValueBlock.ofStrings("", "a", "", "b"), 0, 4);
    assertThat(holder.finalResult(0)).isEqualTo(3L);
    ResultHolder empty = new DistinctCountHllFunction(COLUMN, 8).createHolder(1);
    assertThat(empty.finalResult(0)).isEqualTo(0L);
  }

  @Test
  void hllOfRawStringBytesEqualsTheSketchOfTheStrings() {
    String[] values = new String[5000];
    for (int i = 0; i < values.length; i++) {
      values[i] = i % 97 == 0 ? "" : Integer.toHexString(i * 7919) + (i % 3 == 0 ? "\u00e9\u4e2d" : "");
    }
    ResultHolder holder = new DistinctCountHllFunction(COLUMN, 8).createHolder(1);
    holder.aggregate(RawValueBlock.ofStrings(values), 0, values.length);
    ResultHolder grouped = new DistinctCountHllFunction(COLUMN, 8).createHolder(1);
    grouped.aggregateGroupBy(RawValueBlock.ofStrings(values), 0, values.length, new int[values.length]);
    HllSketch expected = new HllSketch(8);
    for (String value : values) {
      expected.update(Utf8Hash.hash(value));
    }
    byte[] expectedBytes = expected.toCompactByteArray();
    assertThat(((DistinctCountHllFunction.Holder) holder).sketch(0).toCompactByteArray()).isEqualTo(expectedBytes);
    assertThat(((DistinctCountHllFunction.Holder) grouped).sketch(0).toCompactByteArray()).isEqualTo(expectedBytes);
  }

  @Test
  void percentilesOverOneValueAndBoundaryPercentiles() {
    double[] values = {5, 1, 4, 2, 3};
    for (double p : new double[]{0, 19.9, 20, 50, 79.9, 80, 99.99, 100}) {
      ResultHolder holder = new PercentileFunction(COLUMN, p, false).createHolder(1);
      holder.aggregate(RawValueBlock.ofDoubles(values), 0, values.length);
      assertThat(holder.finalResult(0)).as("p%s", p)
          .isEqualTo(SketchAndPercentileQueryTest.exactPercentile(values, p));
    }
    ResultHolder est = new PercentileEstFunction(COLUMN, 50, false).createHolder(2);
    est.ensureCapacity(2);
    est.aggregateGroupBy(RawValueBlock.ofDoubles(7.9), 0, 1, new int[]{1});
    assertThat(est.finalResult(1)).isEqualTo(7L);
    assertThat(est.finalResult(0)).isEqualTo(Long.MIN_VALUE);
    ResultHolder digest = new PercentileTDigestFunction(COLUMN, 99, false).createHolder(1);
    digest.aggregate(RawValueBlock.ofDoubles(-2.5), 0, 1);
    assertThat(digest.finalResult(0)).isEqualTo(-2.5);
  }
}
