// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.mutable;

import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.Schema;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/// Everything a [MutableSegment] needs. Immutable; build it with [#builder()].
///
/// @param tableConfig the table: `tableIndexConfig` (`noDictionaryColumns`, `invertedIndexColumns`, `sortedColumn`
///     for the commit order, `nullHandlingEnabled`), `fieldConfigList` (`encodingType`, `indexes`), and
///     `segmentsConfig.timeColumnName` for the time range
/// @param schema the columns and their types
/// @param segmentName the segment's name (for a consuming segment, an [LlcSegmentName])
/// @param capacity the most documents the segment accepts ([MutableSegment#index] returns false past it); the
///     real-time flush threshold in rows. It also sizes the storage chunks: `2^ceil(log2(capacity))` entries,
///     between 2^10 and 2^16. Default [#DEFAULT_CAPACITY].
/// @param maxMemoryBytes a memory budget: once the segment's estimated heap use reaches it (checked every
///     [MutableColumn#STATS_INTERVAL] documents), [MutableSegment#index] returns false; 0 means no budget
/// @param creationTime epoch millis recorded as the segment's creation time
public record MutableSegmentConfig(TableConfig tableConfig, Schema schema, String segmentName, int capacity,
    long maxMemoryBytes, long creationTime) {
  /// Pinot's default real-time flush threshold (`realtime.segment.flush.threshold.rows`).
  public static final int DEFAULT_CAPACITY = 5_000_000;
  private static final int MIN_SHIFT = 10;
  private static final int MAX_SHIFT = 16;

  public MutableSegmentConfig {
    Objects.requireNonNull(tableConfig, "tableConfig is null");
    Objects.requireNonNull(schema, "schema is null");
    Objects.requireNonNull(segmentName, "segmentName is null");
    if (capacity < 1 || capacity == Integer.MAX_VALUE) {
      throw new IllegalArgumentException("capacity must be in [1, 2^31 - 2], got " + capacity);
    }
    if (maxMemoryBytes < 0) {
      throw new IllegalArgumentException("maxMemoryBytes must not be negative, got " + maxMemoryBytes);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /// log2 of the number of entries per storage chunk.
  int chunkShift() {
    int shift = 32 - Integer.numberOfLeadingZeros(capacity - 1);
    return Math.max(MIN_SHIFT, Math.min(MAX_SHIFT, shift));
  }

  /// Builder of [MutableSegmentConfig]; table config, schema and segment name are required. Not thread-safe.
  public static final class Builder {
    private @Nullable TableConfig tableConfig;
    private @Nullable Schema schema;
    private @Nullable String segmentName;
    private int capacity = DEFAULT_CAPACITY;
    private long maxMemoryBytes;
    private @Nullable Long creationTime;

    private Builder() {
    }

    public Builder tableConfig(TableConfig value) {
      this.tableConfig = value;
      return this;
    }

    public Builder schema(Schema value) {
      this.schema = value;
      return this;
    }

    public Builder segmentName(String value) {
      this.segmentName = value;
      return this;
    }

    public Builder capacity(int value) {
      this.capacity = value;
      return this;
    }

    public Builder maxMemoryBytes(long value) {
      this.maxMemoryBytes = value;
      return this;
    }

    public Builder creationTime(long value) {
      this.creationTime = value;
      return this;
    }

    public MutableSegmentConfig build() {
      return new MutableSegmentConfig(Objects.requireNonNull(tableConfig, "tableConfig is required"),
          Objects.requireNonNull(schema, "schema is required"),
          Objects.requireNonNull(segmentName, "segmentName is required"), capacity, maxMemoryBytes,
          creationTime != null ? creationTime : System.currentTimeMillis());
    }
  }
}
