// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.operator;

import io.pinot.query.function.ByteArray;
import io.pinot.query.reduce.LongIntHashMap;
import io.pinot.spi.data.DataType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/// Numbers the distinct values of a raw (no-dictionary) column as they are met, so that group-by keys can
/// use ids as they do dictionary ids. Integral values map through a primitive map, FLOAT and DOUBLE
/// values through their bits, other values through a hash map. Not thread-safe.
final class RawValueIds {
  private final DataType storedType;
  private final LongIntHashMap numbers = new LongIntHashMap(1024);
  private final Map<Object, Integer> objects = new HashMap<>();
  private final List<Object> values = new ArrayList<>();
  private int[] ids = new int[0];

  RawValueIds(DataType storedType) {
    this.storedType = storedType;
  }

  /// The ids of the block's values of the column in `slot`; the array is reused per call.
  int[] ids(ProjectionBlock block, int slot, int length) {
    if (ids.length < length) {
      ids = new int[Math.max(length, 1024)];
    }
    switch (storedType) {
      case INT -> {
        int[] v = block.intValues(slot);
        for (int i = 0; i < length; i++) {
          ids[i] = numberId(v[i], v[i]);
        }
      }
      case LONG -> {
        long[] v = block.longValues(slot);
        for (int i = 0; i < length; i++) {
          ids[i] = numberId(v[i], v[i]);
        }
      }
      case FLOAT -> {
        float[] v = block.floatValues(slot);
        for (int i = 0; i < length; i++) {
          ids[i] = numberId(Double.doubleToLongBits(v[i]), v[i]);
        }
      }
      case DOUBLE -> {
        double[] v = block.doubleValues(slot);
        for (int i = 0; i < length; i++) {
          ids[i] = numberId(Double.doubleToLongBits(v[i]), v[i]);
        }
      }
      case BYTES -> {
        byte[][] v = block.bytesValues(slot);
        for (int i = 0; i < length; i++) {
          ids[i] = objectId(new ByteArray(v[i]));
        }
      }
      case BIG_DECIMAL -> {
        String[] v = block.stringValues(slot);
        for (int i = 0; i < length; i++) {
          ids[i] = objectId(new BigDecimal(v[i]));
        }
      }
      default -> {
        String[] v = block.stringValues(slot);
        for (int i = 0; i < length; i++) {
          ids[i] = objectId(v[i]);
        }
      }
    }
    return ids;
  }

  private int numberId(long key, double value) {
    int id = numbers.get(key);
    if (id < 0) {
      id = values.size();
      numbers.put(key, id);
      values.add(storedType == DataType.INT ? (Object) (int) value
          : storedType == DataType.LONG ? (Object) key
          : storedType == DataType.FLOAT ? (Object) (float) value : (Object) value);
    }
    return id;
  }

  private int objectId(Object value) {
    Integer id = objects.get(value);
    if (id == null) {
      id = values.size();
      objects.put(value, id);
      values.add(value);
    }
    return id;
  }

  /// The value of an id, in hashable form.
  Object value(int id) {
    return values.get(id);
  }
}
