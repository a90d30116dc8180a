// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.transform;

import io.pinot.common.function.ScalarFunction;
import io.pinot.query.operator.BlockValues;
import io.pinot.spi.data.DataType;
import io.pinot.spi.exception.QueryErrorCode;
import io.pinot.spi.exception.QueryException;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/// A scalar function with a multi-value (array) result (`split(s, ',')`, `arraySort(tags)`, `jsonExtractKey(...)`),
/// applied row by row: each document's value is a Java array of the element type's stored form (`int[]` for INT and
/// BOOLEAN, `long[]` for LONG and TIMESTAMP, `float[]`, `double[]`, `String[]` for STRING, JSON and BIG_DECIMAL,
/// `byte[][]`), read through [#arrayValues] by selections and by the functions it is an argument of. It has no
/// dictionary: GROUP BY and aggregations over it fail with QUERY_PLANNING naming the expression. Not thread-safe: one
/// per segment execution.
final class ArrayCallValues implements BlockValues {
  private final String text;
  private final ScalarFunction function;
  private final ArgumentReader[] arguments;
  private final @Nullable Object[] row;
  private final DataType elementType;
  private Object[] values = new Object[0];
  private int computedStamp = -1;

  ArrayCallValues(String text, ScalarFunction function, ArgumentReader[] arguments, DataType elementType) {
    this.text = text;
    this.arguments = arguments;
    this.row = new Object[arguments.length];
    this.elementType = elementType;
    this.function = ValueStore.specialize(text, function, arguments);
  }

  @Override
  public boolean singleValue() {
    return false;
  }

  @Override
  public DataType logicalType() {
    return elementType;
  }

  @Override
  public Object[] arrayValues(int[] docIds, int length, int stamp) {
    if (computedStamp == stamp) {
      return values;
    }
    if (values.length < length) {
      values = new Object[Math.max(length, 1024)];
    }
    for (ArgumentReader argument : arguments) {
      argument.load();
    }
    try {
      for (int i = 0; i < length; i++) {
        for (int a = 0; a < arguments.length; a++) {
          row[a] = arguments[a].value(i);
        }
        values[i] = typed(function.invoke(row));
      }
    } catch (QueryException e) {
      throw e;
    } catch (RuntimeException e) {
      throw ValueStore.failure(text, e);
    }
    computedStamp = stamp;
    return values;
  }

  /// A function's array result in the element type's stored form (an empty array for null).
  private Object typed(@Nullable Object result) {
    int length = result == null ? 0 : Array.getLength(result);
    return switch (elementType.storedType()) {
      case INT -> {
        int[] out = new int[length];
        for (int k = 0; k < length; k++) {
          Object element = Array.get(result, k);
          out[k] = element instanceof Boolean b ? (b ? 1 : 0) : ((Number) element).intValue();
        }
        yield out;
      }
      case LONG -> {
        long[] out = new long[length];
        for (int k = 0; k < length; k++) {
          Object element = Array.get(result, k);
          out[k] = element instanceof Timestamp t ? t.getTime() : ((Number) element).longValue();
        }
        yield out;
      }
      case FLOAT -> {
        float[] out = new float[length];
        for (int k = 0; k < length; k++) {
          out[k] = ((Number) Array.get(result, k)).floatValue();
        }
        yield out;
      }
      case DOUBLE -> {
        double[] out = new double[length];
        for (int k = 0; k < length; k++) {
          out[k] = ((Number) Array.get(result, k)).doubleValue();
        }
        yield out;
      }
      case BYTES -> result == null ? new byte[0][] : Arrays.copyOf((Object[]) result, length, byte[][].class);
      default -> {
        String[] out = new String[length];
        for (int k = 0; k < length; k++) {
          Object element = Array.get(result, k);
          out[k] = element instanceof BigDecimal decimal ? decimal.toPlainString() : String.valueOf(element);
        }
        yield out;
      }
    };
  }

  private QueryException singleValueUse() {
    return QueryErrorCode.QUERY_PLANNING.asException("Multi-value result of expression[" + text
        + "] is supported in SELECT lists and as a function argument, not here");
  }

  @Override
  public int[] dictIds(int[] docIds, int length, int stamp) {
    throw singleValueUse();
  }

  @Override
  public int[] intValues(int[] docIds, int length, int stamp) {
    throw singleValueUse();
  }

  @Override
  public long[] longValues(int[] docIds, int length, int stamp) {
    throw singleValueUse();
  }

  @Override
  public float[] floatValues(int[] docIds, int length, int stamp) {
    throw singleValueUse();
  }

  @Override
  public double[] doubleValues(int[] docIds, int length, int stamp) {
    throw singleValueUse();
  }

  @Override
  public String[] stringValues(int[] docIds, int length, int stamp) {
    throw singleValueUse();
  }

  @Override
  public byte[][] bytesValues(int[] docIds, int length, int stamp) {
    throw singleValueUse();
  }

  @Override
  public int[] mvOffsets(int[] docIds, int length, int stamp) {
    throw singleValueUse();
  }

  @Override
  public int[] mvDictIds(int[] docIds, int length, int stamp) {
    throw singleValueUse();
  }
}
