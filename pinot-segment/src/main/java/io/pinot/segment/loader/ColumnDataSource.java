// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.loader;

import io.pinot.segment.spi.BloomFilterReader;
import io.pinot.segment.spi.ColumnMetadata;
import io.pinot.segment.spi.DataSource;
import io.pinot.segment.spi.Dictionary;
import io.pinot.segment.spi.ForwardIndexReader;
import io.pinot.segment.spi.FstIndexReader;
import io.pinot.segment.spi.InvertedIndexReader;
import io.pinot.segment.spi.JsonIndexReader;
import io.pinot.segment.spi.NullValueVectorReader;
import io.pinot.segment.spi.RangeIndexReader;
import io.pinot.segment.spi.SortedIndexReader;
import io.pinot.segment.spi.TextIndexReader;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/// The readers of one column of a loaded segment. Immutable and thread-safe (as its readers are).
public record ColumnDataSource(ColumnMetadata metadata, ForwardIndexReader forwardIndex,
    @Nullable Dictionary dictionary, @Nullable InvertedIndexReader invertedIndex,
    @Nullable SortedIndexReader sortedIndex, @Nullable RangeIndexReader rangeIndex,
    @Nullable BloomFilterReader bloomFilter, @Nullable NullValueVectorReader nullValueVector,
    @Nullable JsonIndexReader jsonIndex, @Nullable TextIndexReader textIndex, @Nullable FstIndexReader fstIndex)
    implements DataSource {
  public ColumnDataSource {
    Objects.requireNonNull(metadata, "metadata is null");
    Objects.requireNonNull(forwardIndex, "forwardIndex is null");
  }

  /// A data source without range index, bloom filter and null value vector.
  public ColumnDataSource(ColumnMetadata metadata, ForwardIndexReader forwardIndex, @Nullable Dictionary dictionary,
      @Nullable InvertedIndexReader invertedIndex, @Nullable SortedIndexReader sortedIndex) {
    this(metadata, forwardIndex, dictionary, invertedIndex, sortedIndex, null, null, null, null, null, null);
  }
}
