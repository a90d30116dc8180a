// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.upsert;

import static java.util.Objects.requireNonNull;

import io.pinot.segment.loader.ImmutableSegment;
import io.pinot.segment.mutable.LlcSegmentName;
import io.pinot.segment.mutable.MutableSegment;
import io.pinot.segment.mutable.MutableSegmentSnapshot;
import io.pinot.segment.spi.IndexSegment;
import io.pinot.segment.spi.ValidDocIds;
import io.pinot.spi.data.readers.GenericRow;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.roaringbitmap.IntIterator;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;
import org.roaringbitmap.buffer.MutableRoaringBitmap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The upsert metadata of one stream partition of a table (Pinot's `ConcurrentMapPartitionUpsertMetadataManager`):
/// a map from primary key to the location (segment, document, comparison value) of its latest version, and for
/// every segment of the partition its [ValidDocIds], which queries AND into their filters.
///
/// Rules, as Pinot: the greater comparison value wins; on a tie the later document of the same segment wins, and
/// between segments the one with the higher LLC sequence number (else the later creation time); a record older than
/// its key's latest (out of order) is indexed but never valid. A record whose `deleteRecordColumn` is true becomes
/// the key's latest version but is not queryable, so the key disappears from queries while its location still
/// decides later, possibly out-of-order, records; a newer record revives it.
///
/// Call protocol: [#addSegment] for every committed segment the server loads, [#trackConsumingSegment] when a
/// consuming segment is created, then per consumed row [#updateRecord] (before indexing; merges PARTIAL rows), the
/// segment's `index`, and [#addRecord] with the new doc id; [#replaceSegment] when a consuming segment is replaced by
/// its committed copy (before the old one is closed); [#removeSegment] before a segment is dropped.
///
/// Thread-safety: per-key updates are atomic (a concurrent map), so segments may be added or removed by other
/// threads while the consuming thread adds records; [#updateRecord] and [#addRecord] are called by one consuming
/// thread at a time.
public final class PartitionUpsertMetadataManager implements PartitionKeyMetadata {
  private static final Logger LOGGER = LoggerFactory.getLogger(PartitionUpsertMetadataManager.class);

  private final UpsertContext context;
  private final int partitionId;
  private final ConcurrentHashMap<Object, Location> locations = new ConcurrentHashMap<>();
  private final RecordInfoReader rowReader;
  private final @Nullable PartialUpsertMerger merger;
  private final AtomicLong numOutOfOrder = new AtomicLong();
  private volatile double largestSeenComparison = Double.NEGATIVE_INFINITY;
  private final @Nullable PreviousRows previousRows;

  /// The latest version of a key.
  private record Location(IndexSegment segment, ValidDocIds docIds, int docId, Comparable<?> comparison) {
  }

  public PartitionUpsertMetadataManager(UpsertContext context, int partitionId) {
    this.context = requireNonNull(context, "context is null");
    this.partitionId = partitionId;
    this.rowReader = new RecordInfoReader(context);
    this.merger = context.partial() ? new PartialUpsertMerger(context) : null;
    this.previousRows = merger == null ? null : new PreviousRows(merger.previousColumns());
  }

  public int partitionId() {
    return partitionId;
  }

  /// The number of primary keys tracked.
  public int numPrimaryKeys() {
    return locations.size();
  }

  /// The number of records that arrived older than their key's latest version.
  public long numOutOfOrderRecords() {
    return numOutOfOrder.get();
  }

  /// Adds a committed segment: reads the primary key, comparison and delete columns of every document and makes
  /// the winners valid, invalidating the versions they replace in other segments. A new, empty consuming segment is
  /// only tracked ([#trackConsumingSegment]).
  ///
  /// @throws IllegalArgumentException when the segment lacks a needed column or cannot hold valid doc ids
  @Override
  public void addSegment(IndexSegment segment) {
    if (segment instanceof MutableSegment consuming && consuming.numDocs() == 0) {
      trackConsumingSegment(consuming);
    } else {
      addOrReplace(segment, null);
    }
  }

  /// Replaces `oldSegment` (typically the consuming segment) by `newSegment` (its committed copy, same name): keys
  /// whose latest version was in the old segment move to the new one; the old segment's bitmaps are left as they are
  /// so that queries still running on it stay correct. Keys the new segment does not hold are dropped.
  @Override
  public void replaceSegment(IndexSegment newSegment, IndexSegment oldSegment) {
    if (!newSegment.segmentName().equals(oldSegment.segmentName())) {
      throw new IllegalArgumentException("Cannot replace segment[" + oldSegment.segmentName() + "] with segment["
          + newSegment.segmentName() + "] of another name");
    }
    addOrReplace(newSegment, oldSegment);
  }

  /// Forgets the keys whose latest version is in `segment` (which is about to be dropped).
  @Override
  public void removeSegment(IndexSegment segment) {
    ValidDocIds docIds = segment.validDocIds();
    if (docIds == null) {
      return;
    }
    removeKeys(segment, docIds.validSnapshot());
    if (previousRows != null) {
      previousRows.forget(segment);
    }
  }

  /// Attaches empty valid doc ids to a new consuming segment, so that queries never see its rows unfiltered.
  /// Optional: [#addRecord] attaches them on first use.
  public void trackConsumingSegment(MutableSegment segment) {
    if (segment.validDocIds() == null) {
      segment.attachValidDocIds(new ValidDocIds());
    }
  }

  /// PARTIAL mode: merges `row` with the latest queryable version of its key, per column strategy, unless the row is
  /// a delete or older than that version. FULL mode: returns `row` unchanged. Called before the row is indexed.
  ///
  /// @return `row`, merged in place
  /// @throws IllegalArgumentException when a primary-key or comparison value cannot be converted
  public GenericRow updateRecord(GenericRow row) {
    if (merger == null || previousRows == null) {
      return row;
    }
    RecordInfo info = rowReader.of(row);
    Location location = locations.get(info.key());
    if (location == null || info.deleted() || ComparisonValues.compare(info.comparison(), location.comparison()) < 0
        || !location.docIds().isQueryable(location.docId())) {
      return row;
    }
    merger.merge(previousRows.of(location.segment(), location.docId()), location.docId(), row);
    return row;
  }

  /// Records the row just indexed as document `docId` of the consuming `segment`.
  ///
  /// @return true when the row is its key's latest version; false when it is out of order (older than the latest:
  ///     it stays indexed but invisible to queries)
  public boolean addRecord(MutableSegment segment, int docId, GenericRow row) {
    ValidDocIds docIds = segment.validDocIds();
    if (docIds == null) {
      docIds = new ValidDocIds();
      segment.attachValidDocIds(docIds);
    }
    RecordInfo info = rowReader.of(row);
    trackLargest(info.comparison());
    boolean[] outOfOrder = new boolean[1];
    ValidDocIds target = docIds;
    locations.compute(info.key(), (key, current) -> {
      if (current == null) {
        target.add(docId, info.deleted());
      } else if (ComparisonValues.compare(info.comparison(), current.comparison()) >= 0) {
        move(current, segment, target, docId, info.deleted());
      } else {
        outOfOrder[0] = true;
        return current;
      }
      return new Location(segment, target, docId, info.comparison());
    });
    if (outOfOrder[0]) {
      numOutOfOrder.incrementAndGet();
    }
    return !outOfOrder[0];
  }

  /// With `metadataTTL`: forgets the keys whose comparison value is older than the largest seen minus the TTL (their
  /// documents stay as they are). Pinot runs this before each new consuming segment starts.
  @Override
  public void removeExpiredPrimaryKeys() {
    double ttl = context.config().metadataTTL();
    if (ttl <= 0 || largestSeenComparison == Double.NEGATIVE_INFINITY) {
      return;
    }
    double threshold = largestSeenComparison - ttl;
    locations.values().removeIf(location -> ((Number) location.comparison()).doubleValue() < threshold);
  }

  private void addOrReplace(IndexSegment segment, @Nullable IndexSegment oldSegment) {
    ValidDocIds docIds = new ValidDocIds();
    attach(segment, docIds);
    ValidDocIds oldDocIds = oldSegment == null ? null : oldSegment.validDocIds();
    MutableRoaringBitmap notReplaced = oldDocIds == null ? null : oldDocIds.validSnapshot().toMutableRoaringBitmap();
    RecordInfoReader.Segment reader = new RecordInfoReader(context).segment(segment);
    int numDocs = segment.numDocs();
    for (int docId = 0; docId < numDocs; docId++) {
      RecordInfo info = reader.info(docId);
      trackLargest(info.comparison());
      int newDocId = docId;
      locations.compute(info.key(), (key, current) -> {
        if (current == null) {
          docIds.add(newDocId, info.deleted());
          return new Location(segment, docIds, newDocId, info.comparison());
        }
        int result = ComparisonValues.compare(info.comparison(), current.comparison());
        if (current.segment() == segment || current.segment() == oldSegment) {
          if (result < 0) {
            return current;
          }
          if (current.segment() == segment) {
            docIds.replace(current.docId(), newDocId, info.deleted());
          } else {
            // The old segment's bitmaps stay untouched while queries may still read it.
            docIds.add(newDocId, info.deleted());
            requireNonNull(notReplaced).remove(current.docId());
          }
          return new Location(segment, docIds, newDocId, info.comparison());
        }
        if (result > 0 || result == 0 && newerOnTie(segment, current.segment())) {
          move(current, segment, docIds, newDocId, info.deleted());
          return new Location(segment, docIds, newDocId, info.comparison());
        }
        return current;
      });
    }
    if (oldSegment != null && notReplaced != null && !notReplaced.isEmpty()) {
      LOGGER.warn("Partition {} of table[{}]: {} keys of segment[{}] are not in its replacement: dropping them",
          partitionId, context.tableName(), notReplaced.getCardinality(), oldSegment.segmentName());
      removeKeys(oldSegment, notReplaced);
    }
    if (oldSegment != null && previousRows != null) {
      previousRows.forget(oldSegment);
    }
  }

  /// Moves a key's latest version from `current` to `docId` of `segment`: the new document becomes valid before the
  /// old one stops being valid, so that a concurrent query never misses the key.
  private static void move(Location current, IndexSegment segment, ValidDocIds docIds, int docId, boolean deleted) {
    if (current.segment() == segment) {
      docIds.replace(current.docId(), docId, deleted);
    } else {
      docIds.add(docId, deleted);
      current.docIds().remove(current.docId());
    }
  }

  private void removeKeys(IndexSegment segment, ImmutableRoaringBitmap docs) {
    IndexSegment readable = segment instanceof MutableSegment mutable ? mutable.snapshot() : segment;
    RecordInfoReader.Segment reader = new RecordInfoReader(context).segment(readable);
    IntIterator iterator = docs.getIntIterator();
    while (iterator.hasNext()) {
      int docId = iterator.next();
      if (docId < readable.numDocs()) {
        locations.computeIfPresent(reader.key(docId), (key, location) -> location.segment() == segment
            && location.docId() == docId ? null : location);
      }
    }
  }

  private void trackLargest(Comparable<?> comparison) {
    if (context.config().metadataTTL() > 0 && comparison instanceof Number number
        && number.doubleValue() > largestSeenComparison) {
      largestSeenComparison = number.doubleValue();
    }
  }

  /// Pinot's tie rule between segments: the higher LLC sequence number, else the later creation time.
  private static boolean newerOnTie(IndexSegment segment, IndexSegment current) {
    String name = segment.segmentName();
    String currentName = current.segmentName();
    if (LlcSegmentName.isLlcSegmentName(name) && LlcSegmentName.isLlcSegmentName(currentName)) {
      return LlcSegmentName.parse(name).sequenceNumber() > LlcSegmentName.parse(currentName).sequenceNumber();
    }
    return creationTime(segment) > creationTime(current);
  }

  private static long creationTime(IndexSegment segment) {
    return segment instanceof MutableSegment mutable ? mutable.config().creationTime()
        : segment.metadata().creationTime();
  }

  static void attach(IndexSegment segment, ValidDocIds docIds) {
    switch (segment) {
      case MutableSegment mutable -> mutable.attachValidDocIds(docIds);
      case ImmutableSegment immutable -> immutable.attachValidDocIds(docIds);
      default -> throw new IllegalArgumentException("Segment[" + segment.segmentName() + "] of type "
          + segment.getClass().getSimpleName() + " cannot hold valid doc ids");
    }
  }

  /// Readers of previous versions for partial upsert, per segment (a consuming segment is re-read through a new
  /// snapshot when the wanted document is past the cached one). Used by the consuming thread only.
  private static final class PreviousRows {
    private final List<String> columns;
    private final Map<IndexSegment, DocValues> readers = new IdentityHashMap<>();
    private @Nullable MutableSegment consuming;
    private @Nullable MutableSegmentSnapshot snapshot;
    private @Nullable DocValues snapshotValues;

    PreviousRows(List<String> columns) {
      this.columns = columns;
    }

    synchronized DocValues of(IndexSegment segment, int docId) {
      if (segment instanceof MutableSegment mutable) {
        if (snapshot == null || snapshotValues == null || consuming != mutable || docId >= snapshot.numDocs()) {
          consuming = mutable;
          snapshot = mutable.snapshot();
          snapshotValues = new DocValues(snapshot, columns);
        }
        return snapshotValues;
      }
      return readers.computeIfAbsent(segment, s -> new DocValues(s, columns));
    }

    synchronized void forget(IndexSegment segment) {
      readers.remove(segment);
      if (consuming == segment) {
        consuming = null;
        snapshot = null;
        snapshotValues = null;
      }
    }
  }
}
