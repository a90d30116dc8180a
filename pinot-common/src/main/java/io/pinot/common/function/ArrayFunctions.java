// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.function;

import static io.pinot.common.function.ScalarType.BOOLEAN;
import static io.pinot.common.function.ScalarType.DOUBLE;
import static io.pinot.common.function.ScalarType.DOUBLE_ARRAY;
import static io.pinot.common.function.ScalarType.FLOAT_ARRAY;
import static io.pinot.common.function.ScalarType.INT;
import static io.pinot.common.function.ScalarType.INT_ARRAY;
import static io.pinot.common.function.ScalarType.LONG;
import static io.pinot.common.function.ScalarType.LONG_ARRAY;
import static io.pinot.common.function.ScalarType.OBJECT;
import static io.pinot.common.function.ScalarType.OBJECT_ARRAY;
import static io.pinot.common.function.ScalarType.STRING;
import static io.pinot.common.function.ScalarType.STRING_ARRAY;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/// Array (multi-value) functions with Pinot's names. The typed variants (`arraySumInt`, `arrayContainsString`...)
/// convert elements to their type; the generic ones (`arrayLength`/`cardinality`, `arrayMin`, `arrayMax`,
/// `arraySum`, `arrayAverage`, `arrayDistinct`, `arrayReverse`, `arraySort`) work on any element type. Null
/// elements are skipped by the aggregating functions; `arrayMin`/`arrayMax`/`arrayAverage` of no values are null.
/// Indexes of `arrayIndexOf*` are 0-based (-1 when absent), of `arrayElementAt*` 1-based (0 or "" when out of
/// range), as in Pinot. Stateless.
final class ArrayFunctions {
  private static final Map<String, ScalarType> TYPES = Map.of("Int", INT_ARRAY, "Long", LONG_ARRAY, "Float",
      FLOAT_ARRAY, "Double", DOUBLE_ARRAY, "String", STRING_ARRAY);

  private ArrayFunctions() {
  }

  static void register(FunctionRegistry.Builder b) {
    b.define("arrayLength", "cardinality").args(OBJECT_ARRAY).returns(INT).body(a -> ((Object[]) a[0]).length);
    b.define("arrayMin").args(OBJECT_ARRAY).returns(OBJECT).body(a -> extreme((Object[]) a[0], false));
    b.define("arrayMax").args(OBJECT_ARRAY).returns(OBJECT).body(a -> extreme((Object[]) a[0], true));
    b.define("arraySum").args(DOUBLE_ARRAY).returns(DOUBLE).body(a -> sum((Object[]) a[0]));
    b.define("arrayAverage").args(DOUBLE_ARRAY).returns(DOUBLE).body(a -> average((Object[]) a[0]));
    b.define("arraySumInt").args(INT_ARRAY).returns(INT).body(a -> (int) sumLong((Object[]) a[0]));
    b.define("arraySumLong").args(LONG_ARRAY).returns(LONG).body(a -> sumLong((Object[]) a[0]));
    b.define("arrayDistinct").args(OBJECT_ARRAY).returns(OBJECT_ARRAY).body(a -> distinct((Object[]) a[0]));
    b.define("arrayReverse").args(OBJECT_ARRAY).returns(OBJECT_ARRAY).body(a -> reverse((Object[]) a[0]));
    b.define("arraySort").args(OBJECT_ARRAY).returns(OBJECT_ARRAY).body(a -> sort((Object[]) a[0]));
    b.define("arrayToString").args(STRING_ARRAY, STRING).returns(STRING).body(a -> {
      Object[] values = (Object[]) a[0];
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < values.length; i++) {
        text.append(i == 0 ? "" : (String) a[1]).append(values[i]);
      }
      return text.toString();
    });
    b.define("arrayToString").args(STRING_ARRAY, STRING, STRING).returns(STRING)
        .body(a -> join((Object[]) a[0], (String) a[1], (String) a[2]));
    b.define("array", "arrayValueConstructor").args(OBJECT).varArgs().nullable().returns(OBJECT_ARRAY)
        .body(a -> a.clone());
    b.define("generateIntArray").args(INT, INT, INT).returns(INT_ARRAY).body(a -> generate(a));
    b.define("generateLongArray").args(LONG, LONG, LONG).returns(LONG_ARRAY).body(a -> generate(a));
    for (Map.Entry<String, ScalarType> entry : TYPES.entrySet()) {
      registerTyped(b, entry.getKey(), entry.getValue());
    }
  }

  /// The functions Pinot defines per element type (`arrayConcatInt`, `arrayElementAtString`...).
  private static void registerTyped(FunctionRegistry.Builder b, String suffix, ScalarType arrayType) {
    ScalarType element = arrayType.elementType();
    Object outOfRange = switch (element) {
      case INT -> 0;
      case LONG -> 0L;
      case FLOAT -> 0f;
      case DOUBLE -> 0d;
      default -> "";
    };
    b.define("arrayConcat" + suffix).args(arrayType, arrayType).returns(arrayType).body(a -> concat((Object[]) a[0],
        (Object[]) a[1]));
    b.define("arrayPushBack" + suffix).args(arrayType, element).returns(arrayType)
        .body(a -> concat((Object[]) a[0], new Object[] {a[1]}));
    b.define("arrayPushFront" + suffix).args(arrayType, element).returns(arrayType)
        .body(a -> concat(new Object[] {a[1]}, (Object[]) a[0]));
    b.define("arrayElementAt" + suffix).args(arrayType, INT).returns(element).body(a -> {
      Object[] values = (Object[]) a[0];
      int index = (Integer) a[1];
      return index > 0 && index <= values.length ? values[index - 1] : outOfRange;
    });
    b.define("arraySlice" + suffix).args(arrayType, INT, INT).returns(arrayType)
        .body(a -> Arrays.copyOfRange((Object[]) a[0], (Integer) a[1], (Integer) a[2]));
    b.define("arrayIndexOf" + suffix).args(arrayType, element).returns(INT)
        .body(a -> Arrays.asList((Object[]) a[0]).indexOf(a[1]));
    b.define("arrayContains" + suffix).args(arrayType, element).returns(BOOLEAN)
        .body(a -> Arrays.asList((Object[]) a[0]).contains(a[1]));
    b.define("arrayDistinct" + suffix).args(arrayType).returns(arrayType).body(a -> distinct((Object[]) a[0]));
    b.define("arrayReverse" + suffix).args(arrayType).returns(arrayType).body(a -> reverse((Object[]) a[0]));
    b.define("arraySort" + suffix).args(arrayType).returns(arrayType).body(a -> sort((Object[]) a[0]));
    b.define("arrayRemove" + suffix).args(arrayType, element).returns(arrayType).body(a -> {
      List<Object> values = new ArrayList<>(Arrays.asList((Object[]) a[0]));
      values.remove(a[1]);
      return values.toArray();
    });
    b.define("arrayUnion" + suffix).args(arrayType, arrayType).returns(arrayType)
        .body(a -> distinct(concat((Object[]) a[0], (Object[]) a[1])));
  }

  private static Object[] concat(Object[] first, Object[] second) {
    Object[] result = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, result, first.length, second.length);
    return result;
  }

  private static Object[] distinct(Object[] values) {
    Set<Object> seen = new LinkedHashSet<>(Arrays.asList(values));
    return seen.toArray();
  }

  private static Object[] reverse(Object[] values) {
    Object[] result = new Object[values.length];
    for (int i = 0; i < values.length; i++) {
      result[i] = values[values.length - 1 - i];
    }
    return result;
  }

  private static Object[] sort(Object[] values) {
    Object[] result = values.clone();
    Arrays.sort(result, (x, y) -> x == null ? (y == null ? 0 : -1) : y == null ? 1 : Numbers.compare(x, y));
    return result;
  }

  private static Object extreme(Object[] values, boolean max) {
    Object best = null;
    for (Object value : values) {
      if (value == null) {
        continue;
      }
      int order = best == null ? 0 : Numbers.compare(value, best);
      if (best == null || (max ? order > 0 : order < 0)) {
        best = value;
      }
    }
    return best;
  }

  private static double sum(Object[] values) {
    double sum = 0;
    for (Object value : values) {
      if (value != null) {
        sum += (Double) value;
      }
    }
    return sum;
  }

  private static Object average(Object[] values) {
    double sum = 0;
    int count = 0;
    for (Object value : values) {
      if (value != null) {
        sum += (Double) value;
        count++;
      }
    }
    return count == 0 ? null : sum / count;
  }

  private static long sumLong(Object[] values) {
    long sum = 0;
    for (Object value : values) {
      if (value != null) {
        sum += ((Number) value).longValue();
      }
    }
    return sum;
  }

  private static String join(Object[] values, String delimiter, String nullString) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      Object value = values[i];
      text.append(i == 0 ? "" : delimiter).append(value == null || "".equals(value) ? nullString : value);
    }
    return text.toString();
  }

  private static Object[] generate(Object[] a) {
    long start = ((Number) a[0]).longValue();
    long end = ((Number) a[1]).longValue();
    long step = ((Number) a[2]).longValue();
    if (step == 0) {
      throw new IllegalArgumentException("generate array step must not be 0");
    }
    int size = (int) Math.max(0, (end - start) / step + 1);
    Object[] values = new Object[size];
    for (int i = 0; i < size; i++) {
      long value = start + i * step;
      values[i] = a[0] instanceof Integer ? (Object) (int) value : (Object) value;
    }
    return values;
  }
}
