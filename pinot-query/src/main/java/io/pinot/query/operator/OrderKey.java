// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.operator;

import io.pinot.query.reduce.Values;
import io.pinot.segment.spi.Dictionary;
import java.math.BigDecimal;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/// One ORDER BY column of a segment's top-K: loads the block's sort keys into a typed array and keeps the
/// keys of the K retained documents in another, so candidates compare without boxing. Dictionary-encoded
/// columns with a sorted dictionary sort by dictionary id (id order is value order within the segment); others,
/// including the insertion-ordered dictionaries of consuming segments, sort by value.
/// Not thread-safe.
abstract sealed class OrderKey {
  final int slot;
  final int direction;

  OrderKey(int slot, boolean ascending) {
    this.slot = slot;
    this.direction = ascending ? 1 : -1;
  }

  static OrderKey create(ProjectionBlock block, int slot, boolean ascending, int capacity) {
    Dictionary dictionary = block.dictionary(slot);
    if (dictionary != null && dictionary.sorted()) {
      return new IntKey(slot, ascending, capacity, true);
    }
    return switch (block.storedType(slot)) {
      case INT -> new IntKey(slot, ascending, capacity, false);
      case LONG -> new LongKey(slot, ascending, capacity);
      case FLOAT, DOUBLE -> new DoubleKey(slot, ascending, capacity);
      default -> new ObjectKey(slot, ascending, capacity);
    };
  }

  /// A key whose documents in `nulls` are null (under `enableNullHandling`), sorting first or last.
  static OrderKey nullable(OrderKey inner, ImmutableRoaringBitmap nulls, boolean nullsLast, int capacity) {
    return new NullableKey(inner, nulls, nullsLast, capacity);
  }

  /// Loads the block's keys.
  abstract void load(ProjectionBlock block);

  /// Compares document `doc` of the loaded block with retained entry `entry` (negative: doc first).
  abstract int compareDoc(int doc, int entry);

  abstract int compareEntries(int a, int b);

  /// Retains document `doc`'s key as entry `entry`.
  abstract void store(int doc, int entry);

  static final class IntKey extends OrderKey {
    private final int[] entries;
    private final boolean dictionaryIds;
    private int[] keys;

    IntKey(int slot, boolean ascending, int capacity, boolean dictionaryIds) {
      super(slot, ascending);
      this.entries = new int[capacity];
      this.dictionaryIds = dictionaryIds;
    }

    @Override
    void load(ProjectionBlock block) {
      keys = dictionaryIds ? block.dictIds(slot) : block.intValues(slot);
    }

    @Override
    int compareDoc(int doc, int entry) {
      return direction * Integer.compare(keys[doc], entries[entry]);
    }

    @Override
    int compareEntries(int a, int b) {
      return direction * Integer.compare(entries[a], entries[b]);
    }

    @Override
    void store(int doc, int entry) {
      entries[entry] = keys[doc];
    }
  }

  static final class LongKey extends OrderKey {
    private final long[] entries;
    private long[] keys;

    LongKey(int slot, boolean ascending, int capacity) {
      super(slot, ascending);
      this.entries = new long[capacity];
    }

    @Override
    void load(ProjectionBlock block) {
      keys = block.longValues(slot);
    }

    @Override
    int compareDoc(int doc, int entry) {
      return direction * Long.compare(keys[doc], entries[entry]);
    }

    @Override
    int compareEntries(int a, int b) {
      return direction * Long.compare(entries[a], entries[b]);
    }

    @Override
    void store(int doc, int entry) {
      entries[entry] = keys[doc];
    }
  }

  static final class DoubleKey extends OrderKey {
    private final double[] entries;
    private double[] keys;

    DoubleKey(int slot, boolean ascending, int capacity) {
      super(slot, ascending);
      this.entries = new double[capacity];
    }

    @Override
    void load(ProjectionBlock block) {
      keys = block.doubleValues(slot);
    }

    @Override
    int compareDoc(int doc, int entry) {
      return direction * Double.compare(keys[doc], entries[entry]);
    }

    @Override
    int compareEntries(int a, int b) {
      return direction * Double.compare(entries[a], entries[b]);
    }

    @Override
    void store(int doc, int entry) {
      entries[entry] = keys[doc];
    }
  }

  /// STRING, BYTES and BIG_DECIMAL raw columns.
  static final class ObjectKey extends OrderKey {
    private final Object[] entries;
    private Object[] keys;
    private BigDecimal[] decimals = new BigDecimal[0];

    ObjectKey(int slot, boolean ascending, int capacity) {
      super(slot, ascending);
      this.entries = new Object[capacity];
    }

    @Override
    void load(ProjectionBlock block) {
      keys = switch (block.storedType(slot)) {
        case BYTES -> block.bytesValues(slot);
        case BIG_DECIMAL -> {
          String[] text = block.stringValues(slot);
          int length = block.length();
          if (decimals.length < length) {
            decimals = new BigDecimal[Math.max(length, 1024)];
          }
          for (int i = 0; i < length; i++) {
            decimals[i] = new BigDecimal(text[i]);
          }
          yield decimals;
        }
        default -> block.stringValues(slot);
      };
    }

    @Override
    int compareDoc(int doc, int entry) {
      return direction * Values.compare(keys[doc], entries[entry]);
    }

    @Override
    int compareEntries(int a, int b) {
      return direction * Values.compare(entries[a], entries[b]);
    }

    @Override
    void store(int doc, int entry) {
      entries[entry] = keys[doc];
    }
  }

  /// Null documents before or after all others; the rest by the wrapped key.
  static final class NullableKey extends OrderKey {
    private final OrderKey inner;
    private final ImmutableRoaringBitmap nulls;
    private final int nullOrder;
    private final boolean[] entries;
    private boolean[] keys = new boolean[0];

    NullableKey(OrderKey inner, ImmutableRoaringBitmap nulls, boolean nullsLast, int capacity) {
      super(inner.slot, inner.direction > 0);
      this.inner = inner;
      this.nulls = nulls;
      this.nullOrder = nullsLast ? 1 : -1;
      this.entries = new boolean[capacity];
    }

    @Override
    void load(ProjectionBlock block) {
      inner.load(block);
      int length = block.length();
      if (keys.length < length) {
        keys = new boolean[Math.max(length, 1024)];
      }
      int[] docIds = block.docIds();
      for (int i = 0; i < length; i++) {
        keys[i] = nulls.contains(docIds[i]);
      }
    }

    @Override
    int compareDoc(int doc, int entry) {
      if (keys[doc] || entries[entry]) {
        return keys[doc] == entries[entry] ? 0 : keys[doc] ? nullOrder : -nullOrder;
      }
      return inner.compareDoc(doc, entry);
    }

    @Override
    int compareEntries(int a, int b) {
      if (entries[a] || entries[b]) {
        return entries[a] == entries[b] ? 0 : entries[a] ? nullOrder : -nullOrder;
      }
      return inner.compareEntries(a, b);
    }

    @Override
    void store(int doc, int entry) {
      inner.store(doc, entry);
      entries[entry] = keys[doc];
    }
  }
}
