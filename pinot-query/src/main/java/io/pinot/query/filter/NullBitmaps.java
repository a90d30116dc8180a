// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.filter;

import io.pinot.query.context.Expression;
import io.pinot.query.context.FunctionCall;
import io.pinot.query.context.Identifier;
import io.pinot.query.context.Literal;
import io.pinot.query.context.Predicate;
import io.pinot.segment.spi.DataSource;
import io.pinot.segment.spi.IndexSegment;
import io.pinot.segment.spi.NullValueVectorReader;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;
import org.roaringbitmap.buffer.MutableRoaringBitmap;

/// Which documents of a segment hold nulls, from the columns' null value vectors (Pinot records nulls only for
/// columns with null handling enabled in the schema or table config). Under the `enableNullHandling` query option an
/// expression is null where any column it reads is null, except for the null-aware functions: `coalesce` is null
/// where all its arguments are, `case`, `isnull` and the like are taken as never null. Thread-safe (no state).
public final class NullBitmaps {
  /// Functions whose result is defined for null arguments.
  private static final Set<String> NULL_AWARE = Set.of("coalesce", "case", "isnull", "isnotnull", "isdistinctfrom",
      "isnotdistinctfrom");

  private NullBitmaps() {
  }

  /// The null documents of a column, or null when the segment records none (no vector, or an empty one).
  public static @Nullable ImmutableRoaringBitmap ofColumn(IndexSegment segment, String column) {
    DataSource dataSource = segment.dataSource(column);
    NullValueVectorReader vector = dataSource == null ? null : dataSource.nullValueVector();
    if (vector == null) {
      return null;
    }
    ImmutableRoaringBitmap nulls = vector.nullBitmap();
    return nulls.isEmpty() ? null : nulls;
  }

  /// The documents where the expression is null, or null when there are none.
  public static @Nullable ImmutableRoaringBitmap ofExpression(IndexSegment segment, Expression expression) {
    return switch (expression) {
      case Identifier identifier -> identifier.isStar() ? null : ofColumn(segment, identifier.name());
      case Literal literal -> null;
      case FunctionCall call when call.name().equals("coalesce") -> {
        // null only where every argument is
        ImmutableRoaringBitmap all = ofExpression(segment, call.arguments().get(0));
        for (int i = 1; i < call.arguments().size() && all != null; i++) {
          ImmutableRoaringBitmap next = ofExpression(segment, call.arguments().get(i));
          all = next == null ? null : ImmutableRoaringBitmap.and(all, next);
        }
        yield all == null || all.isEmpty() ? null : all;
      }
      case FunctionCall call -> {
        if (NULL_AWARE.contains(call.name())) {
          yield null;
        }
        ImmutableRoaringBitmap union = null;
        for (Expression argument : call.arguments()) {
          union = or(union, ofExpression(segment, argument));
        }
        yield union;
      }
    };
  }

  private static @Nullable ImmutableRoaringBitmap or(@Nullable ImmutableRoaringBitmap a,
      @Nullable ImmutableRoaringBitmap b) {
    if (a == null || b == null) {
      return a == null ? b : a;
    }
    return ImmutableRoaringBitmap.or(a, b);
  }

  /// The expression a `x IS [NOT] NULL` predicate tests (`isnull(x) = true`), or null for other predicates.
  static @Nullable Expression testedExpression(Predicate predicate) {
    if (predicate instanceof Predicate.Eq eq && "true".equals(eq.value()) && eq.lhs() instanceof FunctionCall call
        && (call.name().equals("isnull") || call.name().equals("isnotnull")) && call.arguments().size() == 1
        && !(call.arguments().get(0) instanceof Identifier identifier && identifier.isStar())) {
      return call.arguments().get(0);
    }
    return null;
  }

  /// Whether a function's result is defined for null arguments (`coalesce`, `case`, the `IS [NOT] NULL` and `IS
  /// [NOT] DISTINCT FROM` tests); any other function of a null is null under `enableNullHandling`.
  public static boolean isNullAware(String functionName) {
    return NULL_AWARE.contains(functionName);
  }

  /// The documents of `[0, numDocs)` outside `nulls`.
  static MutableRoaringBitmap complement(ImmutableRoaringBitmap nulls, int numDocs) {
    MutableRoaringBitmap notNull = nulls.toMutableRoaringBitmap();
    notNull.flip(0L, numDocs);
    return notNull;
  }
}
