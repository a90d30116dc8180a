// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.function;

import static io.pinot.common.function.ScalarType.BOOLEAN;
import static io.pinot.common.function.ScalarType.OBJECT;

import org.jspecify.annotations.Nullable;

/// Comparison and logical functions, which SQL operators compile to: `equals`, `notEquals`, `greaterThan`,
/// `greaterThanOrEqual`, `lessThan`, `lessThanOrEqual`, `between`, `in`, `notIn` (numbers compare numerically, a
/// number against numeric text too, everything else as text), `and`/`or`/`not` with SQL's three-valued logic,
/// `isNull`, `isNotNull`, `isDistinctFrom`, `isNotDistinctFrom`, `coalesce`, `nullIf`, and `case`/`caseWhen`
/// (`condition1, value1, condition2, value2, ..., [else]`). Stateless.
final class LogicalFunctions {
  private LogicalFunctions() {
  }

  static void register(FunctionRegistry.Builder b) {
    b.define("equals").args(OBJECT, OBJECT).returns(BOOLEAN).body(a -> Numbers.equal(a[0], a[1]));
    b.define("notEquals").args(OBJECT, OBJECT).returns(BOOLEAN).body(a -> !Numbers.equal(a[0], a[1]));
    b.define("greaterThan").args(OBJECT, OBJECT).returns(BOOLEAN).body(a -> Numbers.compare(a[0], a[1]) > 0);
    b.define("greaterThanOrEqual").args(OBJECT, OBJECT).returns(BOOLEAN)
        .body(a -> Numbers.compare(a[0], a[1]) >= 0);
    b.define("lessThan").args(OBJECT, OBJECT).returns(BOOLEAN).body(a -> Numbers.compare(a[0], a[1]) < 0);
    b.define("lessThanOrEqual").args(OBJECT, OBJECT).returns(BOOLEAN).body(a -> Numbers.compare(a[0], a[1]) <= 0);
    b.define("between").args(OBJECT, OBJECT, OBJECT).returns(BOOLEAN)
        .body(a -> Numbers.compare(a[0], a[1]) >= 0 && Numbers.compare(a[0], a[2]) <= 0);
    b.define("in").args(OBJECT, OBJECT).varArgs().nullable().returns(BOOLEAN).body(a -> in(a));
    b.define("notIn").args(OBJECT, OBJECT).varArgs().nullable().returns(BOOLEAN).body(a -> {
      Boolean in = in(a);
      return in == null ? null : !in;
    });
    b.define("and").args(BOOLEAN).varArgs().nullable().returns(BOOLEAN).body(a -> and(a));
    b.define("or").args(BOOLEAN).varArgs().nullable().returns(BOOLEAN).body(a -> or(a));
    b.define("not").args(BOOLEAN).nullable().returns(BOOLEAN).body(a -> a[0] == null ? null : !(Boolean) a[0]);
    b.define("isNull").args(OBJECT).nullable().returns(BOOLEAN).body(a -> a[0] == null);
    b.define("isNotNull").args(OBJECT).nullable().returns(BOOLEAN).body(a -> a[0] != null);
    b.define("isTrue").args(BOOLEAN).nullable().returns(BOOLEAN).body(a -> Boolean.TRUE.equals(a[0]));
    b.define("isFalse").args(BOOLEAN).nullable().returns(BOOLEAN).body(a -> Boolean.FALSE.equals(a[0]));
    b.define("isDistinctFrom").args(OBJECT, OBJECT).nullable().returns(BOOLEAN).body(a -> !notDistinct(a[0], a[1]));
    b.define("isNotDistinctFrom").args(OBJECT, OBJECT).nullable().returns(BOOLEAN)
        .body(a -> notDistinct(a[0], a[1]));
    b.define("coalesce").args(OBJECT).varArgs().nullable().returns(OBJECT).body(a -> {
      for (Object value : a) {
        if (value != null) {
          return value;
        }
      }
      return null;
    });
    b.define("nullIf").args(OBJECT, OBJECT).nullable().returns(OBJECT)
        .body(a -> a[0] != null && a[1] != null && Numbers.equal(a[0], a[1]) ? null : a[0]);
    b.define("case", "caseWhen").args(OBJECT, OBJECT).varArgs().nullable().returns(OBJECT).body(a -> {
      int pairs = a.length / 2;
      for (int i = 0; i < pairs; i++) {
        if (truth(a[2 * i])) {
          return a[2 * i + 1];
        }
      }
      return a.length % 2 == 1 ? a[a.length - 1] : null;
    });
  }

  /// The truth of a condition value: TRUE, a non-zero number or the text `true`; null and anything else is false.
  static boolean truth(@Nullable Object value) {
    return value != null && (Boolean) BOOLEAN.convert(value);
  }

  private static @Nullable Boolean in(@Nullable Object[] a) {
    if (a[0] == null) {
      return null;
    }
    boolean sawNull = false;
    for (int i = 1; i < a.length; i++) {
      if (a[i] == null) {
        sawNull = true;
      } else if (Numbers.equal(a[0], a[i])) {
        return true;
      }
    }
    return sawNull ? null : false;
  }

  private static @Nullable Boolean and(@Nullable Object[] a) {
    boolean sawNull = false;
    for (Object value : a) {
      if (value == null) {
        sawNull = true;
      } else if (!(Boolean) value) {
        return false;
      }
    }
    return sawNull ? null : true;
  }

  private static @Nullable Boolean or(@Nullable Object[] a) {
    boolean sawNull = false;
    for (Object value : a) {
      if (value == null) {
        sawNull = true;
      } else if ((Boolean) value) {
        return true;
      }
    }
    return sawNull ? null : false;
  }

  private static boolean notDistinct(@Nullable Object first, @Nullable Object second) {
    return first == null ? second == null : second != null && Numbers.equal(first, second);
  }
}
