// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.filter;

import io.pinot.query.context.Predicate;
import io.pinot.query.function.ByteArray;
import io.pinot.query.function.LongHashSet;
import io.pinot.segment.spi.ForwardIndexReader;
import io.pinot.spi.data.DataType;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/// Scans a raw (no-dictionary) single-value column, comparing values read block by block: integral types
/// as `long`s, FLOAT and DOUBLE as `double`s, BIG_DECIMAL numerically, STRING by `String#compareTo`,
/// BYTES unsigned. Exclusive predicates keep the documents the positive form rejects. Created by
/// [#create]; not thread-safe.
abstract sealed class RawScanPredicate implements ScanPredicate {
  final ForwardIndexReader forwardIndex;
  final boolean negate;
  long numEntriesScanned;

  RawScanPredicate(ForwardIndexReader forwardIndex, boolean negate) {
    this.forwardIndex = forwardIndex;
    this.negate = negate;
  }

  @Override
  public long numEntriesScanned() {
    return numEntriesScanned;
  }

  static ScanPredicate create(Predicate predicate, ForwardIndexReader forwardIndex, DataType logicalType,
      String column) {
    boolean negate = predicate.exclusive();
    return switch (logicalType.storedType()) {
      case INT, LONG -> new LongScan(forwardIndex, negate, predicate, logicalType, column);
      case FLOAT, DOUBLE -> new DoubleScan(forwardIndex, negate, predicate, logicalType, column);
      default -> new ObjectScan(forwardIndex, negate, predicate, logicalType, column);
    };
  }

  static List<Object> positiveValues(Predicate predicate) {
    return switch (predicate) {
      case Predicate.Eq eq -> List.of(eq.value());
      case Predicate.NotEq notEq -> List.of(notEq.value());
      case Predicate.In in -> in.values();
      case Predicate.NotIn notIn -> notIn.values();
      case Predicate.Range range -> List.of();
      case Predicate.Like like -> List.of();
      case Predicate.RegexpLike regexpLike -> List.of();
      case Predicate.TextMatch textMatch -> throw new IllegalStateException("TEXT_MATCH is answered by a text index");
      case Predicate.JsonMatch json -> throw new IllegalStateException("JSON_MATCH is answered by a JSON index");
    };
  }

  /// INT and LONG (and BOOLEAN, TIMESTAMP) columns.
  static final class LongScan extends RawScanPredicate {
    private final LongHashSet values;
    private final long min;
    private final long max;
    private long[] buffer = new long[0];

    LongScan(ForwardIndexReader forwardIndex, boolean negate, Predicate predicate, DataType type, String column) {
      super(forwardIndex, negate);
      if (predicate instanceof Predicate.Range range) {
        values = null;
        FilterValues.Bound lower = FilterValues.bound(range.lower(), range.lowerInclusive(), true, type, column);
        FilterValues.Bound upper = FilterValues.bound(range.upper(), range.upperInclusive(), false, type, column);
        boolean empty = lower.empty() || upper.empty();
        long lo = Long.MIN_VALUE;
        long hi = Long.MAX_VALUE;
        if (lower.value() != null) {
          lo = ((Number) lower.value()).longValue();
          if (!lower.inclusive()) {
            empty |= lo == Long.MAX_VALUE;
            lo = empty ? lo : lo + 1;
          }
        }
        if (upper.value() != null) {
          hi = ((Number) upper.value()).longValue();
          if (!upper.inclusive()) {
            empty |= hi == Long.MIN_VALUE;
            hi = empty ? hi : hi - 1;
          }
        }
        min = empty ? 1 : lo;
        max = empty ? 0 : hi;
      } else {
        values = new LongHashSet(8);
        for (Object literal : positiveValues(predicate)) {
          Object value = FilterValues.exactStored(literal, type, column);
          if (value != null) {
            values.add(((Number) value).longValue());
          }
        }
        min = 0;
        max = 0;
      }
    }

    /// Whether a value matches the predicate's positive form.
    boolean test(long value) {
      return values == null ? value >= min && value <= max : values.contains(value);
    }

    @Override
    public int filter(int[] docIds, int length) {
      if (buffer.length < length) {
        buffer = new long[Math.max(length, 1024)];
      }
      long[] v = buffer;
      forwardIndex.readLongValues(docIds, length, v);
      numEntriesScanned += length;
      int kept = 0;
      if (values == null) {
        int flip = negate ? 1 : 0;
        for (int i = 0; i < length; i++) {
          long value = v[i];
          docIds[kept] = docIds[i];
          kept += (value >= min & value <= max ? 1 : 0) ^ flip;
        }
      } else {
        for (int i = 0; i < length; i++) {
          if (values.contains(v[i]) != negate) {
            docIds[kept++] = docIds[i];
          }
        }
      }
      return kept;
    }
  }

  /// FLOAT and DOUBLE columns (FLOAT values and bounds compare as their float values).
  static final class DoubleScan extends RawScanPredicate {
    private final double[] values;
    // Inclusive bounds: an exclusive bound moves to the next double, so the scan loop needs no branch.
    private final double lower;
    private final double upper;
    private double[] buffer = new double[0];

    DoubleScan(ForwardIndexReader forwardIndex, boolean negate, Predicate predicate, DataType type, String column) {
      super(forwardIndex, negate);
      if (predicate instanceof Predicate.Range range) {
        FilterValues.Bound lo = FilterValues.bound(range.lower(), range.lowerInclusive(), true, type, column);
        FilterValues.Bound hi = FilterValues.bound(range.upper(), range.upperInclusive(), false, type, column);
        values = null;
        double low = lo.value() == null ? Double.NEGATIVE_INFINITY : ((Number) lo.value()).doubleValue();
        double high = hi.value() == null ? Double.POSITIVE_INFINITY : ((Number) hi.value()).doubleValue();
        // FLOAT values are exact doubles, so "v > b" is "v >= nextUp(b)" for them too.
        lower = lo.value() == null || lo.inclusive() ? low : Math.nextUp(low);
        upper = hi.value() == null || hi.inclusive() ? high : Math.nextDown(high);
      } else {
        List<Object> literals = positiveValues(predicate);
        double[] converted = new double[literals.size()];
        for (int i = 0; i < converted.length; i++) {
          converted[i] = ((Number) FilterValues.exactStored(literals.get(i), type, column)).doubleValue();
        }
        values = converted;
        lower = 0;
        upper = 0;
      }
    }

    @Override
    public int filter(int[] docIds, int length) {
      if (buffer.length < length) {
        buffer = new double[Math.max(length, 1024)];
      }
      double[] v = buffer;
      forwardIndex.readDoubleValues(docIds, length, v);
      numEntriesScanned += length;
      int kept = 0;
      if (values == null) {
        // Branch-free: every id is written, the cursor only advances on a match (NaN never matches a range).
        int flip = negate ? 1 : 0;
        double low = lower;
        double high = upper;
        for (int i = 0; i < length; i++) {
          double value = v[i];
          docIds[kept] = docIds[i];
          kept += (value >= low & value <= high ? 1 : 0) ^ flip;
        }
        return kept;
      }
      for (int i = 0; i < length; i++) {
        if (isOneOf(v[i]) != negate) {
          docIds[kept++] = docIds[i];
        }
      }
      return kept;
    }

    /// Whether a value matches the predicate's positive form.
    boolean test(double value) {
      return values == null ? value >= lower && value <= upper : isOneOf(value);
    }

    private boolean isOneOf(double value) {
      for (double candidate : values) {
        if (candidate == value) {
          return true;
        }
      }
      return false;
    }
  }

  /// BIG_DECIMAL, STRING and BYTES columns.
  static final class ObjectScan extends RawScanPredicate {
    private final DataType storedType;
    private final Set<Object> values;
    private final Comparable<Object> lower;
    private final Comparable<Object> upper;
    private final boolean lowerInclusive;
    private final boolean upperInclusive;
    private final Matcher like;
    /// REGEXP_LIKE: the pattern must be found in the value, not match all of it.
    private final boolean find;
    private final boolean empty;
    private String[] strings = new String[0];
    private byte[][] bytes = new byte[0][];

    ObjectScan(ForwardIndexReader forwardIndex, boolean negate, Predicate predicate, DataType type, String column) {
      super(forwardIndex, negate);
      storedType = type.storedType();
      Set<Object> set = null;
      Comparable<Object> lo = null;
      Comparable<Object> hi = null;
      boolean loInclusive = false;
      boolean hiInclusive = false;
      Matcher matcher = null;
      boolean isFind = false;
      boolean isEmpty = false;
      switch (predicate) {
        case Predicate.Range range -> {
          FilterValues.Bound l = FilterValues.bound(range.lower(), range.lowerInclusive(), true, type, column);
          FilterValues.Bound h = FilterValues.bound(range.upper(), range.upperInclusive(), false, type, column);
          lo = comparable(l.value());
          hi = comparable(h.value());
          loInclusive = l.inclusive();
          hiInclusive = h.inclusive();
          isEmpty = l.empty() || h.empty();
        }
        case Predicate.Like likePredicate -> matcher = LikePatterns.compile(likePredicate.pattern()).matcher("");
        case Predicate.RegexpLike regexpLike -> {
          matcher = RegexpPatterns.compile(regexpLike).matcher("");
          isFind = true;
        }
        default -> {
          set = new HashSet<>();
          for (Object literal : positiveValues(predicate)) {
            set.add(comparable(FilterValues.exactStored(literal, type, column)));
          }
        }
      }
      values = set;
      lower = lo;
      upper = hi;
      lowerInclusive = loInclusive;
      upperInclusive = hiInclusive;
      like = matcher;
      find = isFind;
      empty = isEmpty;
    }

    @SuppressWarnings("unchecked")
    private static Comparable<Object> comparable(Object value) {
      return switch (value) {
        case null -> null;
        case byte[] b -> (Comparable<Object>) (Comparable<?>) new ByteArray(b);
        case BigDecimal d -> (Comparable<Object>) (Comparable<?>) d.stripTrailingZeros();
        default -> (Comparable<Object>) value;
      };
    }

    @Override
    public int filter(int[] docIds, int length) {
      numEntriesScanned += length;
      boolean isBytes = storedType == DataType.BYTES;
      if (isBytes) {
        if (bytes.length < length) {
          bytes = new byte[Math.max(length, 1024)][];
        }
        forwardIndex.readBytesValues(docIds, length, bytes);
      } else {
        if (strings.length < length) {
          strings = new String[Math.max(length, 1024)];
        }
        forwardIndex.readStringValues(docIds, length, strings);
      }
      int kept = 0;
      for (int i = 0; i < length; i++) {
        boolean matches = matches(isBytes ? bytes[i] : strings[i]);
        if (matches != negate) {
          docIds[kept++] = docIds[i];
        }
      }
      return kept;
    }

    /// Whether a value (a String, or byte[] for BYTES) matches the predicate's positive form.
    boolean matches(Object raw) {
      if (empty) {
        return false;
      }
      if (like != null) {
        return find ? like.reset(raw.toString()).find() : like.reset(raw.toString()).matches();
      }
      Object value = storedType == DataType.BIG_DECIMAL ? new BigDecimal((String) raw).stripTrailingZeros()
          : raw instanceof byte[] b ? new ByteArray(b) : raw;
      if (values != null) {
        return values.contains(value);
      }
      if (lower != null) {
        int cmp = lower.compareTo(value);
        if (cmp > 0 || cmp == 0 && !lowerInclusive) {
          return false;
        }
      }
      if (upper != null) {
        int cmp = upper.compareTo(value);
        return cmp > 0 || cmp == 0 && upperInclusive;
      }
      return true;
    }

    @Override
    public String toString() {
      return "ObjectScan" + Arrays.toString(new Object[]{values, lower, upper});
    }
  }
}
