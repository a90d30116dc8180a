// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.format;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/// The `index_map` file: where each index buffer of each column lives in `columns.psf`, as Pinot's v3 layout
/// writes it (`<column>.<indexType>.startOffset = <n>` and `<column>.<indexType>.size = <n>`, in file order).
/// Immutable and thread-safe.
///
/// @param entries the index buffers in file order
public record IndexMap(List<Entry> entries) {
  private static final String START_SUFFIX = ".startOffset";
  private static final String SIZE_SUFFIX = ".size";

  /// One index buffer: its column, kind, absolute start offset in `columns.psf` and size in bytes.
  public record Entry(String column, IndexType type, long startOffset, long size) {
    public Entry {
      Objects.requireNonNull(column, "column is null");
      Objects.requireNonNull(type, "type is null");
      if (startOffset < 0 || size < 0) {
        throw new IllegalArgumentException("Negative offset or size for " + column + "." + type.indexName());
      }
    }
  }

  public IndexMap {
    entries = List.copyOf(entries);
  }

  /// The entry of one index of one column, or null when absent.
  public @Nullable Entry find(String column, IndexType type) {
    for (Entry entry : entries) {
      if (entry.column().equals(column) && entry.type() == type) {
        return entry;
      }
    }
    return null;
  }

  /// The file text.
  public String write() {
    StringBuilder out = new StringBuilder();
    List<Entry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparingLong(Entry::startOffset));
    for (Entry entry : sorted) {
      String prefix = entry.column() + "." + entry.type().indexName();
      PropertiesFile.appendLine(out, prefix + START_SUFFIX, Long.toString(entry.startOffset()));
      PropertiesFile.appendLine(out, prefix + SIZE_SUFFIX, Long.toString(entry.size()));
    }
    return out.toString();
  }

  /// Parses the file text, validating that every entry fits in a data file of `dataFileSize` bytes.
  public static IndexMap read(String text, long dataFileSize) {
    Map<String, long[]> byPrefix = new LinkedHashMap<>();
    for (Map.Entry<String, String> property : PropertiesFile.read(text).entrySet()) {
      String key = property.getKey();
      boolean start = key.endsWith(START_SUFFIX);
      if (!start && !key.endsWith(SIZE_SUFFIX)) {
        throw new IllegalStateException("Unexpected index_map key " + key);
      }
      String prefix = key.substring(0, key.length() - (start ? START_SUFFIX : SIZE_SUFFIX).length());
      long[] values = byPrefix.computeIfAbsent(prefix, p -> new long[] {-1, -1});
      values[start ? 0 : 1] = Long.parseLong(property.getValue().trim());
    }
    List<Entry> entries = new ArrayList<>();
    for (Map.Entry<String, long[]> item : byPrefix.entrySet()) {
      String prefix = item.getKey();
      int dot = prefix.lastIndexOf('.');
      if (dot <= 0 || item.getValue()[0] < 0 || item.getValue()[1] < 0) {
        throw new IllegalStateException("Incomplete index_map entry " + prefix);
      }
      Entry entry = new Entry(prefix.substring(0, dot), IndexType.fromIndexName(prefix.substring(dot + 1)),
          item.getValue()[0], item.getValue()[1]);
      if (entry.startOffset() + entry.size() > dataFileSize) {
        throw new IllegalStateException("Index " + prefix + " runs past the end of " + SegmentFormat.DATA_FILE);
      }
      entries.add(entry);
    }
    return new IndexMap(entries);
  }
}
