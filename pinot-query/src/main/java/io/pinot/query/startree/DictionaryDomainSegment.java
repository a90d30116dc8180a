// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.startree;

import io.pinot.segment.spi.ColumnMetadata;
import io.pinot.segment.spi.DataSource;
import io.pinot.segment.spi.Dictionary;
import io.pinot.segment.spi.ForwardIndexReader;
import io.pinot.segment.spi.IndexSegment;
import io.pinot.segment.spi.InvertedIndexReader;
import io.pinot.segment.spi.SegmentMetadata;
import io.pinot.segment.spi.SortedIndexReader;
import io.pinot.spi.data.DataType;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/// A one-column view of a dictionary as a segment whose document `i` holds dictionary id `i`: running the regular
/// [io.pinot.query.filter.FilterPlanner] over it turns a filter on that column into the set of matching dictionary
/// ids, with exactly the literal conversions and predicate semantics of the normal plan (EQ, IN, ranges, LIKE and
/// their AND/OR/NOT combinations). The column is sorted, so each predicate becomes id ranges without scanning.
/// [#metadata()] is the real segment's (only [#numDocs()] and [#dataSource] describe this view). Immutable and
/// thread-safe; lives as long as the dictionary.
final class DictionaryDomainSegment implements IndexSegment {
  private final IndexSegment segment;
  private final String column;
  private final int cardinality;
  private final DataSource dataSource;

  DictionaryDomainSegment(IndexSegment segment, String column, ColumnMetadata realMetadata, Dictionary dictionary) {
    this.segment = segment;
    this.column = column;
    this.cardinality = dictionary.length();
    ColumnMetadata metadata = new ColumnMetadata(column, realMetadata.dataType(), realMetadata.fieldType(), true,
        cardinality, cardinality, true, true, realMetadata.bitsPerElement(), 0, cardinality, realMetadata.minValue(),
        realMetadata.maxValue(), false);
    this.dataSource = new IdentitySource(metadata, new IdentityForwardIndex(dictionary.valueType()), dictionary);
  }

  @Override
  public String segmentName() {
    return segment.segmentName();
  }

  @Override
  public SegmentMetadata metadata() {
    return segment.metadata();
  }

  @Override
  public int numDocs() {
    return cardinality;
  }

  @Override
  public Set<String> columnNames() {
    return Set.of(column);
  }

  @Override
  public @Nullable DataSource dataSource(String name) {
    return column.equals(name) ? dataSource : null;
  }

  @Override
  public void close() {
  }

  /// The column: a sorted dictionary column whose document `i` has id `i`.
  private record IdentitySource(ColumnMetadata metadata, ForwardIndexReader forwardIndex, Dictionary dictionary)
      implements DataSource, SortedIndexReader {
    @Override
    public @Nullable InvertedIndexReader invertedIndex() {
      return null;
    }

    @Override
    public SortedIndexReader sortedIndex() {
      return this;
    }

    @Override
    public int docIdStart(int dictId) {
      return dictId;
    }

    @Override
    public int docIdEnd(int dictId) {
      return dictId + 1;
    }
  }

  /// Forward index of the identity column: document `i` has dictionary id `i`.
  private record IdentityForwardIndex(DataType storedType) implements ForwardIndexReader {
    @Override
    public boolean dictionaryEncoded() {
      return true;
    }

    @Override
    public boolean singleValue() {
      return true;
    }

    @Override
    public void readDictIds(int[] docIds, int length, int[] dictIds) {
      System.arraycopy(docIds, 0, dictIds, 0, length);
    }

    @Override
    public int getDictIdsMV(int docId, int[] dictIds) {
      throw new UnsupportedOperationException("Single-value column");
    }

    @Override
    public int numValuesMV(int docId) {
      throw new UnsupportedOperationException("Single-value column");
    }

    @Override
    public void readIntValues(int[] docIds, int length, int[] out) {
      throw new UnsupportedOperationException("Dictionary-encoded column");
    }

    @Override
    public void readLongValues(int[] docIds, int length, long[] out) {
      throw new UnsupportedOperationException("Dictionary-encoded column");
    }

    @Override
    public void readFloatValues(int[] docIds, int length, float[] out) {
      throw new UnsupportedOperationException("Dictionary-encoded column");
    }

    @Override
    public void readDoubleValues(int[] docIds, int length, double[] out) {
      throw new UnsupportedOperationException("Dictionary-encoded column");
    }

    @Override
    public void readStringValues(int[] docIds, int length, String[] out) {
      throw new UnsupportedOperationException("Dictionary-encoded column");
    }

    @Override
    public void readBytesValues(int[] docIds, int length, byte[][] out) {
      throw new UnsupportedOperationException("Dictionary-encoded column");
    }
  }
}
