// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.mutable;

/// Statistics of a dictionary column of a mutable segment, exact for any prefix of its documents: cardinality,
/// the ids of the smallest and largest values, and the most values in one row.
///
/// Dictionary ids are assigned in document order, so the distinct values of the first `n` documents are exactly
/// ids `[0, cardinality(n))`, and a new id in a scan is always the next one. The writer keeps running values and
/// stores them every [MutableColumn#STATS_INTERVAL] documents; [#prefix] starts from the last checkpoint at or
/// below a document count, and the caller feeds the remaining documents to the returned [Prefix].
///
/// Thread-safety: one writer ([#addValue], [#addDoc], [#checkpoint]); readers call [#prefix] for document counts
/// published to them (every checkpoint at or below such a count was written before it).
final class DictionaryStats {
  private static final int FIELDS = 4;

  private final MutableDictionary dictionary;
  private final IntChunks checkpoints = new IntChunks(8);
  private int minId = -1;
  private int maxId = -1;
  private int maxValues;

  DictionaryStats(MutableDictionary dictionary) {
    this.dictionary = dictionary;
  }

  /// Writer: accounts a value just committed with id `id`; `isNew` when the id was added by this value.
  void addValue(int id, boolean isNew) {
    if (isNew) {
      if (minId < 0 || dictionary.compareIds(id, minId) < 0) {
        minId = id;
      }
      if (maxId < 0 || dictionary.compareIds(id, maxId) > 0) {
        maxId = id;
      }
    }
  }

  /// Writer: accounts a document of `numValues` values.
  void addDoc(int numValues) {
    if (numValues > maxValues) {
      maxValues = numValues;
    }
  }

  /// Writer: records the statistics of the first `numDocs` documents (a multiple of the interval).
  void checkpoint(int numDocs) {
    int base = (numDocs / MutableColumn.STATS_INTERVAL - 1) * FIELDS;
    checkpoints.set(base, dictionary.size);
    checkpoints.set(base + 1, minId);
    checkpoints.set(base + 2, maxId);
    checkpoints.set(base + 3, maxValues);
  }

  /// Reader: the statistics at the last checkpoint at or below `numDocs`; feed it documents from
  /// [Prefix#scanFrom()] to `numDocs`.
  Prefix prefix(int numDocs) {
    int complete = numDocs / MutableColumn.STATS_INTERVAL;
    Prefix prefix = new Prefix(dictionary, complete * MutableColumn.STATS_INTERVAL);
    if (complete > 0) {
      int base = (complete - 1) * FIELDS;
      prefix.cardinality = checkpoints.get(base);
      prefix.minId = checkpoints.get(base + 1);
      prefix.maxId = checkpoints.get(base + 2);
      prefix.maxValues = checkpoints.get(base + 3);
    }
    return prefix;
  }

  long memoryBytes() {
    return checkpoints.allocatedBytes();
  }

  /// Statistics of a prefix of the documents, completed document by document by a reader. Not thread-safe.
  static final class Prefix {
    private final MutableDictionary dictionary;
    private final int scanFrom;
    int cardinality;
    int minId = -1;
    int maxId = -1;
    int maxValues;

    private Prefix(MutableDictionary dictionary, int scanFrom) {
      this.dictionary = dictionary;
      this.scanFrom = scanFrom;
    }

    /// The first document not covered by the checkpoint.
    int scanFrom() {
      return scanFrom;
    }

    /// Accounts one value of a scanned document.
    void addValue(int id) {
      if (id == cardinality) {
        cardinality++;
        if (minId < 0 || dictionary.compareIds(id, minId) < 0) {
          minId = id;
        }
        if (maxId < 0 || dictionary.compareIds(id, maxId) > 0) {
          maxId = id;
        }
      }
    }

    void addDoc(int numValues) {
      maxValues = Math.max(maxValues, numValues);
    }
  }
}
