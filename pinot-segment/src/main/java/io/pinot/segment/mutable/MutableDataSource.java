// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.mutable;

import io.pinot.segment.spi.ColumnMetadata;
import io.pinot.segment.spi.DataSource;
import io.pinot.segment.spi.Dictionary;
import io.pinot.segment.spi.ForwardIndexReader;
import io.pinot.segment.spi.InvertedIndexReader;
import io.pinot.segment.spi.NullValueVectorReader;
import io.pinot.segment.spi.SortedIndexReader;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/// One column of a [MutableSegmentSnapshot]: metadata of the snapshot's documents, the shared forward index, and
/// dictionary, inverted index and null value vector views bounded to the snapshot. Mutable segments have no
/// sorted index (Pinot sorts a consuming segment only when it commits it). Immutable and thread-safe.
record MutableDataSource(ColumnMetadata metadata, ForwardIndexReader forwardIndex, @Nullable Dictionary dictionary,
    @Nullable InvertedIndexReader invertedIndex, @Nullable NullValueVectorReader nullValueVector)
    implements DataSource {
  MutableDataSource {
    Objects.requireNonNull(metadata, "metadata is null");
    Objects.requireNonNull(forwardIndex, "forwardIndex is null");
  }

  @Override
  public @Nullable SortedIndexReader sortedIndex() {
    return null;
  }
}
