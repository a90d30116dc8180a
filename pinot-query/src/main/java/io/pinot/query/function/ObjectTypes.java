// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.function;

import io.pinot.common.datatable.CustomObject;

/// Object-type ids of the OBJECT cells this engine writes for aggregation intermediates. They only need to
/// be understood by this engine's brokers; ids avoid Pinot's null id 100.
public final class ObjectTypes {
  /// AVG: double sum, long count.
  public static final int AVG_PAIR = 1;
  /// DISTINCTCOUNT over integral and floating values: int32 n, then n longs (see [LongHashSet] encoding).
  public static final int LONG_SET = 2;
  /// DISTINCTCOUNT over strings and big decimals: int32 n, then n × (int32 length, UTF-8 bytes).
  public static final int STRING_SET = 3;
  /// DISTINCTCOUNT over bytes: int32 n, then n × (int32 length, bytes).
  public static final int BYTES_SET = 4;
  /// DISTINCTCOUNT over numbers, strictly increasing: int32 n, then n longs.
  public static final int SORTED_LONGS = 5;
  /// DISTINCTCOUNTHLL: a DataSketches HLL sketch in its compact serialized form.
  public static final int HLL_SKETCH = 6;
  /// PERCENTILE: int32 n, byte 1 when every count is 1, then n strictly increasing doubles (`Double.compare` order),
  /// then (unless the byte is 1) n long counts.
  public static final int VALUE_COUNTS = 7;
  /// PERCENTILEEST: a DataSketches KLL sketch of longs in its serialized form.
  public static final int KLL_LONGS = 8;
  /// PERCENTILETDIGEST: a t-digest `MergingDigest` in its verbose (double-precision) byte form.
  public static final int TDIGEST = 9;
  /// MINMAXRANGE: double minimum, double maximum.
  public static final int MIN_MAX_RANGE = 10;
  /// VAR_POP, VAR_SAMP, STDDEV_POP, STDDEV_SAMP: int64 count, double mean, double sum of squared deviations.
  public static final int VARIANCE = 11;
  /// PERCENTILEKLL: a DataSketches KLL sketch of doubles in its serialized form.
  public static final int KLL_DOUBLES = 12;
  /// DISTINCTCOUNTBITMAP: a RoaringBitmap in its portable serialization.
  public static final int ROARING_BITMAP = 13;
  /// MODE: value frequencies, see [LongCountMap] (keys are `Double.doubleToLongBits` of the values).
  public static final int VALUE_FREQUENCIES = 14;
  /// COVAR_POP, COVAR_SAMP: int64 count, double mean of a, double mean of b, double co-moment.
  public static final int COVARIANCE = 15;
  /// FIRSTWITHTIME, LASTWITHTIME: int64 time, then int64, double or UTF-8 bytes of the value by the declared type.
  public static final int VALUE_WITH_TIME = 16;
  /// DISTINCTCOUNTHLLPLUS: a stream-lib `HyperLogLogPlus` in its `getBytes()` form.
  public static final int HLL_PLUS = 17;
  /// DISTINCTCOUNTTHETASKETCH: a DataSketches compact theta sketch in its serialized form.
  public static final int THETA_SKETCH = 18;
  /// DISTINCTSUM, DISTINCTAVG: int32 n, then n int64 `Double.doubleToLongBits` of distinct values.
  public static final int DOUBLE_SET = 19;
  /// DISTINCTCOUNT of integral values that all fit in an int: a RoaringBitmap of them in its portable serialization.
  public static final int INT_BITMAP = 20;

  private ObjectTypes() {
  }

  static void expect(CustomObject object, int type) {
    if (object.type() != type) {
      throw new IllegalStateException("Expected intermediate object type " + type + " but got " + object.type());
    }
  }
}
