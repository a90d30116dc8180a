// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.mutable;

import io.pinot.segment.format.PackedInts;
import io.pinot.segment.spi.ColumnMetadata;
import io.pinot.segment.spi.DataSource;
import io.pinot.spi.data.FieldSpec;
import org.jspecify.annotations.Nullable;

/// A multi-value column of a mutable segment (always dictionary-encoded, as in immutable segments): a growable
/// [MutableDictionary], the dictionary ids of all values plus per-document starts ([MultiValueDictIdForwardIndex]),
/// an optional [MutableInvertedIndex] (a document appears once per distinct value) and an optional null value
/// vector. A null or empty row stores the default value once. At most 2^31 - 1 values per column and segment.
/// Thread-safety: see [MutableColumn].
final class MultiValueDictionaryColumn implements MutableColumn {
  private final FieldSpec spec;
  private final Object defaultValue;
  private final MutableDictionary dictionary;
  private final IntChunks starts;
  private final IntChunks dictIds;
  private final MultiValueDictIdForwardIndex forwardIndex;
  private final @Nullable MutableInvertedIndex invertedIndex;
  private final @Nullable MutableNullVector nullVector;
  private final DictionaryStats stats;
  private int totalEntries;
  private int stagedCount;
  private boolean stagedNull;

  MultiValueDictionaryColumn(FieldSpec spec, int maxLength, int shift, boolean invertedIndex,
      boolean nullHandling) {
    this.spec = spec;
    this.defaultValue = spec.defaultValue();
    this.dictionary = MutableDictionary.create(spec, maxLength, Math.max(8, shift - 2));
    this.starts = new IntChunks(shift);
    this.dictIds = new IntChunks(shift + 1);
    this.forwardIndex = new MultiValueDictIdForwardIndex(starts, dictIds, dictionary.storedType());
    this.invertedIndex = invertedIndex ? new MutableInvertedIndex() : null;
    this.nullVector = nullHandling ? new MutableNullVector() : null;
    this.stats = new DictionaryStats(dictionary);
    starts.set(0, 0);
  }

  @Override
  public FieldSpec spec() {
    return spec;
  }

  @Override
  public void stage(@Nullable Object raw) {
    Object[] values = StoredValues.multi(raw);
    stagedNull = values == null || values.length == 0;
    if (stagedNull) {
      dictionary.stage(0, defaultValue);
      stagedCount = 1;
      return;
    }
    if ((long) totalEntries + values.length > Integer.MAX_VALUE - 1) {
      throw new IllegalStateException("Column[" + spec.name() + "] would exceed 2^31 - 1 values in one segment");
    }
    for (int i = 0; i < values.length; i++) {
      dictionary.stage(i, values[i] == null ? defaultValue : values[i]);
    }
    stagedCount = values.length;
  }

  @Override
  public void commit(int docId) {
    int start = totalEntries;
    for (int i = 0; i < stagedCount; i++) {
      int before = dictionary.size;
      int id = dictionary.commit(i);
      dictIds.set(start + i, id);
      stats.addValue(id, id == before);
      if (invertedIndex != null) {
        invertedIndex.add(id, docId);
      }
    }
    totalEntries = start + stagedCount;
    starts.set(docId + 1, totalEntries);
    stats.addDoc(stagedCount);
    if (stagedNull && nullVector != null) {
      nullVector.add(docId);
    }
  }

  @Override
  public void checkpoint(int numDocs) {
    stats.checkpoint(numDocs);
  }

  @Override
  public DataSource dataSource(int numDocs) {
    DictionaryStats.Prefix prefix = stats.prefix(numDocs);
    int from = prefix.scanFrom();
    int entry = starts.get(from);
    for (int docId = from; docId < numDocs; docId++) {
      int end = starts.get(docId + 1);
      prefix.addDoc(end - entry);
      for (; entry < end; entry++) {
        prefix.addValue(dictIds.get(entry));
      }
    }
    int cardinality = prefix.cardinality;
    ColumnMetadata metadata = new ColumnMetadata(spec.name(), spec.dataType(), spec.category(), false, numDocs,
        cardinality, false, true, PackedInts.bitsForCardinality(cardinality), prefix.maxValues, starts.get(numDocs),
        prefix.minId < 0 ? null : dictionary.get(prefix.minId), prefix.maxId < 0 ? null : dictionary.get(prefix.maxId),
        invertedIndex != null);
    return new MutableDataSource(metadata, forwardIndex, new MutableDictionaryView(dictionary, cardinality),
        invertedIndex == null ? null : invertedIndex.view(numDocs, cardinality),
        nullVector == null ? null : nullVector.view(numDocs));
  }

  @Override
  public Object value(int docId) {
    int start = starts.get(docId);
    Object[] values = new Object[starts.get(docId + 1) - start];
    for (int i = 0; i < values.length; i++) {
      values[i] = dictionary.get(dictIds.get(start + i));
    }
    return values;
  }

  @Override
  public int compareDocs(int a, int b) {
    throw new UnsupportedOperationException("Multi-value column[" + spec.name() + "] cannot order documents");
  }

  @Override
  public long memoryBytes() {
    return dictionary.memoryBytes() + starts.allocatedBytes() + dictIds.allocatedBytes() + stats.memoryBytes()
        + (invertedIndex == null ? 0 : invertedIndex.memoryBytes())
        + (nullVector == null ? 0 : nullVector.memoryBytes());
  }
}
