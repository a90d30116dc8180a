// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.spi;

import static java.util.Objects.requireNonNull;

import io.pinot.segment.spi.startree.StarTreeV2;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/// A view of a segment for one query that answers everything from the wrapped segment; subclasses override what
/// they change. Closing the view does nothing: the wrapped segment belongs to its owner. Thread-safe when the
/// wrapped segment is.
public abstract class ForwardingIndexSegment implements IndexSegment {
  private final IndexSegment segment;

  protected ForwardingIndexSegment(IndexSegment segment) {
    this.segment = requireNonNull(segment, "segment is null");
  }

  /// The wrapped segment.
  protected final IndexSegment delegate() {
    return segment;
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
    return segment.numDocs();
  }

  @Override
  public Set<String> columnNames() {
    return segment.columnNames();
  }

  @Override
  public @Nullable DataSource dataSource(String column) {
    return segment.dataSource(column);
  }

  @Override
  public List<StarTreeV2> starTrees() {
    return segment.starTrees();
  }

  @Override
  public @Nullable ValidDocIds validDocIds() {
    return segment.validDocIds();
  }

  @Override
  public @Nullable ImmutableRoaringBitmap queryableDocIds() {
    return segment.queryableDocIds();
  }

  @Override
  public void close() {
    // The wrapped segment is released by its owner.
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + segment + "]";
  }
}
