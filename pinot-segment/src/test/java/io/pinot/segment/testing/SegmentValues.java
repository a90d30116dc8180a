// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.testing;

import io.pinot.segment.index.dictionary.VarLengthValues;
import io.pinot.segment.spi.ColumnMetadata;
import io.pinot.segment.spi.DataSource;
import io.pinot.segment.spi.Dictionary;
import io.pinot.segment.spi.ForwardIndexReader;
import io.pinot.segment.spi.IndexSegment;
import io.pinot.spi.data.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/// Reads a whole column of a loaded segment back as Java values (boxed, for assertions only): single values as
/// their stored Java type (`byte[]` wrapped in a List of Bytes for comparisons), multi-values as lists.
public final class SegmentValues {
  private SegmentValues() {
  }

  public static List<Object> column(IndexSegment segment, String column) {
    DataSource source = segment.dataSource(column);
    if (source == null) {
      throw new AssertionError("No column " + column);
    }
    ColumnMetadata metadata = source.metadata();
    int numDocs = segment.numDocs();
    int[] docIds = new int[numDocs];
    for (int i = 0; i < numDocs; i++) {
      docIds[i] = i;
    }
    ForwardIndexReader forward = source.forwardIndex();
    Dictionary dictionary = source.dictionary();
    List<Object> values = new ArrayList<>(numDocs);
    if (!metadata.singleValue() && dictionary == null) {
      return rawMultiValues(forward, numDocs, Math.max(1, metadata.maxNumberOfMultiValues()));
    }
    if (!metadata.singleValue()) {
      int[] buffer = new int[Math.max(1, metadata.maxNumberOfMultiValues())];
      for (int doc = 0; doc < numDocs; doc++) {
        int count = forward.getDictIdsMV(doc, buffer);
        List<Object> row = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
          row.add(comparable(dictionary.get(buffer[i])));
        }
        values.add(row);
      }
      return values;
    }
    if (dictionary != null) {
      int[] dictIds = new int[numDocs];
      forward.readDictIds(docIds, numDocs, dictIds);
      for (int dictId : dictIds) {
        values.add(comparable(dictionary.get(dictId)));
      }
      return values;
    }
    return raw(forward, docIds, numDocs);
  }

  private static List<Object> raw(ForwardIndexReader forward, int[] docIds, int numDocs) {
    List<Object> values = new ArrayList<>(numDocs);
    switch (forward.storedType()) {
      case INT -> {
        int[] out = new int[numDocs];
        forward.readIntValues(docIds, numDocs, out);
        Arrays.stream(out).forEach(values::add);
      }
      case LONG -> {
        long[] out = new long[numDocs];
        forward.readLongValues(docIds, numDocs, out);
        Arrays.stream(out).forEach(values::add);
      }
      case FLOAT -> {
        float[] out = new float[numDocs];
        forward.readFloatValues(docIds, numDocs, out);
        for (float value : out) {
          values.add(value);
        }
      }
      case DOUBLE -> {
        double[] out = new double[numDocs];
        forward.readDoubleValues(docIds, numDocs, out);
        Arrays.stream(out).forEach(values::add);
      }
      case STRING -> {
        String[] out = new String[numDocs];
        forward.readStringValues(docIds, numDocs, out);
        values.addAll(Arrays.asList(out));
      }
      case BYTES, BIG_DECIMAL -> {
        byte[][] out = new byte[numDocs][];
        forward.readBytesValues(docIds, numDocs, out);
        for (byte[] bytes : out) {
          values.add(forward.storedType() == DataType.BYTES ? comparable(bytes)
              : VarLengthValues.deserializeBigDecimal(bytes));
        }
      }
      default -> throw new AssertionError("Unexpected type " + forward.storedType());
    }
    return values;
  }

  private static List<Object> rawMultiValues(ForwardIndexReader forward, int numDocs, int maxValues) {
    List<Object> values = new ArrayList<>(numDocs);
    for (int doc = 0; doc < numDocs; doc++) {
      List<Object> row = new ArrayList<>();
      switch (forward.storedType()) {
        case INT -> {
          int[] out = new int[maxValues];
          int n = forward.getIntValuesMV(doc, out);
          for (int i = 0; i < n; i++) {
            row.add(out[i]);
          }
        }
        case LONG -> {
          long[] out = new long[maxValues];
          int n = forward.getLongValuesMV(doc, out);
          for (int i = 0; i < n; i++) {
            row.add(out[i]);
          }
        }
        case FLOAT -> {
          float[] out = new float[maxValues];
          int n = forward.getFloatValuesMV(doc, out);
          for (int i = 0; i < n; i++) {
            row.add(out[i]);
          }
        }
        case DOUBLE -> {
          double[] out = new double[maxValues];
          int n = forward.getDoubleValuesMV(doc, out);
          for (int i = 0; i < n; i++) {
            row.add(out[i]);
          }
        }
        case STRING -> {
          String[] out = new String[maxValues];
          int n = forward.getStringValuesMV(doc, out);
          row.addAll(Arrays.asList(out).subList(0, n));
        }
        default -> {
          byte[][] out = new byte[maxValues][];
          int n = forward.getBytesValuesMV(doc, out);
          for (int i = 0; i < n; i++) {
            row.add(comparable(out[i]));
          }
        }
      }
      values.add(row);
    }
    return values;
  }

  /// `byte[]` becomes a list of bytes so that `equals` compares content.
  public static Object comparable(Object value) {
    if (value instanceof byte[] bytes) {
      List<Byte> list = new ArrayList<>(bytes.length);
      for (byte b : bytes) {
        list.add(b);
      }
      return list;
    }
    return value;
  }
}
