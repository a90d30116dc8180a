// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.pinot.common.datatable.ColumnDataType;
import io.pinot.common.datatable.DataSchema;
import io.pinot.common.datatable.DataTable;
import io.pinot.common.datatable.DataTableBuilder;
import io.pinot.query.context.Expression;
import io.pinot.query.context.FunctionCall;
import io.pinot.query.context.Identifier;
import io.pinot.query.context.Literal;
import io.pinot.spi.exception.QueryException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// Holder-level behaviour of MODE, BOOL_AND/OR, SUMPRECISION, COVAR_*, FIRST/LASTWITHTIME, DISTINCTCOUNTHLLPLUS,
/// DISTINCTCOUNTTHETASKETCH, SEGMENTPARTITIONEDDISTINCTCOUNT and the MV functions without segments: parsing and
/// names, empty input, one row, ties, type limits, intermediates through a real DataTable, and sketch error bounds.
class ExtendedAggregationHolderTest {
  private static final Identifier X = new Identifier("x");
  private static final Identifier Y = new Identifier("y");

  static AggregationFunction create(String name, Object... arguments) {
    List<Expression> expressions = new ArrayList<>();
    for (Object argument : arguments) {
      expressions.add(argument instanceof Expression expression ? expression : new Literal(argument));
    }
    return AggregationFunctions.create(new FunctionCall(name, expressions));
  }

  /// Aggregates each block into its own holder (as segments do) and merges them through a serialized DataTable.
  static Comparable<?> run(AggregationFunction function, ValueBlock... blocks) {
    ResultHolder total = function.createHolder(1);
    for (ValueBlock block : blocks) {
      ResultHolder holder = function.createHolder(1);
      if (!function.extraArguments().isEmpty()) {
        holder.bindExtraSlots(new int[]{1});
      }
      int length = blockLength(block);
      holder.aggregate(block, 0, length);
      holder.finishSegment(block, 0, 1);
      total = roundTrip(function, holder, total);
    }
    return total.finalResult(0);
  }

  private static int blockLength(ValueBlock block) {
    return block instanceof MultiValueBlock mv ? mv.mvOffsets(0).length - 1 : block.stringValues(0).length;
  }

  /// Writes `holder`'s group 0 into a DataTable and merges the deserialized cell into `into`.
  static ResultHolder roundTrip(AggregationFunction function, ResultHolder holder, ResultHolder into) {
    DataTableBuilder builder = new DataTableBuilder(new DataSchema(List.of("v"),
        List.of(function.intermediateType())));
    builder.startRow();
    holder.writeIntermediate(0, builder, 0);
    DataTable table = DataTable.fromBytes(builder.build().toBytes());
    into.mergeIntermediate(0, table, 0, 0);
    return into;
  }

  static Comparable<?> empty(AggregationFunction function) {
    return roundTrip(function, function.createHolder(1), function.createHolder(1)).finalResult(0);
  }

  @Test
  void namesAndTypesFollowPinot() {
    assertThat(create("mode", X, "max").resultColumnName()).isEqualTo("mode(x)");
    assertThat(create("booland", X).resultColumnName()).isEqualTo("booland(x)");
    assertThat(create("boolor", X).finalType()).isEqualTo(ColumnDataType.BOOLEAN);
    assertThat(create("sumprecision", X, new BigDecimal(10)).resultColumnName()).isEqualTo("sumprecision(x)");
    assertThat(create("sumprecision", X).finalType()).isEqualTo(ColumnDataType.STRING);
    assertThat(create("covarpop", X, Y).resultColumnName()).isEqualTo("covarpop(x,y)");
    assertThat(create("covarsamp", X, Y).finalType()).isEqualTo(ColumnDataType.DOUBLE);
    assertThat(create("firstwithtime", X, Y, "long").resultColumnName()).isEqualTo("firstwithtime(x,y,'LONG')");
    assertThat(create("lastwithtime", X, Y, "BOOLEAN").finalType()).isEqualTo(ColumnDataType.BOOLEAN);
    assertThat(create("distinctcounthllplus", X, new BigDecimal(12)).resultColumnName())
        .isEqualTo("distinctcounthllplus(x)");
    assertThat(create("distinctcountthetasketch", X, "nominalEntries=1024").resultColumnName())
        .isEqualTo("distinctcountthetasketch(x)");
    assertThat(create("segmentpartitioneddistinctcount", X).finalType()).isEqualTo(ColumnDataType.LONG);
    assertThat(create("countmv", X).resultColumnName()).isEqualTo("countmv(x)");
    assertThat(create("countmv", X).finalType()).isEqualTo(ColumnDataType.LONG);
    assertThat(create("percentile95mv", X).resultColumnName()).isEqualTo("percentile95mv(x)");
    assertThat(create("percentileestmv", X, new BigDecimal(50)).resultColumnName())
        .isEqualTo(create("percentileest", X, new BigDecimal(50)).resultColumnName().replace("est(", "estmv("));
    assertThat(create("distinctcountmv", X).finalType()).isEqualTo(ColumnDataType.INT);
    assertThat(AggregationFunctions.isAggregation("percentiletdigest99mv")).isTrue();
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(() -> create("mode", X, "median")).isInstanceOf(QueryException.class)
        .hasMessageContaining("MIN, MAX or AVG");
    assertThatThrownBy(() -> create("covarpop", X)).isInstanceOf(QueryException.class);
    assertThatThrownBy(() -> create("firstwithtime", X, Y)).isInstanceOf(QueryException.class)
        .hasMessageContaining("FIRST_WITH_TIME expects 3 arguments");
    assertThatThrownBy(() -> create("firstwithtime", X, Y, "BYTES")).isInstanceOf(QueryException.class)
        .hasMessageContaining("Unsupported data type for FIRST_WITH_TIME");
    assertThatThrownBy(() -> create("distinctcounthllplus", X, new BigDecimal(3))).isInstanceOf(QueryException.class);
    assertThatThrownBy(() -> create("distinctcounthllplus", X, new BigDecimal(14), new BigDecimal(10)))
        .isInstanceOf(QueryException.class);
    assertThatThrownBy(() -> create("distinctcountthetasketch", X, "nominalEntries=abc"))
        .isInstanceOf(QueryException.class);
    assertThatThrownBy(() -> create("distinctcountthetasketch", X, "", "a = 1", "SET_UNION($1)"))
        .isInstanceOf(QueryException.class).hasMessageContaining("filter expressions");
    assertThatThrownBy(() -> create("sumprecision", X, "abc")).isInstanceOf(QueryException.class);
  }

  @Test
  void modeBreaksTiesByTheReducer() {
    ColumnsBlock block = new ColumnsBlock((Object) new long[]{5, 1, 5, 1, 3, 9, 9});
    assertThat(run(create("mode", X), block)).isEqualTo(1.0);
    assertThat(run(create("mode", X, "MAX"), block)).isEqualTo(9.0);
    assertThat(run(create("mode", X, "AVG"), block)).isEqualTo(5.0);
    assertThat(run(create("mode", X), new ColumnsBlock((Object) new long[]{7}))).isEqualTo(7.0);
    assertThat(run(create("mode", X), new ColumnsBlock((Object) new double[]{0.5, 2.5}),
        new ColumnsBlock((Object) new double[]{2.5}))).isEqualTo(2.5);
    assertThat(empty(create("mode", X))).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(run(create("mode", X, "MIN"), new ColumnsBlock((Object) new int[]{Integer.MIN_VALUE,
        Integer.MAX_VALUE}))).isEqualTo((double) Integer.MIN_VALUE);
  }

  @Test
  void modeCountsDictionaryIdsOfASegment() {
    LongArrayDictionary dictionary = new LongArrayDictionary(10, 20, 30);
    // A single-value dictionary block: the flattened view of one-value documents is one.
    MultiValueBlock mv = new MultiValueBlock(dictionary, new int[]{2}, new int[]{0}, new int[]{2}, new int[]{1});
    FlatMultiValueBlock flat = new FlatMultiValueBlock();
    int n = flat.bind(mv, 0, 4);
    ResultHolder holder = create("mode", X).createHolder(1);
    holder.aggregate(flat, 0, n);
    holder.finishSegment(flat, 0, 1);
    assertThat(holder.finalResult(0)).isEqualTo(30.0);
  }

  @Test
  void boolAndOrUseTheirIdentities() {
    AggregationFunction and = create("booland", X);
    AggregationFunction or = create("boolor", X);
    assertThat(empty(and)).isEqualTo(true);
    assertThat(empty(or)).isEqualTo(false);
    ColumnsBlock mixed = new ColumnsBlock((Object) new int[]{1, 0, 1});
    ColumnsBlock ones = new ColumnsBlock((Object) new int[]{1, 1});
    ColumnsBlock zeros = new ColumnsBlock((Object) new int[]{0});
    assertThat(run(and, ones)).isEqualTo(true);
    assertThat(run(and, ones, mixed)).isEqualTo(false);
    assertThat(run(or, zeros)).isEqualTo(false);
    assertThat(run(or, zeros, mixed)).isEqualTo(true);
    ResultHolder holder = and.createHolder(1);
    holder.ensureCapacity(3);
    holder.aggregateGroupBy(mixed, 0, 3, new int[]{0, 1, 2});
    assertThat(List.of(holder.finalResult(0), holder.finalResult(1), holder.finalResult(2)))
        .containsExactly(true, false, true);
  }

  @Test
  void sumPrecisionIsExactAndRounds() {
    ColumnsBlock longs = new ColumnsBlock((Object) new long[]{Long.MAX_VALUE, Long.MAX_VALUE, 1});
    assertThat(run(create("sumprecision", X), longs))
        .isEqualTo(BigDecimal.valueOf(Long.MAX_VALUE).multiply(BigDecimal.TWO).add(BigDecimal.ONE));
    ColumnsBlock mins = new ColumnsBlock((Object) new long[]{Long.MIN_VALUE, -1, Long.MIN_VALUE});
    assertThat(run(create("sumprecision", X), mins)).isEqualTo(BigDecimal.valueOf(Long.MIN_VALUE)
        .multiply(BigDecimal.TWO).subtract(BigDecimal.ONE));
    ColumnsBlock doubles = new ColumnsBlock((Object) new double[]{0.1, 0.2});
    assertThat(run(create("sumprecision", X), doubles)).isEqualTo(new BigDecimal("0.3"));
    ColumnsBlock strings = new ColumnsBlock((Object) new String[]{"123.456", "1000"});
    assertThat(run(create("sumprecision", X, new BigDecimal(5)), strings)).isEqualTo(new BigDecimal("1123.5"));
    assertThat(run(create("sumprecision", X, new BigDecimal(5), new BigDecimal(2)), strings))
        .isEqualTo(new BigDecimal("1123.50"));
    assertThat(empty(create("sumprecision", X))).isEqualTo(BigDecimal.ZERO);
    assertThat(ColumnDataType.STRING.format(empty(create("sumprecision", X)))).isEqualTo("0");
    assertThat(run(create("sumprecision", X), new ColumnsBlock((Object) new int[]{Integer.MAX_VALUE,
        Integer.MAX_VALUE}))).isEqualTo(BigDecimal.valueOf(2L * Integer.MAX_VALUE));
  }

  @Test
  void covarianceMatchesATwoPassComputation() {
    Random random = new Random(3);
    double[] a = new double[1000];
    double[] b = new double[1000];
    for (int i = 0; i < a.length; i++) {
      a[i] = 1e9 + random.nextInt(1000);
      b[i] = a[i] * 0.5 + random.nextGaussian();
    }
    double meanA = java.util.Arrays.stream(a).average().orElseThrow();
    double meanB = java.util.Arrays.stream(b).average().orElseThrow();
    double c = 0;
    for (int i = 0; i < a.length; i++) {
      c += (a[i] - meanA) * (b[i] - meanB);
    }
    ColumnsBlock first = new ColumnsBlock(java.util.Arrays.copyOf(a, 400), java.util.Arrays.copyOf(b, 400));
    ColumnsBlock second = new ColumnsBlock(java.util.Arrays.copyOfRange(a, 400, 1000),
        java.util.Arrays.copyOfRange(b, 400, 1000));
    assertThat((Double) run(create("covarpop", X, Y), first, second)).isCloseTo(c / 1000, within(1e-9 * c / 1000));
    assertThat((Double) run(create("covarsamp", X, Y), first, second)).isCloseTo(c / 999, within(1e-9 * c / 999));
    ColumnsBlock one = new ColumnsBlock(new int[]{3}, new long[]{4});
    assertThat(run(create("covarpop", X, Y), one)).isEqualTo(0.0);
    assertThat(run(create("covarsamp", X, Y), one)).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(empty(create("covarpop", X, Y))).isEqualTo(Double.NEGATIVE_INFINITY);
  }

  @ParameterizedTest
  @ValueSource(strings = {"INT", "LONG", "FLOAT", "DOUBLE", "STRING", "BOOLEAN"})
  void firstAndLastWithTimeDefaultToPinotsValues(String type) {
    Object expected = switch (type) {
      case "INT" -> Integer.MIN_VALUE;
      case "LONG" -> Long.MIN_VALUE;
      case "FLOAT" -> Float.NaN;
      case "DOUBLE" -> Double.NaN;
      case "STRING" -> "";
      default -> false;
    };
    assertThat(empty(create("firstwithtime", X, Y, type))).isEqualTo(expected);
    assertThat(empty(create("lastwithtime", X, Y, type))).isEqualTo(expected);
  }

  @Test
  void firstAndLastWithTimePickByTime() {
    ColumnsBlock first = new ColumnsBlock(new int[]{1, 0, 1, 7}, new long[]{50, 20, 20, 90});
    ColumnsBlock second = new ColumnsBlock(new int[]{5, 6}, new long[]{20, 95});
    // Ties within a segment go to the later document; across segments to the earlier-merged result.
    assertThat(run(create("firstwithtime", X, Y, "INT"), first, second)).isEqualTo(1);
    assertThat(run(create("lastwithtime", X, Y, "INT"), first, second)).isEqualTo(6);
    assertThat(run(create("firstwithtime", X, Y, "BOOLEAN"), first)).isEqualTo(true);
    assertThat(run(create("lastwithtime", X, Y, "LONG"), first)).isEqualTo(7L);
    assertThat(run(create("firstwithtime", X, Y, "DOUBLE"), first)).isEqualTo(1.0);
    assertThat(run(create("lastwithtime", X, Y, "FLOAT"), second)).isEqualTo(6.0f);
    ColumnsBlock strings = new ColumnsBlock(new String[]{"b", "é", "c"}, new long[]{Long.MIN_VALUE, 5, 9});
    assertThat(run(create("firstwithtime", X, Y, "STRING"), strings)).isEqualTo("b");
    assertThat(run(create("lastwithtime", X, Y, "STRING"), strings)).isEqualTo("c");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 1023, 1024, 1025, 100_000})
  void hllPlusAndThetaStayWithinTheirErrorBounds(int distinct) {
    long[] values = new long[distinct * 2];
    for (int i = 0; i < values.length; i++) {
      values[i] = (i % Math.max(1, distinct)) * 7919L - 3;
    }
    if (distinct == 0) {
      values = new long[0];
    }
    ColumnsBlock a = new ColumnsBlock((Object) java.util.Arrays.copyOf(values, values.length / 2));
    ColumnsBlock b = new ColumnsBlock((Object) java.util.Arrays.copyOfRange(values, values.length / 2,
        values.length));
    long hll = (Long) run(create("distinctcounthllplus", X), a, b);
    long theta = (Long) run(create("distinctcountthetasketch", X), a, b);
    // Three standard errors: 1.04/sqrt(2^14) for HLL++, 1/sqrt(4096) for theta (exact below 4096 entries).
    assertThat((double) hll).isCloseTo(distinct, within(3 * 0.0081 * distinct + 1));
    if (distinct < 4096) {
      assertThat(theta).isEqualTo(distinct);
    } else {
      assertThat((double) theta).isCloseTo(distinct, within(3 * distinct / 64.0));
    }
  }

  @Test
  void hllPlusHashesStringsAndNumbersOfEachRepresentationAlike() {
    ColumnsBlock strings = new ColumnsBlock((Object) new String[]{"a", "b", "a", "c"});
    assertThat(run(create("distinctcounthllplus", X, new BigDecimal(10)), strings)).isEqualTo(3L);
    assertThat(run(create("distinctcountthetasketch", X, "nominalEntries=16;accumulatorThreshold=2"), strings))
        .isEqualTo(3L);
    LongArrayDictionary dictionary = new LongArrayDictionary(1, 2, 3);
    FlatMultiValueBlock flat = new FlatMultiValueBlock();
    int n = flat.bind(new MultiValueBlock(dictionary, new int[]{0}, new int[]{2}), 0, 2);
    AggregationFunction function = create("distinctcounthllplus", X);
    ResultHolder fromDictionary = function.createHolder(1);
    fromDictionary.aggregate(flat, 0, n);
    fromDictionary.finishSegment(flat, 0, 1);
    ResultHolder total = roundTrip(function, fromDictionary, function.createHolder(1));
    ResultHolder raw = function.createHolder(1);
    raw.aggregate(new ColumnsBlock((Object) new long[]{1, 3}), 0, 2);
    assertThat(roundTrip(function, raw, total).finalResult(0)).isEqualTo(2L);
  }

  @Test
  void distinctSumAndAverageCountEachValueOnce() {
    ColumnsBlock a = new ColumnsBlock((Object) new int[]{3, 3, -1, Integer.MAX_VALUE});
    ColumnsBlock b = new ColumnsBlock((Object) new int[]{3, 5});
    assertThat(run(create("distinctsum", X), a, b)).isEqualTo(7.0 + Integer.MAX_VALUE);
    assertThat(run(create("distinctavg", X), new ColumnsBlock((Object) new double[]{1.5, 2.5, 1.5})))
        .isEqualTo(2.0);
    assertThat(empty(create("distinctsum", X))).isEqualTo(0.0);
    assertThat(empty(create("distinctavg", X))).isEqualTo(Double.NaN);
    MultiValueBlock mv = new MultiValueBlock(new LongArrayDictionary(2, 4), new int[]{0, 1}, new int[0],
        new int[]{1});
    assertThat(run(create("distinctsummv", X), mv)).isEqualTo(6.0);
    assertThat(run(create("distinctavgmv", X), mv)).isEqualTo(3.0);
  }

  @Test
  void segmentPartitionedDistinctCountSumsPerSegmentCounts() {
    AggregationFunction function = create("segmentpartitioneddistinctcount", X);
    ColumnsBlock a = new ColumnsBlock((Object) new long[]{1, 2, 2, 3});
    ColumnsBlock b = new ColumnsBlock((Object) new long[]{3, 3, 4});
    assertThat(run(function, a, b)).isEqualTo(5L);
    assertThat(empty(function)).isEqualTo(0L);
  }

  @Test
  void multiValueFunctionsAggregateEveryValueAndSkipEmptyRows() {
    LongArrayDictionary dictionary = new LongArrayDictionary(-5, 0, 10, 40);
    MultiValueBlock block = new MultiValueBlock(dictionary, new int[]{0, 2}, new int[0], new int[]{2, 3, 1},
        new int[0]);
    MultiValueBlock onlyEmpty = new MultiValueBlock(dictionary, new int[0], new int[0]);
    assertThat(run(create("countmv", X), block, onlyEmpty)).isEqualTo(5L);
    assertThat(run(create("summv", X), block)).isEqualTo(55.0);
    assertThat(run(create("minmv", X), block)).isEqualTo(-5.0);
    assertThat(run(create("maxmv", X), block)).isEqualTo(40.0);
    assertThat(run(create("avgmv", X), block)).isEqualTo(11.0);
    assertThat(run(create("minmaxrangemv", X), block)).isEqualTo(45.0);
    assertThat(run(create("distinctcountmv", X), block)).isEqualTo(4);
    assertThat(run(create("distinctcountbitmapmv", X), block)).isEqualTo(4);
    assertThat(run(create("distinctcounthllmv", X), block))
        .isEqualTo(run(create("distinctcounthll", X), new ColumnsBlock((Object) new long[]{-5, 10, 10, 40, 0})));
    assertThat(run(create("distinctcounthllplusmv", X), block)).isEqualTo(4L);
    assertThat(run(create("percentile50mv", X), block)).isEqualTo(10.0);
    assertThat(run(create("percentilemv", X, new BigDecimal(100)), block)).isEqualTo(40.0);
    assertThat(run(create("countmv", X), onlyEmpty)).isEqualTo(0L);
    assertThat(run(create("summv", X), onlyEmpty)).isEqualTo(0.0);
    assertThat(run(create("percentileestmv", X, new BigDecimal(50)), block)).isEqualTo(10L);
  }

  @Test
  void multiValueGroupByExpandsGroupsPerValue() {
    LongArrayDictionary dictionary = new LongArrayDictionary(1, 2, 3);
    MultiValueBlock block = new MultiValueBlock(dictionary, new int[]{0, 1}, new int[]{2}, new int[0]);
    ResultHolder sum = create("summv", X).createHolder(2);
    sum.ensureCapacity(2);
    sum.aggregateGroupBy(block, 0, 3, new int[]{1, 0, 1});
    assertThat(List.of(sum.finalResult(0), sum.finalResult(1))).containsExactly(3.0, 3.0);
    ResultHolder count = create("countmv", X).createHolder(3);
    count.ensureCapacity(3);
    // Document 0 in groups {0, 2}, document 1 in group {1}, document 2 in groups {0, 1, 2}.
    count.aggregateGroupByMultiValue(block, 0, 3, new int[]{0, 2, 3, 6}, new int[]{0, 2, 1, 0, 1, 2});
    assertThat(List.of(count.finalResult(0), count.finalResult(1), count.finalResult(2)))
        .containsExactly(2L, 1L, 2L);
    ResultHolder distinct = create("distinctcountmv", X).createHolder(2);
    distinct.ensureCapacity(2);
    distinct.aggregateGroupBy(block, 0, 3, new int[]{0, 0, 1});
    distinct.finishSegment(block, 0, 2);
    assertThat(List.of(distinct.finalResult(0), distinct.finalResult(1))).containsExactly(3, 0);
  }
}
