// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.operator;

import io.pinot.query.function.ValueBlock;
import io.pinot.segment.spi.DataSource;
import io.pinot.segment.spi.Dictionary;
import io.pinot.segment.spi.IndexSegment;
import io.pinot.spi.data.DataType;
import io.pinot.spi.exception.QueryErrorCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// The current block of documents of a segment and lazy access to the values of the columns a query
/// reads, one slot per column (see [ValueBlock]). Call [#setDocIds] per block; arrays handed out stay
/// valid until the next call. Not thread-safe: one per segment execution.
public final class ProjectionBlock implements ValueBlock {
  private final IndexSegment segment;
  private final Map<String, Integer> slots = new LinkedHashMap<>();
  private final List<ColumnReader> readers = new ArrayList<>();
  private int[] docIds = new int[0];
  private int length;
  private int stamp;

  public ProjectionBlock(IndexSegment segment) {
    this.segment = segment;
  }

  /// The slot of a column, adding it on first use.
  ///
  /// @throws io.pinot.spi.exception.QueryException QUERY_EXECUTION when the segment lacks the column
  public int slot(String column) {
    Integer slot = slots.get(column);
    if (slot != null) {
      return slot;
    }
    DataSource dataSource = segment.dataSource(column);
    if (dataSource == null) {
      throw QueryErrorCode.QUERY_EXECUTION.asException("Column[" + column + "] not found in segment["
          + segment.segmentName() + "]");
    }
    readers.add(new ColumnReader(column, dataSource));
    slots.put(column, readers.size() - 1);
    return readers.size() - 1;
  }

  /// Number of distinct columns read (for `numEntriesScannedPostFilter`).
  public int numColumns() {
    return readers.size();
  }

  public void setDocIds(int[] newDocIds, int newLength) {
    this.docIds = newDocIds;
    this.length = newLength;
    stamp++;
  }

  public int length() {
    return length;
  }

  @Override
  public boolean isDictionaryEncoded(int slot) {
    return readers.get(slot).dictionary != null;
  }

  @Override
  public boolean isSingleValue(int slot) {
    return readers.get(slot).singleValue;
  }

  @Override
  public DataType storedType(int slot) {
    return readers.get(slot).storedType;
  }

  @Override
  public @Nullable Dictionary dictionary(int slot) {
    return readers.get(slot).dictionary;
  }

  @Override
  public int[] dictIds(int slot) {
    return readers.get(slot).dictIds(docIds, length, stamp);
  }

  @Override
  public int[] intValues(int slot) {
    return readers.get(slot).intValues(docIds, length, stamp);
  }

  @Override
  public long[] longValues(int slot) {
    return readers.get(slot).longValues(docIds, length, stamp);
  }

  @Override
  public float[] floatValues(int slot) {
    return readers.get(slot).floatValues(docIds, length, stamp);
  }

  @Override
  public double[] doubleValues(int slot) {
    return readers.get(slot).doubleValues(docIds, length, stamp);
  }

  @Override
  public String[] stringValues(int slot) {
    return readers.get(slot).stringValues(docIds, length, stamp);
  }

  @Override
  public byte[][] bytesValues(int slot) {
    return readers.get(slot).bytesValues(docIds, length, stamp);
  }

  @Override
  public int[] mvOffsets(int slot) {
    return readers.get(slot).mvOffsets(docIds, length, stamp);
  }

  @Override
  public int[] mvDictIds(int slot) {
    return readers.get(slot).mvDictIds(docIds, length, stamp);
  }
}
