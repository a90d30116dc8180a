// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.spi;

import io.pinot.segment.spi.startree.StarTreeV2;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/// A queryable segment: its metadata and one [DataSource] per column.
///
/// Thread-safety: all readers reachable from a segment are safe for concurrent use by many query
/// threads. [#close()] releases the mapped memory; callers must make sure no query uses the segment
/// any more (servers reference-count segments for that).
public interface IndexSegment extends AutoCloseable {
  String segmentName();

  SegmentMetadata metadata();

  /// Number of documents (rows).
  int numDocs();

  /// The physical columns of the segment.
  Set<String> columnNames();

  /// The data source of a column, or null when the segment has no such column.
  @Nullable DataSource dataSource(String column);

  /// The segment's star-tree indexes, in build order (none by default, e.g. for mutable segments).
  default List<StarTreeV2> starTrees() {
    return List.of();
  }

  /// Upsert and dedup tables: the live valid/queryable documents the partition's metadata manager keeps for this
  /// segment (`io.pinot.segment.upsert`), or null for segments of other tables (the default). Wrappers delegate it.
  default @Nullable ValidDocIds validDocIds() {
    return null;
  }

  /// The documents a query may see, as a copy taken at the call, or null when it may see every document (the
  /// default, and the case of tables without upsert). Query engines AND it into every filter unless the query sets
  /// `skipUpsert`; they call it once per query and segment. Doc ids may exceed [#numDocs()] on a consuming segment
  /// and must be bounded by it. Wrappers delegate it.
  default @Nullable ImmutableRoaringBitmap queryableDocIds() {
    ValidDocIds docIds = validDocIds();
    return docIds == null ? null : docIds.queryableSnapshot();
  }

  /// Releases the segment's memory. Idempotent.
  @Override
  void close();
}
