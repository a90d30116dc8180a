// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.transform;

import io.pinot.query.operator.ProjectionBlock;
import io.pinot.segment.spi.Dictionary;
import io.pinot.spi.data.DataType;
import io.pinot.spi.exception.QueryErrorCode;
import java.math.BigDecimal;
import java.sql.Timestamp;
import org.jspecify.annotations.Nullable;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/// Reads one argument of a row-at-a-time scalar function as boxed values in the function's expected Java forms
/// (`Integer`, `Long`, `Float`, `Double`, `BigDecimal`, `Boolean`, `Timestamp`, `String`, `byte[]`; multi-value
/// columns as `int[]`, `long[]`, `float[]`, `double[]` or `String[]`): a constant, or a slot of the block read
/// once per block by [#load]. Not thread-safe: one per segment execution.
final class ArgumentReader {
  private final ProjectionBlock block;
  private final int slot;
  private final @Nullable Object constant;
  private final DataType type;
  private final boolean singleValue;
  private long[] longs;
  private double[] doubles;
  private String[] strings;
  private byte[][] bytes;
  private int[] offsets;
  private int[] mvIds;
  private Object @Nullable [] arrays;
  private @Nullable ImmutableRoaringBitmap nulls;

  private ArgumentReader(ProjectionBlock block, int slot, @Nullable Object constant, DataType type,
      boolean singleValue) {
    this.block = block;
    this.slot = slot;
    this.constant = constant;
    this.type = type;
    this.singleValue = singleValue;
  }

  static ArgumentReader constant(@Nullable Object value) {
    return new ArgumentReader(null, -1, value, DataType.UNKNOWN, true);
  }

  static ArgumentReader slot(ProjectionBlock block, int slot) {
    return new ArgumentReader(block, slot, null, block.logicalType(slot), block.isSingleValue(slot));
  }

  /// Makes documents in `nullDocs` read as null (for null-aware functions under `enableNullHandling`).
  ArgumentReader nullFor(@Nullable ImmutableRoaringBitmap nullDocs) {
    this.nulls = nullDocs;
    return this;
  }

  boolean isConstant() {
    return slot < 0;
  }

  @Nullable Object constantValue() {
    return constant;
  }

  /// Reads the current block's values of the slot.
  void load() {
    if (slot < 0) {
      return;
    }
    if (!singleValue) {
      if (block.dictionary(slot) == null) {
        if (block.source(slot) instanceof ArrayCallValues) {
          arrays = block.arrayValues(slot);
          return;
        }
        throw QueryErrorCode.QUERY_EXECUTION.asException("Transforms of raw multi-value columns are not supported");
      }
      offsets = block.mvOffsets(slot);
      mvIds = block.mvDictIds(slot);
      return;
    }
    switch (type.storedType()) {
      case INT, LONG -> longs = block.longValues(slot);
      case FLOAT, DOUBLE -> doubles = block.doubleValues(slot);
      case BYTES -> bytes = block.bytesValues(slot);
      default -> strings = block.stringValues(slot);
    }
  }

  /// The value of document `i` of the current block.
  @Nullable Object value(int i) {
    if (slot < 0) {
      return constant;
    }
    if (nulls != null && nulls.contains(block.docIds()[i])) {
      return null;
    }
    if (!singleValue) {
      return multiValue(i);
    }
    return switch (type) {
      case INT -> (int) longs[i];
      case LONG -> longs[i];
      case BOOLEAN -> longs[i] != 0;
      case TIMESTAMP -> new Timestamp(longs[i]);
      // A FLOAT widens to the double it is (as Pinot's transforms read it), not to its decimal text.
      case FLOAT, DOUBLE -> doubles[i];
      case BIG_DECIMAL -> new BigDecimal(strings[i]);
      case BYTES -> bytes[i];
      default -> strings[i];
    };
  }

  private Object multiValue(int i) {
    if (arrays != null) {
      return arrays[i];
    }
    Dictionary dictionary = block.dictionary(slot);
    int start = offsets[i];
    int count = offsets[i + 1] - start;
    switch (type.storedType()) {
      case INT -> {
        int[] values = new int[count];
        for (int k = 0; k < count; k++) {
          values[k] = dictionary.getIntValue(mvIds[start + k]);
        }
        return values;
      }
      case LONG -> {
        long[] values = new long[count];
        for (int k = 0; k < count; k++) {
          values[k] = dictionary.getLongValue(mvIds[start + k]);
        }
        return values;
      }
      case FLOAT -> {
        float[] values = new float[count];
        for (int k = 0; k < count; k++) {
          values[k] = dictionary.getFloatValue(mvIds[start + k]);
        }
        return values;
      }
      case DOUBLE -> {
        double[] values = new double[count];
        for (int k = 0; k < count; k++) {
          values[k] = dictionary.getDoubleValue(mvIds[start + k]);
        }
        return values;
      }
      default -> {
        String[] values = new String[count];
        for (int k = 0; k < count; k++) {
          values[k] = dictionary.getStringValue(mvIds[start + k]);
        }
        return values;
      }
    }
  }
}
