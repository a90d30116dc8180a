// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.upsert;

import io.pinot.segment.spi.DataSource;
import io.pinot.segment.spi.Dictionary;
import io.pinot.segment.spi.ForwardIndexReader;
import io.pinot.segment.spi.IndexSegment;
import io.pinot.segment.spi.NullValueVectorReader;
import io.pinot.spi.data.DataType;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/// Reads the stored values of some columns of a segment one document at a time (the primary key, comparison and
/// delete columns of an upsert table; every column of a previous version in partial upsert): `Integer`, `Long`,
/// `Float`, `Double`, `BigDecimal`, `String` or `byte[]`, `Object[]` for multi-value columns, null where the null
/// value vector records a null. Not thread-safe (reused scratch arrays): one reader per thread.
final class DocValues {
  private final Column[] columns;

  DocValues(IndexSegment segment, List<String> names) {
    columns = new Column[names.size()];
    for (int i = 0; i < columns.length; i++) {
      DataSource dataSource = segment.dataSource(names.get(i));
      if (dataSource == null) {
        throw new IllegalArgumentException("Column[" + names.get(i) + "] not found in segment["
            + segment.segmentName() + "]");
      }
      columns[i] = new Column(dataSource);
    }
  }

  /// The value of column `column` (its index in the names given) of document `docId`.
  @Nullable Object value(int column, int docId) {
    return columns[column].value(docId);
  }

  /// The stored value of column `column` of document `docId`, ignoring the null value vector (a null is read as the
  /// default value stored in its place).
  Object rawValue(int column, int docId) {
    return columns[column].stored(docId);
  }

  /// Whether column `column` of document `docId` is recorded as null.
  boolean isNull(int column, int docId) {
    NullValueVectorReader nulls = columns[column].nulls;
    return nulls != null && nulls.isNull(docId);
  }

  private static final class Column {
    private final ForwardIndexReader forward;
    private final @Nullable Dictionary dictionary;
    private final @Nullable NullValueVectorReader nulls;
    private final boolean singleValue;
    private final DataType storedType;
    private final int[] docIds = new int[1];
    private final int[] ints = new int[1];
    private final long[] longs = new long[1];
    private final float[] floats = new float[1];
    private final double[] doubles = new double[1];
    private final byte[][] bytes = new byte[1][];
    private final String[] strings = new String[1];
    private int[] multi;

    Column(DataSource dataSource) {
      this.forward = dataSource.forwardIndex();
      this.dictionary = dataSource.dictionary();
      this.nulls = dataSource.nullValueVector();
      this.singleValue = dataSource.metadata().singleValue();
      this.storedType = dataSource.metadata().dataType().storedType();
      this.multi = new int[Math.max(1, dataSource.metadata().maxNumberOfMultiValues())];
    }

    @Nullable Object value(int docId) {
      if (nulls != null && nulls.isNull(docId)) {
        return null;
      }
      return stored(docId);
    }

    Object stored(int docId) {
      return singleValue ? single(docId) : multiValue(docId);
    }

    private Object single(int docId) {
      docIds[0] = docId;
      if (dictionary != null) {
        forward.readDictIds(docIds, 1, ints);
        return dictionary.get(ints[0]);
      }
      switch (storedType) {
        case INT -> {
          forward.readIntValues(docIds, 1, ints);
          return ints[0];
        }
        case LONG -> {
          forward.readLongValues(docIds, 1, longs);
          return longs[0];
        }
        case FLOAT -> {
          forward.readFloatValues(docIds, 1, floats);
          return floats[0];
        }
        case DOUBLE -> {
          forward.readDoubleValues(docIds, 1, doubles);
          return doubles[0];
        }
        case BYTES -> {
          forward.readBytesValues(docIds, 1, bytes);
          return bytes[0];
        }
        default -> {
          forward.readStringValues(docIds, 1, strings);
          return storedType == DataType.BIG_DECIMAL ? new BigDecimal(strings[0]) : strings[0];
        }
      }
    }

    private Object[] multiValue(int docId) {
      int count = forward.numValuesMV(docId);
      if (count > multi.length) {
        multi = new int[count];
      }
      Object[] values = new Object[count];
      if (dictionary != null) {
        forward.getDictIdsMV(docId, multi);
        for (int i = 0; i < count; i++) {
          values[i] = dictionary.get(multi[i]);
        }
        return values;
      }
      switch (storedType) {
        case INT -> {
          int[] out = new int[count];
          forward.getIntValuesMV(docId, out);
          for (int i = 0; i < count; i++) {
            values[i] = out[i];
          }
        }
        case LONG -> {
          long[] out = new long[count];
          forward.getLongValuesMV(docId, out);
          for (int i = 0; i < count; i++) {
            values[i] = out[i];
          }
        }
        case FLOAT -> {
          float[] out = new float[count];
          forward.getFloatValuesMV(docId, out);
          for (int i = 0; i < count; i++) {
            values[i] = out[i];
          }
        }
        case DOUBLE -> {
          double[] out = new double[count];
          forward.getDoubleValuesMV(docId, out);
          for (int i = 0; i < count; i++) {
            values[i] = out[i];
          }
        }
        case BYTES -> {
          byte[][] out = new byte[count][];
          forward.getBytesValuesMV(docId, out);
          System.arraycopy(out, 0, values, 0, count);
        }
        default -> {
          String[] out = new String[count];
          forward.getStringValuesMV(docId, out);
          System.arraycopy(out, 0, values, 0, count);
        }
      }
      return values;
    }
  }
}
