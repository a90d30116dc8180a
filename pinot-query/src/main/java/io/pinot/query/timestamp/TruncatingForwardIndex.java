// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.timestamp;

import io.pinot.segment.index.timestamp.TimestampGranularity;
import io.pinot.segment.spi.Dictionary;
import io.pinot.segment.spi.ForwardIndexReader;
import io.pinot.spi.data.DataType;
import org.jspecify.annotations.Nullable;

/// The forward index of a raw computed `DATETRUNC` column: the `ts` column's values (read raw, or through its
/// dictionary when that is not sorted, as in consuming segments) truncated as they are read, block by block.
/// Numeric reads convert like raw LONG columns. Thread-safe: scratch arrays are per thread.
final class TruncatingForwardIndex implements ForwardIndexReader {
  private final ForwardIndexReader source;
  private final @Nullable Dictionary dictionary;
  private final TimestampGranularity granularity;
  private final ThreadLocal<long[]> longs = ThreadLocal.withInitial(() -> new long[0]);
  private final ThreadLocal<int[]> ids = ThreadLocal.withInitial(() -> new int[0]);

  TruncatingForwardIndex(ForwardIndexReader source, @Nullable Dictionary dictionary,
      TimestampGranularity granularity) {
    this.source = source;
    this.dictionary = dictionary;
    this.granularity = granularity;
  }

  @Override
  public boolean dictionaryEncoded() {
    return false;
  }

  @Override
  public boolean singleValue() {
    return true;
  }

  @Override
  public DataType storedType() {
    return DataType.LONG;
  }

  @Override
  public void readLongValues(int[] docIds, int length, long[] out) {
    if (dictionary != null) {
      int[] dictIds = scratchIds(length);
      source.readDictIds(docIds, length, dictIds);
      dictionary.readLongValues(dictIds, length, out);
    } else {
      source.readLongValues(docIds, length, out);
    }
    for (int i = 0; i < length; i++) {
      out[i] = granularity.truncate(out[i]);
    }
  }

  @Override
  public void readIntValues(int[] docIds, int length, int[] out) {
    long[] values = scratchLongs(length);
    readLongValues(docIds, length, values);
    for (int i = 0; i < length; i++) {
      out[i] = (int) values[i];
    }
  }

  @Override
  public void readFloatValues(int[] docIds, int length, float[] out) {
    long[] values = scratchLongs(length);
    readLongValues(docIds, length, values);
    for (int i = 0; i < length; i++) {
      out[i] = values[i];
    }
  }

  @Override
  public void readDoubleValues(int[] docIds, int length, double[] out) {
    long[] values = scratchLongs(length);
    readLongValues(docIds, length, values);
    for (int i = 0; i < length; i++) {
      out[i] = values[i];
    }
  }

  @Override
  public void readStringValues(int[] docIds, int length, String[] out) {
    long[] values = scratchLongs(length);
    readLongValues(docIds, length, values);
    for (int i = 0; i < length; i++) {
      out[i] = Long.toString(values[i]);
    }
  }

  @Override
  public void readBytesValues(int[] docIds, int length, byte[][] out) {
    throw new UnsupportedOperationException("readBytesValues is not supported by a LONG column");
  }

  @Override
  public void readDictIds(int[] docIds, int length, int[] dictIds) {
    throw new UnsupportedOperationException("readDictIds is not supported by a raw DATETRUNC column");
  }

  @Override
  public int getDictIdsMV(int docId, int[] dictIds) {
    throw new UnsupportedOperationException("getDictIdsMV is not supported by a single-value column");
  }

  @Override
  public int numValuesMV(int docId) {
    throw new UnsupportedOperationException("numValuesMV is not supported by a single-value column");
  }

  private long[] scratchLongs(int length) {
    long[] values = longs.get();
    if (values.length < length) {
      values = new long[Math.max(length, 1024)];
      longs.set(values);
    }
    return values;
  }

  private int[] scratchIds(int length) {
    int[] values = ids.get();
    if (values.length < length) {
      values = new int[Math.max(length, 1024)];
      ids.set(values);
    }
    return values;
  }
}
