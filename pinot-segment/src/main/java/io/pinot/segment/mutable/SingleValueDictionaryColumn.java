// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.mutable;

import io.pinot.segment.format.PackedInts;
import io.pinot.segment.spi.ColumnMetadata;
import io.pinot.segment.spi.DataSource;
import io.pinot.spi.data.FieldSpec;
import org.jspecify.annotations.Nullable;

/// A single-value dictionary-encoded column of a mutable segment: a growable [MutableDictionary], one dictionary
/// id per document in int chunks ([DictIdForwardIndex]), an optional [MutableInvertedIndex] and an optional null
/// value vector. Thread-safety: see [MutableColumn].
final class SingleValueDictionaryColumn implements MutableColumn {
  private final FieldSpec spec;
  private final Object defaultValue;
  private final MutableDictionary dictionary;
  private final IntChunks dictIds;
  private final DictIdForwardIndex forwardIndex;
  private final @Nullable MutableInvertedIndex invertedIndex;
  private final @Nullable MutableNullVector nullVector;
  private final DictionaryStats stats;
  private boolean stagedNull;

  SingleValueDictionaryColumn(FieldSpec spec, int maxLength, int shift, boolean invertedIndex,
      boolean nullHandling) {
    this.spec = spec;
    this.defaultValue = spec.defaultValue();
    this.dictionary = MutableDictionary.create(spec, maxLength, Math.max(8, shift - 2));
    this.dictIds = new IntChunks(shift);
    this.forwardIndex = new DictIdForwardIndex(dictIds, dictionary.storedType());
    this.invertedIndex = invertedIndex ? new MutableInvertedIndex() : null;
    this.nullVector = nullHandling ? new MutableNullVector() : null;
    this.stats = new DictionaryStats(dictionary);
  }

  @Override
  public FieldSpec spec() {
    return spec;
  }

  @Override
  public void stage(@Nullable Object raw) {
    Object value = StoredValues.single(raw, spec.dataType());
    stagedNull = value == null;
    dictionary.stage(0, stagedNull ? defaultValue : value);
  }

  @Override
  public void commit(int docId) {
    int before = dictionary.size;
    int id = dictionary.commit(0);
    dictIds.set(docId, id);
    stats.addValue(id, id == before);
    stats.addDoc(1);
    if (invertedIndex != null) {
      invertedIndex.add(id, docId);
    }
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
    for (int docId = prefix.scanFrom(); docId < numDocs; docId++) {
      prefix.addValue(dictIds.get(docId));
    }
    int cardinality = prefix.cardinality;
    ColumnMetadata metadata = new ColumnMetadata(spec.name(), spec.dataType(), spec.category(), true, numDocs,
        cardinality, false, true, PackedInts.bitsForCardinality(cardinality), 0, numDocs,
        prefix.minId < 0 ? null : dictionary.get(prefix.minId), prefix.maxId < 0 ? null : dictionary.get(prefix.maxId),
        invertedIndex != null);
    return new MutableDataSource(metadata, forwardIndex, new MutableDictionaryView(dictionary, cardinality),
        invertedIndex == null ? null : invertedIndex.view(numDocs, cardinality),
        nullVector == null ? null : nullVector.view(numDocs));
  }

  @Override
  public Object value(int docId) {
    return dictionary.get(dictIds.get(docId));
  }

  @Override
  public int compareDocs(int a, int b) {
    return dictionary.compareIds(dictIds.get(a), dictIds.get(b));
  }

  /// The dictionary (for sorting at commit time: ids compare by value through it).
  MutableDictionary dictionary() {
    return dictionary;
  }

  /// The dictionary id of a document.
  int dictId(int docId) {
    return dictIds.get(docId);
  }

  @Override
  public long memoryBytes() {
    return dictionary.memoryBytes() + dictIds.allocatedBytes() + stats.memoryBytes()
        + (invertedIndex == null ? 0 : invertedIndex.memoryBytes())
        + (nullVector == null ? 0 : nullVector.memoryBytes());
  }
}
