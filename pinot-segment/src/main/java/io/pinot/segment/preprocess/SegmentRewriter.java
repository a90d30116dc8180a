// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.preprocess;

import io.pinot.segment.creator.ColumnIndexRebuilder;
import io.pinot.segment.format.IndexMap;
import io.pinot.segment.format.IndexType;
import io.pinot.segment.format.MetadataProperties;
import io.pinot.segment.format.PropertiesFile;
import io.pinot.segment.format.SegmentFileWriter;
import io.pinot.segment.format.SegmentFormat;
import io.pinot.segment.index.fst.FstIndexes;
import io.pinot.segment.index.json.JsonIndexes;
import io.pinot.segment.index.text.TextIndexes;
import io.pinot.segment.index.timestamp.TimestampIndexes;
import io.pinot.segment.loader.ImmutableSegment;
import io.pinot.segment.memory.DataBuffer;
import io.pinot.segment.spi.ColumnMetadata;
import io.pinot.segment.spi.DataSource;
import io.pinot.segment.spi.SegmentMetadata;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/// Writes the preprocessed copy of a segment into a new directory: `columns.psf` with every kept index buffer copied
/// byte for byte and the new buffers appended after each column's, the new columns last; `index_map`;
/// `metadata.properties` regenerated with the new column metadata (keys it does not manage kept line for line);
/// the other files of the segment hard-linked (copied when links are not supported); and `creation.meta` copied
/// last, through an atomic rename, which marks the directory complete. Stateless utilities.
final class SegmentRewriter {
  private static final int COPY_CHUNK = 1 << 20;
  private static final Set<String> MANAGED_FILES = Set.of(SegmentFormat.DATA_FILE, SegmentFormat.INDEX_MAP_FILE,
      SegmentFormat.METADATA_FILE, SegmentFormat.CREATION_META_FILE);

  private SegmentRewriter() {
  }

  static void rewrite(ImmutableSegment segment, IndexMap indexMap, Path filesDir, Path newDir,
      List<SegmentPreprocessor.ColumnChange> changes) throws IOException {
    Map<String, SegmentPreprocessor.ColumnChange> byColumn = new LinkedHashMap<>();
    for (SegmentPreprocessor.ColumnChange change : changes) {
      byColumn.put(change.column(), change);
    }
    SegmentMetadata metadata = segment.metadata();
    Map<String, ColumnMetadata> columns = new LinkedHashMap<>();
    Map<String, MetadataProperties.ColumnExtras> extras = new LinkedHashMap<>();
    Map<String, String> oldProperties = PropertiesFile.read(Files.readString(
        filesDir.resolve(SegmentFormat.METADATA_FILE), StandardCharsets.UTF_8));
    try (Arena arena = Arena.ofConfined();
        SegmentFileWriter out = new SegmentFileWriter(newDir.resolve(SegmentFormat.DATA_FILE))) {
      DataBuffer data = DataBuffer.mapReadOnly(filesDir.resolve(SegmentFormat.DATA_FILE), arena);
      for (ColumnMetadata column : metadata.columns().values()) {
        SegmentPreprocessor.ColumnChange change = byColumn.get(column.name());
        if (change != null && change.drop()) {
          continue;
        }
        Set<IndexType> removed = change == null ? Set.of() : change.remove();
        for (IndexMap.Entry entry : indexMap.entries()) {
          if (entry.column().equals(column.name()) && !removed.contains(entry.type())) {
            copy(out, data, entry);
          }
        }
        ColumnMetadata updated = column;
        if (change != null) {
          addIndexes(out, segment, change);
          boolean inverted = indexMap.find(column.name(), IndexType.INVERTED_INDEX) != null
              && !change.remove().contains(IndexType.INVERTED_INDEX) || change.add().contains(IndexType.INVERTED_INDEX);
          updated = column.withInvertedIndex(inverted);
        }
        columns.put(column.name(), updated);
        extras.put(column.name(), oldExtras(oldProperties, column));
      }
      for (SegmentPreprocessor.ColumnChange change : changes) {
        if (change.newColumn() != null) {
          ColumnIndexRebuilder.DefaultColumn written = writeNewColumn(out, segment, change);
          columns.put(change.column(), written.metadata());
          extras.put(change.column(), new MetadataProperties.ColumnExtras(
              Integer.parseInt(written.lengthOfEachEntry()), written.defaultNullValue()));
        }
      }
      Files.write(newDir.resolve(SegmentFormat.INDEX_MAP_FILE),
          new IndexMap(out.entries()).write().getBytes(StandardCharsets.UTF_8));
    }
    SegmentMetadata rewritten = new SegmentMetadata(metadata.segmentName(), metadata.tableName(),
        metadata.totalDocs(), metadata.timeColumn(), metadata.startTime(), metadata.endTime(), metadata.timeUnit(),
        SegmentFormat.FORMAT_VERSION, metadata.creationTime(), metadata.crc(), columns, metadata.customMap());
    Files.writeString(newDir.resolve(SegmentFormat.METADATA_FILE), metadataText(rewritten, extras,
        Files.readString(filesDir.resolve(SegmentFormat.METADATA_FILE), StandardCharsets.UTF_8), dropped(changes)),
        StandardCharsets.UTF_8);
    linkOtherFiles(filesDir, newDir);
    Path creationMeta = newDir.resolve(SegmentFormat.CREATION_META_FILE + ".tmp");
    Files.copy(filesDir.resolve(SegmentFormat.CREATION_META_FILE), creationMeta);
    Files.move(creationMeta, newDir.resolve(SegmentFormat.CREATION_META_FILE), StandardCopyOption.ATOMIC_MOVE);
  }

  /// Writes a column the segment lacks: derived from its source (timestamp index columns) or default-valued.
  private static ColumnIndexRebuilder.DefaultColumn writeNewColumn(SegmentFileWriter out, ImmutableSegment segment,
      SegmentPreprocessor.ColumnChange change) throws IOException {
    TimestampIndexes.DerivedColumn derived = change.derived();
    if (derived != null) {
      return TimestampIndexes.writeDerivedColumn(out, change.newColumn(), derived,
          segment.dataSource(derived.source()), segment.numDocs());
    }
    return ColumnIndexRebuilder.writeDefaultColumn(out, change.newColumn(), segment.numDocs());
  }

  private static Set<String> dropped(List<SegmentPreprocessor.ColumnChange> changes) {
    Set<String> dropped = new HashSet<>();
    for (SegmentPreprocessor.ColumnChange change : changes) {
      if (change.drop()) {
        dropped.add(change.column());
      }
    }
    return dropped;
  }

  private static void addIndexes(SegmentFileWriter out, ImmutableSegment segment,
      SegmentPreprocessor.ColumnChange change) throws IOException {
    String name = change.column();
    DataSource source = segment.dataSource(name);
    int numDocs = segment.numDocs();
    if (change.add().contains(IndexType.INVERTED_INDEX)) {
      ColumnIndexRebuilder.writeInvertedIndex(out, name, source, numDocs);
    }
    if (change.add().contains(IndexType.RANGE_INDEX)) {
      ColumnIndexRebuilder.writeRangeIndex(out, name, source, numDocs);
    }
    if (change.add().contains(IndexType.BLOOM_FILTER)) {
      ColumnIndexRebuilder.writeBloomFilter(out, name, source, numDocs, change.plan().bloomFilter());
    }
    if (change.add().contains(IndexType.JSON_INDEX)) {
      JsonIndexes.rebuild(out, name, source, numDocs, change.plan().jsonIndex());
    }
    if (change.add().contains(IndexType.FST_INDEX)) {
      FstIndexes.rebuild(out, name, source);
    }
    if (change.add().contains(IndexType.TEXT_INDEX)) {
      TextIndexes.rebuild(out, name, source, numDocs, change.plan().textIndex());
    }
  }

  private static void copy(SegmentFileWriter out, DataBuffer data, IndexMap.Entry entry) throws IOException {
    out.beginIndex(entry.column(), entry.type());
    byte[] chunk = new byte[(int) Math.min(COPY_CHUNK, Math.max(1, entry.size()))];
    for (long done = 0; done < entry.size(); ) {
      int n = (int) Math.min(chunk.length, entry.size() - done);
      data.copyTo(entry.startOffset() + done, chunk, 0, n);
      out.writeBytes(chunk, 0, n);
      done += n;
    }
    out.endIndex();
  }

  private static MetadataProperties.ColumnExtras oldExtras(Map<String, String> properties, ColumnMetadata column) {
    String prefix = "column." + column.name() + ".";
    String length = properties.get(prefix + "lengthOfEachEntry");
    String defaultValue = properties.get(prefix + "defaultNullValue");
    return new MetadataProperties.ColumnExtras(length == null ? 0 : Integer.parseInt(length.trim()),
        defaultValue == null ? "" : defaultValue);
  }

  /// The regenerated metadata text, followed by the old lines whose keys it does not produce (except those of
  /// `dropped` columns).
  private static String metadataText(SegmentMetadata metadata, Map<String, MetadataProperties.ColumnExtras> extras,
      String oldText, Set<String> dropped) {
    String text = MetadataProperties.write(metadata, extras);
    Set<String> keys = PropertiesFile.read(text).keySet();
    StringBuilder out = new StringBuilder(text);
    for (String line : oldText.split("\n", -1)) {
      Map<String, String> parsed = PropertiesFile.read(line);
      if (!parsed.isEmpty() && !keys.contains(parsed.keySet().iterator().next())
          && !ofDroppedColumn(parsed.keySet().iterator().next(), dropped)) {
        out.append(line).append('\n');
      }
    }
    return out.toString();
  }

  private static boolean ofDroppedColumn(String key, Set<String> dropped) {
    for (String column : dropped) {
      if (key.startsWith("column." + column + ".")) {
        return true;
      }
    }
    return false;
  }

  private static void linkOtherFiles(Path filesDir, Path newDir) throws IOException {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(filesDir)) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        if (MANAGED_FILES.contains(name) || !Files.isRegularFile(file)) {
          continue;
        }
        Path target = newDir.resolve(name);
        try {
          Files.createLink(target, file);
        } catch (IOException | UnsupportedOperationException e) {
          Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }
}
