// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.reduce;

import io.pinot.segment.spi.Dictionary;
import io.pinot.segment.spi.Utf8Dictionary;
import io.pinot.spi.data.DataType;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.jspecify.annotations.Nullable;

/// Server-wide ids of one column's values across the immutable segments of a table: each segment dictionary
/// gets, once, an array from its dictionary ids to global ids, so that a GROUP BY on the column merges a segment's
/// groups by array lookups instead of hashing every group value of every segment (a table of 10 segments with 100k
/// values each: one million hash lookups per query otherwise). Global ids are dense, numbered in the order values
/// are first seen, and never reused; values stay until the whole dictionary is dropped (see
/// `io.pinot.query.runtime.GlobalDictionaries`). The arrays are held weakly by their segment dictionary, so a
/// segment that is unloaded takes its array with it.
///
/// STRING values are kept as UTF-8 bytes; INT, LONG, FLOAT and DOUBLE values as `long`s (floating values as their
/// double bits), as [GroupKeyIndex.Numbers] does. Thread-safe: snapshots are taken, and values looked up, under the
/// dictionary's lock; the arrays of a [Snapshot] are immutable and read without one.
public final class GlobalDictionary {
  private final DataType type;
  private final @Nullable Utf8KeyIndex utf8;
  private final @Nullable LongIntHashMap longIds;
  private long[] longValues = new long[0];
  private int numLongs;
  /// The bytes of the values held (UTF-8 bytes, or 8 per number), for the owner's memory bound.
  private long valueBytes;
  private final Map<Dictionary, int[]> mappings = new WeakHashMap<>();

  /// @param type the stored type of the column's values: STRING, INT, LONG, FLOAT or DOUBLE
  public GlobalDictionary(DataType type) {
    this.type = type;
    boolean string = type == DataType.STRING;
    this.utf8 = string ? new Utf8KeyIndex() : null;
    this.longIds = string ? null : new LongIntHashMap(1024);
  }

  /// Whether a column of this stored type can have a global dictionary.
  public static boolean supports(DataType type) {
    return switch (type) {
      case STRING, INT, LONG, FLOAT, DOUBLE -> true;
      default -> false;
    };
  }

  public DataType type() {
    return type;
  }

  /// The number of global ids handed out so far.
  public synchronized int size() {
    return utf8 != null ? utf8.size() : numLongs;
  }

  /// The bytes of the values held: their UTF-8 bytes, or 8 per number (ids and hash tables not counted).
  public synchronized long valueBytes() {
    return valueBytes;
  }

  /// The mapping of each dictionary (sorted, of this type), numbering the values not seen before.
  public synchronized Snapshot snapshot(List<Dictionary> dictionaries) {
    Map<Dictionary, int[]> taken = new IdentityHashMap<>();
    for (Dictionary dictionary : dictionaries) {
      int[] mapping = mappings.get(dictionary);
      if (mapping == null) {
        mapping = map(dictionary);
        mappings.put(dictionary, mapping);
      }
      taken.put(dictionary, mapping);
    }
    return new Snapshot(this, taken, size());
  }

  private int[] map(Dictionary dictionary) {
    int length = dictionary.length();
    int[] mapping = new int[length];
    if (utf8 != null) {
      utf8.ensureCapacity(utf8.size() + length);
      if (dictionary instanceof Utf8Dictionary utf8Dictionary) {
        MemorySegment memory = utf8Dictionary.utf8Memory();
        for (int id = 0; id < length; id++) {
          int before = utf8.size();
          int valueLength = utf8Dictionary.utf8Length(id);
          mapping[id] = utf8.findOrAdd(memory, utf8Dictionary.utf8Start(id), valueLength, true);
          valueBytes += utf8.size() > before ? valueLength : 0;
        }
      } else {
        for (int id = 0; id < length; id++) {
          byte[] bytes = dictionary.getStringValue(id).getBytes(StandardCharsets.UTF_8);
          int before = utf8.size();
          mapping[id] = utf8.findOrAdd(bytes, bytes.length, true);
          valueBytes += utf8.size() > before ? bytes.length : 0;
        }
      }
      return mapping;
    }
    int[] ids = new int[Math.min(length, 4096)];
    long[] values = new long[ids.length];
    double[] doubles = new double[ids.length];
    for (int start = 0; start < length; start += ids.length) {
      int n = Math.min(ids.length, length - start);
      for (int i = 0; i < n; i++) {
        ids[i] = start + i;
      }
      if (type == DataType.FLOAT || type == DataType.DOUBLE) {
        dictionary.readDoubleValues(ids, n, doubles);
        for (int i = 0; i < n; i++) {
          values[i] = Double.doubleToLongBits(doubles[i]);
        }
      } else {
        dictionary.readLongValues(ids, n, values);
      }
      for (int i = 0; i < n; i++) {
        mapping[start + i] = longId(values[i]);
      }
    }
    return mapping;
  }

  private int longId(long value) {
    int id = longIds.get(value);
    if (id >= 0) {
      return id;
    }
    if (numLongs == longValues.length) {
      longValues = Arrays.copyOf(longValues, Math.max(1024, numLongs * 2));
    }
    longValues[numLongs] = value;
    longIds.put(value, numLongs);
    valueBytes += Long.BYTES;
    return numLongs++;
  }

  /// The stored Java value of a global id (String, Integer, Long, Float or Double).
  synchronized Object value(int globalId) {
    if (utf8 != null) {
      return utf8.key(globalId)[0];
    }
    long value = longValues[globalId];
    return switch (type) {
      case INT -> (int) value;
      case FLOAT -> (float) Double.longBitsToDouble(value);
      case DOUBLE -> Double.longBitsToDouble(value);
      default -> value;
    };
  }

  /// The global id of a stored Java value, or -1 when it has none.
  synchronized int find(Object value) {
    if (utf8 != null) {
      return value instanceof String ? utf8.find(new Object[]{value}) : -1;
    }
    if (!(value instanceof Number number)) {
      return -1;
    }
    long key = type == DataType.FLOAT || type == DataType.DOUBLE ? Double.doubleToLongBits(number.doubleValue())
        : number.longValue();
    int id = longIds.get(key);
    return id < numLongs ? id : -1;
  }

  /// The global ids of the dictionaries of one query's segments.
  ///
  /// @param size the number of global ids when the snapshot was taken: every id of the mappings is below it
  public record Snapshot(GlobalDictionary dictionary, Map<Dictionary, int[]> mappings, int size) {
    /// Dictionary id → global id for a dictionary of the snapshot.
    public int[] mapping(Dictionary segmentDictionary) {
      int[] mapping = mappings.get(segmentDictionary);
      if (mapping == null) {
        throw new IllegalStateException("Dictionary not in the global dictionary snapshot");
      }
      return mapping;
    }

    public Object value(int globalId) {
      return dictionary.value(globalId);
    }

    /// The global id of a value, or -1 when the value has none below [#size()].
    public int find(Object value) {
      int id = dictionary.find(value);
      return id < size ? id : -1;
    }
  }
}
