// SPDX-License-Identifier: Apache-2.0
package io.pinot.inputformat;

import io.pinot.segment.spi.DataSource;
import io.pinot.segment.spi.Dictionary;
import io.pinot.segment.spi.ForwardIndexReader;
import io.pinot.segment.spi.IndexSegment;
import io.pinot.spi.data.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/// Reads every value of every column of a segment, document by document, through the forward indexes and
/// dictionaries (multi-values as `Object[]`, BYTES as `byte[]`).
final class SegmentColumns {
  private SegmentColumns() {
  }

  static Map<String, List<Object>> read(IndexSegment segment, Schema schema) {
    Map<String, List<Object>> columns = new LinkedHashMap<>();
    for (String column : schema.columnNames()) {
      columns.put(column, values(segment.dataSource(column), segment.numDocs()));
    }
    return columns;
  }

  private static List<Object> values(DataSource source, int numDocs) {
    ForwardIndexReader forward = source.forwardIndex();
    Dictionary dictionary = source.dictionary();
    List<Object> values = new ArrayList<>(numDocs);
    int[] docIds = new int[1];
    int[] dictIds = new int[Math.max(1, source.metadata().maxNumberOfMultiValues())];
    for (int doc = 0; doc < numDocs; doc++) {
      docIds[0] = doc;
      if (!forward.singleValue()) {
        int count = forward.getDictIdsMV(doc, dictIds);
        Object[] multi = new Object[count];
        for (int i = 0; i < count; i++) {
          multi[i] = dictionary.get(dictIds[i]);
        }
        values.add(multi);
      } else if (dictionary != null) {
        forward.readDictIds(docIds, 1, dictIds);
        values.add(dictionary.get(dictIds[0]));
      } else {
        values.add(raw(forward, docIds));
      }
    }
    return values;
  }

  private static Object raw(ForwardIndexReader forward, int[] docIds) {
    return switch (forward.storedType()) {
      case INT -> {
        int[] out = new int[1];
        forward.readIntValues(docIds, 1, out);
        yield out[0];
      }
      case LONG -> {
        long[] out = new long[1];
        forward.readLongValues(docIds, 1, out);
        yield out[0];
      }
      case FLOAT -> {
        float[] out = new float[1];
        forward.readFloatValues(docIds, 1, out);
        yield out[0];
      }
      case DOUBLE -> {
        double[] out = new double[1];
        forward.readDoubleValues(docIds, 1, out);
        yield out[0];
      }
      case BYTES -> {
        byte[][] out = new byte[1][];
        forward.readBytesValues(docIds, 1, out);
        yield out[0];
      }
      default -> {
        String[] out = new String[1];
        forward.readStringValues(docIds, 1, out);
        yield out[0];
      }
    };
  }
}
