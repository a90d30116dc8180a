// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/// Segment-level metadata from `metadata.properties` (Pinot's key names: `segment.name`,
/// `segment.table.name`, `segment.total.docs`, `segment.time.column.name`, `segment.start.time`,
/// `segment.end.time`, `segment.time.unit`, `segment.index.version`, `segment.creation.time`, `segment.crc`
/// (the CRC lives in `creation.meta`), plus one `column.<name>.<stat>` group per column).
///
/// @param startTime smallest value of the time column in [#timeUnit()] units, or -1 without a time column
/// @param endTime largest value of the time column, or -1
/// @param crc checksum of the segment's index files, used to decide whether a local copy is current
/// @param columns metadata per column, in schema order
/// @param customMap `custom.*` entries
public record SegmentMetadata(
    String segmentName,
    String tableName,
    int totalDocs,
    @Nullable String timeColumn,
    long startTime,
    long endTime,
    @Nullable TimeUnit timeUnit,
    String formatVersion,
    long creationTime,
    long crc,
    Map<String, ColumnMetadata> columns,
    Map<String, String> customMap) {

  public SegmentMetadata {
    columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    customMap = Map.copyOf(customMap);
  }
}
