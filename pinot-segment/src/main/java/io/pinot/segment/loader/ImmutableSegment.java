// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.loader;

import io.pinot.segment.spi.DataSource;
import io.pinot.segment.spi.IndexSegment;
import io.pinot.segment.spi.SegmentMetadata;
import io.pinot.segment.spi.ValidDocIds;
import io.pinot.segment.spi.startree.StarTreeV2;
import java.lang.foreign.Arena;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/// A segment loaded by [SegmentLoader]: its metadata and one [DataSource] per column over memory mapped by a
/// shared [Arena]. Thread-safe; [#close()] unmaps the memory (idempotent), after which every reader access
/// throws [IllegalStateException] instead of touching freed memory.
public final class ImmutableSegment implements IndexSegment {
  private final SegmentMetadata metadata;
  private final Map<String, DataSource> dataSources;
  private final Arena arena;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final List<StarTreeV2> starTrees;
  private volatile @Nullable ValidDocIds validDocIds;

  ImmutableSegment(SegmentMetadata metadata, Map<String, DataSource> dataSources, Arena arena) {
    this(metadata, dataSources, arena, List.of());
  }

  ImmutableSegment(SegmentMetadata metadata, Map<String, DataSource> dataSources, Arena arena,
      List<StarTreeV2> starTrees) {
    this.metadata = metadata;
    this.dataSources = Collections.unmodifiableMap(new LinkedHashMap<>(dataSources));
    this.arena = arena;
    this.starTrees = List.copyOf(starTrees);
  }

  @Override
  public String segmentName() {
    return metadata.segmentName();
  }

  @Override
  public SegmentMetadata metadata() {
    return metadata;
  }

  @Override
  public int numDocs() {
    return metadata.totalDocs();
  }

  @Override
  public Set<String> columnNames() {
    return dataSources.keySet();
  }

  @Override
  public @Nullable DataSource dataSource(String column) {
    return dataSources.get(column);
  }

  @Override
  public List<StarTreeV2> starTrees() {
    return starTrees;
  }

  /// Attaches the valid/queryable documents of an upsert or dedup table (by the partition's metadata manager, when
  /// the segment is added to it).
  public void attachValidDocIds(ValidDocIds docIds) {
    this.validDocIds = docIds;
  }

  @Override
  public @Nullable ValidDocIds validDocIds() {
    return validDocIds;
  }

  /// Whether [#close()] was called.
  public boolean isClosed() {
    return closed.get();
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      arena.close();
    }
  }

  @Override
  public String toString() {
    return "ImmutableSegment[" + metadata.segmentName() + ", " + metadata.totalDocs() + " docs]";
  }
}
