// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.startree;

import io.pinot.segment.spi.DataSource;
import io.pinot.segment.spi.Dictionary;
import io.pinot.segment.spi.ForwardIndexReader;
import io.pinot.segment.spi.IndexSegment;

/// Reads whole single-value columns of a loaded segment into primitive arrays, block by block, for the star-tree
/// builder. Stateless utilities.
final class SegmentColumns {
  private static final int BLOCK_SIZE = 8192;

  private SegmentColumns() {
  }

  /// The data source of a column the star-tree needs, checked to be single-value (and dictionary-encoded when asked).
  static DataSource dataSource(IndexSegment segment, String column, boolean needsDictionary) {
    DataSource dataSource = segment.dataSource(column);
    if (dataSource == null) {
      throw new IllegalArgumentException("Column[" + column + "] is not in segment[" + segment.segmentName() + "]");
    }
    if (!dataSource.forwardIndex().singleValue()) {
      throw new IllegalArgumentException("Column[" + column + "] is multi-value; the star-tree needs single-value "
          + "columns");
    }
    if (needsDictionary && dataSource.dictionary() == null) {
      throw new IllegalArgumentException("Column[" + column + "] has no dictionary; the star-tree needs a "
          + "dictionary-encoded column");
    }
    return dataSource;
  }

  /// The dictionary id of every document.
  static int[] dictIds(DataSource dataSource, int numDocs) {
    ForwardIndexReader forward = dataSource.forwardIndex();
    int[] ids = new int[numDocs];
    int[] docIds = new int[BLOCK_SIZE];
    int[] block = new int[BLOCK_SIZE];
    for (int start = 0; start < numDocs; start += BLOCK_SIZE) {
      int length = fillDocIds(docIds, start, numDocs);
      forward.readDictIds(docIds, length, block);
      System.arraycopy(block, 0, ids, start, length);
    }
    return ids;
  }

  /// The value of every document as a double.
  static double[] doubles(DataSource dataSource, int numDocs) {
    ForwardIndexReader forward = dataSource.forwardIndex();
    Dictionary dictionary = dataSource.dictionary();
    double[] values = new double[numDocs];
    int[] docIds = new int[BLOCK_SIZE];
    int[] ids = new int[BLOCK_SIZE];
    double[] block = new double[BLOCK_SIZE];
    for (int start = 0; start < numDocs; start += BLOCK_SIZE) {
      int length = fillDocIds(docIds, start, numDocs);
      if (dictionary != null) {
        forward.readDictIds(docIds, length, ids);
        dictionary.readDoubleValues(ids, length, block);
      } else {
        forward.readDoubleValues(docIds, length, block);
      }
      System.arraycopy(block, 0, values, start, length);
    }
    return values;
  }

  private static int fillDocIds(int[] docIds, int start, int numDocs) {
    int length = Math.min(docIds.length, numDocs - start);
    for (int i = 0; i < length; i++) {
      docIds[i] = start + i;
    }
    return length;
  }
}
