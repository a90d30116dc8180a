// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.operator;

import io.pinot.query.filter.SpanReader;
import io.pinot.segment.spi.DataSource;
import io.pinot.segment.spi.Dictionary;
import io.pinot.segment.spi.ForwardIndexReader;
import io.pinot.spi.data.DataType;
import java.math.BigDecimal;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/// Reads one column of one segment for a block of documents into reused arrays, converting through the
/// dictionary when the column has one. Each kind of array is filled at most once per block (tracked by
/// the block's stamp). Not thread-safe: one per segment execution.
final class ColumnReader implements BlockValues {
  private static final int MAX_CACHED_DICTIONARY = 1 << 16;

  final String name;
  final ForwardIndexReader forwardIndex;
  private final SpanReader spanReader;
  final @Nullable Dictionary dictionary;
  final boolean singleValue;
  final DataType logicalType;
  final DataType storedType;
  private final int maxValuesPerDoc;

  private int[] dictIds = new int[0];
  private int[] ints = new int[0];
  private long[] longs = new long[0];
  private float[] floats = new float[0];
  private double[] doubles = new double[0];
  private String[] strings = new String[0];
  private byte[][] bytes = new byte[0][];
  private long[] hashes = new long[0];
  private int hashesStamp = -1;
  private int[] mvOffsets = new int[0];
  private int[] mvDictIds = new int[0];
  private final int[] mvScratch;
  private int dictIdsStamp = -1;
  private int intsStamp = -1;
  private int longsStamp = -1;
  private int floatsStamp = -1;
  private int doublesStamp = -1;
  private int stringsStamp = -1;
  private int bytesStamp = -1;
  private int mvStamp = -1;
  private double[] dictionaryDoubles;

  @Override
  public boolean singleValue() {
    return singleValue;
  }

  @Override
  public DataType logicalType() {
    return logicalType;
  }

  @Override
  public DataType storedType() {
    return storedType;
  }

  @Override
  public @Nullable Dictionary dictionary() {
    return dictionary;
  }

  ColumnReader(String name, DataSource dataSource) {
    this.name = name;
    this.forwardIndex = dataSource.forwardIndex();
    this.spanReader = new SpanReader(forwardIndex);
    this.dictionary = dataSource.dictionary();
    this.singleValue = dataSource.metadata().singleValue();
    this.logicalType = dataSource.metadata().dataType();
    this.storedType = logicalType.storedType();
    this.maxValuesPerDoc = Math.max(1, dataSource.metadata().maxNumberOfMultiValues());
    this.mvScratch = new int[singleValue ? 0 : maxValuesPerDoc];
  }

  @Override
  public int[] dictIds(int[] docIds, int length, int stamp) {
    if (dictIdsStamp != stamp) {
      dictIds = ensure(dictIds, length);
      spanReader.readDictIds(docIds, length, dictIds);
      dictIdsStamp = stamp;
    }
    return dictIds;
  }

  @Override
  public int[] intValues(int[] docIds, int length, int stamp) {
    if (intsStamp != stamp) {
      ints = ensure(ints, length);
      if (dictionary != null) {
        dictionary.readIntValues(dictIds(docIds, length, stamp), length, ints);
      } else {
        spanReader.readIntValues(docIds, length, ints);
      }
      intsStamp = stamp;
    }
    return ints;
  }

  @Override
  public long[] longValues(int[] docIds, int length, int stamp) {
    if (longsStamp != stamp) {
      longs = length > longs.length ? new long[Math.max(length, 1024)] : longs;
      if (dictionary != null) {
        dictionary.readLongValues(dictIds(docIds, length, stamp), length, longs);
      } else {
        spanReader.readLongValues(docIds, length, longs);
      }
      longsStamp = stamp;
    }
    return longs;
  }

  @Override
  public float[] floatValues(int[] docIds, int length, int stamp) {
    if (floatsStamp != stamp) {
      floats = length > floats.length ? new float[Math.max(length, 1024)] : floats;
      if (dictionary != null) {
        dictionary.readFloatValues(dictIds(docIds, length, stamp), length, floats);
      } else {
        forwardIndex.readFloatValues(docIds, length, floats);
      }
      floatsStamp = stamp;
    }
    return floats;
  }

  @Override
  public double[] doubleValues(int[] docIds, int length, int stamp) {
    if (doublesStamp != stamp) {
      doubles = length > doubles.length ? new double[Math.max(length, 1024)] : doubles;
      if (dictionary != null) {
        int[] ids = dictIds(docIds, length, stamp);
        double[] values = dictionaryDoubles();
        if (values != null) {
          for (int i = 0; i < length; i++) {
            doubles[i] = values[ids[i]];
          }
        } else {
          dictionary.readDoubleValues(ids, length, doubles);
        }
      } else if (storedType == DataType.BIG_DECIMAL) {
        String[] text = stringValues(docIds, length, stamp);
        for (int i = 0; i < length; i++) {
          doubles[i] = new BigDecimal(text[i]).doubleValue();
        }
      } else {
        spanReader.readDoubleValues(docIds, length, doubles);
      }
      doublesStamp = stamp;
    }
    return doubles;
  }

  @Override
  public String[] stringValues(int[] docIds, int length, int stamp) {
    if (stringsStamp != stamp) {
      strings = length > strings.length ? new String[Math.max(length, 1024)] : strings;
      if (dictionary != null) {
        dictionary.readStringValues(dictIds(docIds, length, stamp), length, strings);
      } else {
        forwardIndex.readStringValues(docIds, length, strings);
      }
      stringsStamp = stamp;
    }
    return strings;
  }

  @Override
  public byte[][] bytesValues(int[] docIds, int length, int stamp) {
    if (bytesStamp != stamp) {
      bytes = length > bytes.length ? new byte[Math.max(length, 1024)][] : bytes;
      if (dictionary != null) {
        int[] ids = dictIds(docIds, length, stamp);
        for (int i = 0; i < length; i++) {
          bytes[i] = dictionary.getBytesValue(ids[i]);
        }
      } else {
        forwardIndex.readBytesValues(docIds, length, bytes);
      }
      bytesStamp = stamp;
    }
    return bytes;
  }

  /// The [io.pinot.segment.spi.Utf8Hash] of each value of a raw STRING column, read from the forward index.
  long[] utf8Hashes(int[] docIds, int length, int stamp) {
    if (hashesStamp != stamp) {
      hashes = length > hashes.length ? new long[Math.max(length, 1024)] : hashes;
      forwardIndex.readUtf8Hashes(docIds, length, hashes);
      hashesStamp = stamp;
    }
    return hashes;
  }

  /// The whole dictionary as doubles for small numeric dictionaries (one array lookup per value instead of
  /// a dictionary read), or null.
  private double[] dictionaryDoubles() {
    if (dictionaryDoubles == null && dictionary.length() <= MAX_CACHED_DICTIONARY && storedType.isNumeric()) {
      int cardinality = dictionary.length();
      int[] ids = new int[cardinality];
      for (int i = 0; i < cardinality; i++) {
        ids[i] = i;
      }
      double[] values = new double[cardinality];
      dictionary.readDoubleValues(ids, cardinality, values);
      dictionaryDoubles = values;
    }
    return dictionaryDoubles;
  }

  /// Fills the multi-value offsets and flattened dictionary ids of the block.
  private void readMultiValues(int[] docIds, int length, int stamp) {
    if (mvStamp == stamp) {
      return;
    }
    mvOffsets = ensure(mvOffsets, length + 1);
    int total = 0;
    for (int i = 0; i < length; i++) {
      mvOffsets[i] = total;
      if (mvDictIds.length < total + maxValuesPerDoc) {
        mvDictIds = Arrays.copyOf(mvDictIds, Math.max(total + maxValuesPerDoc, mvDictIds.length * 2));
      }
      int n = forwardIndex.getDictIdsMV(docIds[i], mvScratch);
      System.arraycopy(mvScratch, 0, mvDictIds, total, n);
      total += n;
    }
    mvOffsets[length] = total;
    mvStamp = stamp;
  }

  @Override
  public int[] mvOffsets(int[] docIds, int length, int stamp) {
    readMultiValues(docIds, length, stamp);
    return mvOffsets;
  }

  @Override
  public int[] mvDictIds(int[] docIds, int length, int stamp) {
    readMultiValues(docIds, length, stamp);
    return mvDictIds;
  }

  private static int[] ensure(int[] array, int length) {
    return length > array.length ? new int[Math.max(length, 1024)] : array;
  }
}
