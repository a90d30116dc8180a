// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.timestamp;

import io.pinot.segment.index.dictionary.Dictionaries;
import io.pinot.segment.index.timestamp.TimestampGranularity;
import io.pinot.segment.spi.ColumnMetadata;
import io.pinot.segment.spi.DataSource;
import io.pinot.segment.spi.Dictionary;
import io.pinot.segment.spi.ForwardIndexReader;
import io.pinot.segment.spi.InvertedIndexReader;
import io.pinot.segment.spi.NullValueVectorReader;
import io.pinot.segment.spi.SortedIndexReader;
import io.pinot.spi.data.DataType;
import org.jspecify.annotations.Nullable;

/// `DATETRUNC(unit, ts)` computed from a segment's `ts` column, for segments without the timestamp index's derived
/// column. When `ts` has a sorted dictionary the result is dictionary-encoded too: truncation is monotonic, so the
/// truncated distinct values are a sorted dictionary and each `ts` dictionary id maps to one of its ids (built once,
/// in one pass over the dictionary); a sorted `ts` gives a sorted result with doc-id ranges. Otherwise (raw `ts`, or
/// the unsorted dictionary of a consuming segment) values are truncated as they are read. Thread-safe (immutable
/// apart from per-thread scratch arrays).
final class ComputedDateTruncSource implements DataSource {
  private static final int BLOCK = 4096;

  private final ColumnMetadata metadata;
  private final ForwardIndexReader forwardIndex;
  private final @Nullable Dictionary dictionary;
  private final @Nullable SortedIndexReader sortedIndex;
  private final @Nullable NullValueVectorReader nullValueVector;

  private ComputedDateTruncSource(ColumnMetadata metadata, ForwardIndexReader forwardIndex,
      @Nullable Dictionary dictionary, @Nullable SortedIndexReader sortedIndex,
      @Nullable NullValueVectorReader nullValueVector) {
    this.metadata = metadata;
    this.forwardIndex = forwardIndex;
    this.dictionary = dictionary;
    this.sortedIndex = sortedIndex;
    this.nullValueVector = nullValueVector;
  }

  /// The virtual column `name` truncating `source` (a single-value column stored as LONG).
  static DataSource of(String name, DataSource source, TimestampGranularity granularity) {
    ColumnMetadata sourceMetadata = source.metadata();
    if (!sourceMetadata.singleValue() || sourceMetadata.dataType().storedType() != DataType.LONG) {
      throw new IllegalStateException("Column[" + sourceMetadata.name() + "] is not a single-value LONG column");
    }
    Dictionary sourceDictionary = source.dictionary();
    if (sourceDictionary != null && sourceDictionary.sorted()) {
      return dictionaryEncoded(name, source, sourceDictionary, granularity);
    }
    Object min = sourceMetadata.minValue() instanceof Long value ? granularity.truncate(value) : null;
    Object max = sourceMetadata.maxValue() instanceof Long value ? granularity.truncate(value) : null;
    ColumnMetadata metadata = new ColumnMetadata(name, sourceMetadata.dataType(), sourceMetadata.fieldType(), true,
        sourceMetadata.totalDocs(), -1, sourceMetadata.sorted(), false, 0, 0, sourceMetadata.totalDocs(), min, max,
        false);
    return new ComputedDateTruncSource(metadata,
        new TruncatingForwardIndex(source.forwardIndex(), sourceDictionary, granularity), null, null,
        source.nullValueVector());
  }

  private static DataSource dictionaryEncoded(String name, DataSource source, Dictionary sourceDictionary,
      TimestampGranularity granularity) {
    int cardinality = sourceDictionary.length();
    int[] idMap = new int[cardinality];
    long[] distinct = new long[cardinality];
    int count = 0;
    long end = Long.MIN_VALUE;
    int[] ids = new int[BLOCK];
    long[] values = new long[BLOCK];
    for (int first = 0; first < cardinality; first += BLOCK) {
      int length = Math.min(BLOCK, cardinality - first);
      for (int i = 0; i < length; i++) {
        ids[i] = first + i;
      }
      sourceDictionary.readLongValues(ids, length, values);
      for (int i = 0; i < length; i++) {
        if (count == 0 || values[i] >= end || end == Long.MIN_VALUE) {
          long start = granularity.truncate(values[i]);
          if (count == 0 || start != distinct[count - 1]) {
            distinct[count++] = start;
          }
          end = granularity.nextStart(start);
        }
        idMap[first + i] = count - 1;
      }
    }
    Dictionary dictionary = Dictionaries.open(Dictionaries.buildLongs(distinct, count));
    ColumnMetadata sourceMetadata = source.metadata();
    int bits = Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(1, count - 1)));
    ColumnMetadata metadata = new ColumnMetadata(name, sourceMetadata.dataType(), sourceMetadata.fieldType(), true,
        sourceMetadata.totalDocs(), count, sourceMetadata.sorted(), true, bits, 0, sourceMetadata.totalDocs(),
        count == 0 ? null : distinct[0], count == 0 ? null : distinct[count - 1], false);
    SortedIndexReader sourceSorted = source.sortedIndex();
    return new ComputedDateTruncSource(metadata, new MappedIdForwardIndex(source.forwardIndex(), idMap), dictionary,
        sourceSorted == null ? null : new MappedSortedIndex(sourceSorted, idMap, count), source.nullValueVector());
  }

  @Override
  public ColumnMetadata metadata() {
    return metadata;
  }

  @Override
  public ForwardIndexReader forwardIndex() {
    return forwardIndex;
  }

  @Override
  public @Nullable Dictionary dictionary() {
    return dictionary;
  }

  @Override
  public @Nullable InvertedIndexReader invertedIndex() {
    return null;
  }

  @Override
  public @Nullable SortedIndexReader sortedIndex() {
    return sortedIndex;
  }

  @Override
  public @Nullable NullValueVectorReader nullValueVector() {
    return nullValueVector;
  }

  /// Doc-id ranges of the truncated ids: the union of the ranges of the `ts` ids mapping to each.
  private static final class MappedSortedIndex implements SortedIndexReader {
    private final SortedIndexReader source;
    private final int[] firstSourceId;
    private final int[] lastSourceId;

    MappedSortedIndex(SortedIndexReader source, int[] idMap, int count) {
      this.source = source;
      this.firstSourceId = new int[count];
      this.lastSourceId = new int[count];
      for (int sourceId = idMap.length - 1; sourceId >= 0; sourceId--) {
        firstSourceId[idMap[sourceId]] = sourceId;
      }
      for (int sourceId = 0; sourceId < idMap.length; sourceId++) {
        lastSourceId[idMap[sourceId]] = sourceId;
      }
    }

    @Override
    public int docIdStart(int dictId) {
      return source.docIdStart(firstSourceId[dictId]);
    }

    @Override
    public int docIdEnd(int dictId) {
      return source.docIdEnd(lastSourceId[dictId]);
    }
  }
}
