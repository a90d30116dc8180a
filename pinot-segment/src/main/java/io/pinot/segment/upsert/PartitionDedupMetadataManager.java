// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.upsert;

import static java.util.Objects.requireNonNull;

import io.pinot.segment.mutable.MutableSegment;
import io.pinot.segment.mutable.StoredValues;
import io.pinot.segment.spi.IndexSegment;
import io.pinot.spi.config.table.HashFunction;
import io.pinot.spi.data.FieldSpec;
import io.pinot.spi.data.readers.GenericRow;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/// The dedup metadata of one stream partition of a table (Pinot's `ConcurrentMapPartitionDedupMetadataManager`): the
/// primary keys already ingested, each with the segment holding it and its dedup time. A row whose key is present is
/// dropped before it is indexed. With `metadataTTL`, a key whose dedup time is older than the largest seen minus the
/// TTL counts as absent (and is forgotten by [#removeExpiredPrimaryKeys()]).
///
/// Call protocol: [#addSegment] for every segment the server loads (committed ones at start-up, so that a restarted
/// server rebuilds the key set); per consumed row [#checkRecordPresentOrUpdate] with the consuming segment, indexing
/// the row only when it returns false; [#replaceSegment] when the consuming segment is replaced by its committed copy;
/// [#removeSegment] before a segment is dropped.
///
/// Thread-safety: per-key updates are atomic (a concurrent map); [#checkRecordPresentOrUpdate] is called by one
/// consuming thread at a time.
public final class PartitionDedupMetadataManager implements PartitionKeyMetadata {
  private final DedupContext context;
  private final int partitionId;
  private final ConcurrentHashMap<Object, Entry> keys = new ConcurrentHashMap<>();
  private final FieldSpec[] keySpecs;
  private final @Nullable FieldSpec timeSpec;
  private final Object[] keyValues;
  private volatile double largestSeenTime = Double.NEGATIVE_INFINITY;

  /// Where a key was seen.
  private record Entry(IndexSegment segment, double time) {
  }

  public PartitionDedupMetadataManager(DedupContext context, int partitionId) {
    this.context = requireNonNull(context, "context is null");
    this.partitionId = partitionId;
    List<String> columns = context.primaryKeyColumns();
    this.keySpecs = new FieldSpec[columns.size()];
    for (int i = 0; i < keySpecs.length; i++) {
      keySpecs[i] = context.schema().fieldSpec(columns.get(i));
    }
    this.timeSpec = context.dedupTimeColumn() == null ? null : context.schema().fieldSpec(context.dedupTimeColumn());
    this.keyValues = new Object[keySpecs.length];
  }

  public int partitionId() {
    return partitionId;
  }

  /// The number of primary keys tracked (Pinot's `dedupPrimaryKeysCount`).
  public int numPrimaryKeys() {
    return keys.size();
  }

  /// Whether the row's primary key was already ingested (then the row must be dropped); otherwise records the key as
  /// held by `segment` (the consuming segment the row is about to be indexed into) and returns false.
  ///
  /// @throws IllegalArgumentException when a key or dedup time value cannot be converted to its column's type
  public boolean checkRecordPresentOrUpdate(GenericRow row, IndexSegment segment) {
    for (int i = 0; i < keyValues.length; i++) {
      keyValues[i] = StoredValues.toStored(keySpecs[i], row.getValue(keySpecs[i].name()));
    }
    Object key = PrimaryKeys.key(keyValues, hashFunction());
    double time = timeSpec == null ? 0 : ((Number) StoredValues.toStored(timeSpec, row.getValue(timeSpec.name())))
        .doubleValue();
    trackLargest(time);
    boolean[] present = new boolean[1];
    keys.compute(key, (k, entry) -> {
      if (entry == null || isExpired(entry.time())) {
        return new Entry(segment, time);
      }
      present[0] = true;
      return entry;
    });
    return present[0];
  }

  /// Adds the keys of a loaded segment.
  @Override
  public void addSegment(IndexSegment segment) {
    addOrReplace(segment, null);
  }

  /// Moves the keys of `oldSegment` (the consuming segment) to `newSegment` (its committed copy).
  @Override
  public void replaceSegment(IndexSegment newSegment, IndexSegment oldSegment) {
    addOrReplace(newSegment, oldSegment);
    // Keys of the old segment that the new one does not hold are forgotten.
    keys.values().removeIf(entry -> entry.segment() == oldSegment);
  }

  /// Forgets the keys held by `segment` (which is about to be dropped).
  @Override
  public void removeSegment(IndexSegment segment) {
    keys.values().removeIf(entry -> entry.segment() == segment);
  }

  /// With `metadataTTL`: forgets the keys whose dedup time is older than the largest seen minus the TTL.
  @Override
  public void removeExpiredPrimaryKeys() {
    if (context.config().metadataTTL() > 0) {
      keys.values().removeIf(entry -> isExpired(entry.time()));
    }
  }

  private void addOrReplace(IndexSegment segment, @Nullable IndexSegment oldSegment) {
    IndexSegment readable = segment instanceof MutableSegment mutable ? mutable.snapshot() : segment;
    List<String> columns = new ArrayList<>(context.primaryKeyColumns());
    if (timeSpec != null) {
      columns.add(timeSpec.name());
    }
    DocValues values = new DocValues(readable, columns);
    Object[] docKey = new Object[keySpecs.length];
    int numDocs = readable.numDocs();
    for (int docId = 0; docId < numDocs; docId++) {
      for (int i = 0; i < docKey.length; i++) {
        docKey[i] = values.rawValue(i, docId);
      }
      double time = timeSpec == null ? 0 : ((Number) values.rawValue(docKey.length, docId)).doubleValue();
      trackLargest(time);
      keys.compute(PrimaryKeys.key(docKey, hashFunction()), (k, entry) -> {
        // On equal times the newer segment (the replacement) keeps the key.
        if (entry == null || isExpired(entry.time()) || entry.segment() == oldSegment || entry.time() <= time) {
          return new Entry(segment, time);
        }
        return entry;
      });
    }
  }

  private HashFunction hashFunction() {
    return context.hashFunction();
  }

  private boolean isExpired(double time) {
    double ttl = context.config().metadataTTL();
    return ttl > 0 && time < largestSeenTime - ttl;
  }

  private void trackLargest(double time) {
    if (time > largestSeenTime) {
      largestSeenTime = time;
    }
  }
}
