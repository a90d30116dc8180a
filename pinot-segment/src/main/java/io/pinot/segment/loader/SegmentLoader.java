// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.loader;

import io.pinot.segment.format.CreationMeta;
import io.pinot.segment.format.IndexMap;
import io.pinot.segment.format.IndexType;
import io.pinot.segment.format.MetadataProperties;
import io.pinot.segment.format.SegmentFiles;
import io.pinot.segment.format.SegmentFormat;
import io.pinot.segment.index.dictionary.Dictionaries;
import io.pinot.segment.index.forward.ForwardIndexes;
import io.pinot.segment.index.fst.LuceneFstIndexReader;
import io.pinot.segment.index.bloom.BloomFilterReaderImpl;
import io.pinot.segment.index.inverted.BitmapInvertedIndexReader;
import io.pinot.segment.index.json.MappedJsonIndexReader;
import io.pinot.segment.index.nullvalue.NullValueVectorReaderImpl;
import io.pinot.segment.index.range.BitSlicedRangeIndexReader;
import io.pinot.segment.index.sorted.PackedSortedIndexReader;
import io.pinot.segment.index.text.LuceneTextIndexReader;
import io.pinot.segment.index.startree.StarTreeLoader;
import io.pinot.segment.memory.DataBuffer;
import io.pinot.segment.spi.ColumnMetadata;
import io.pinot.segment.spi.DataSource;
import io.pinot.segment.spi.Dictionary;
import io.pinot.segment.spi.ForwardIndexReader;
import io.pinot.segment.spi.SegmentMetadata;
import io.pinot.spi.config.table.BloomFilterConfig;
import io.pinot.spi.config.table.FieldConfig;
import io.pinot.spi.config.table.TableConfig;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/// Opens segment directories written by [io.pinot.segment.creator.SegmentCreator]: checks the format version and
/// the `columns.psf` header, memory-maps `columns.psf` read-only into a shared [Arena] (so files over 2 GB work)
/// and builds the readers of every column from `index_map`. Stateless utilities; the returned segment owns the
/// arena.
public final class SegmentLoader {
  private SegmentLoader() {
  }

  /// Maps a segment. `segmentDir` is the directory named after the segment (holding `v3/`), or the `v3`
  /// directory itself.
  ///
  /// @throws IOException when files are missing or unreadable
  /// @throws IllegalStateException when the files are not a valid segment of a supported format version
  public static ImmutableSegment load(Path segmentDir) throws IOException {
    return load(segmentDir, Set.of());
  }

  /// Maps a segment, copying the bloom filters of `bloomFiltersOnHeap` to the heap (the columns whose
  /// `BloomFilterConfig.loadOnHeap` is set; see [#bloomFiltersOnHeap]).
  public static ImmutableSegment load(Path segmentDir, Set<String> bloomFiltersOnHeap) throws IOException {
    Path filesDir = SegmentFiles.filesDir(segmentDir);
    SegmentMetadata metadata = readMetadata(segmentDir);
    Arena arena = Arena.ofShared();
    try {
      DataBuffer data = DataBuffer.mapReadOnly(filesDir.resolve(SegmentFormat.DATA_FILE), arena);
      checkHeader(data);
      IndexMap indexMap = IndexMap.read(Files.readString(filesDir.resolve(SegmentFormat.INDEX_MAP_FILE),
          StandardCharsets.UTF_8), data.size());
      Map<String, DataSource> dataSources = new LinkedHashMap<>();
      for (ColumnMetadata column : metadata.columns().values()) {
        dataSources.put(column.name(), open(column, data, indexMap, bloomFiltersOnHeap.contains(column.name())));
      }
      return new ImmutableSegment(metadata, dataSources, arena, StarTreeLoader.load(filesDir, dataSources, arena));
    } catch (IOException | RuntimeException e) {
      arena.close();
      throw e;
    }
  }

  /// Reads `metadata.properties` and `creation.meta` without mapping the data.
  public static SegmentMetadata readMetadata(Path segmentDir) throws IOException {
    Path filesDir = SegmentFiles.filesDir(segmentDir);
    String properties = Files.readString(filesDir.resolve(SegmentFormat.METADATA_FILE), StandardCharsets.UTF_8);
    CreationMeta creationMeta = CreationMeta.fromBytes(Files.readAllBytes(
        filesDir.resolve(SegmentFormat.CREATION_META_FILE)));
    return readMetadata(properties, creationMeta);
  }

  /// Parses metadata from the contents of `metadata.properties` and `creation.meta`.
  ///
  /// @throws IllegalStateException when the format version is not supported
  public static SegmentMetadata readMetadata(String properties, CreationMeta creationMeta) {
    SegmentMetadata metadata = MetadataProperties.read(properties, creationMeta.crc());
    if (!SegmentFormat.READABLE_VERSIONS.contains(metadata.formatVersion())) {
      throw new IllegalStateException("Segment[" + metadata.segmentName() + "] has format version "
          + metadata.formatVersion() + "; this build reads " + SegmentFormat.READABLE_VERSIONS);
    }
    return metadata;
  }

  private static void checkHeader(DataBuffer data) {
    if (data.size() < SegmentFormat.FILE_HEADER_SIZE
        || !Arrays.equals(data.getBytes(0, SegmentFormat.FILE_MAGIC.length), SegmentFormat.FILE_MAGIC)) {
      throw new IllegalStateException(SegmentFormat.DATA_FILE + " does not start with the segment file magic");
    }
    int version = data.getInt(SegmentFormat.FILE_MAGIC.length);
    if (version != SegmentFormat.FILE_VERSION) {
      throw new IllegalStateException(SegmentFormat.DATA_FILE + " has unsupported version " + version);
    }
  }

  /// The columns whose bloom filter a table config asks to load on the heap.
  public static Set<String> bloomFiltersOnHeap(TableConfig tableConfig) {
    Set<String> columns = new HashSet<>();
    tableConfig.tableIndexConfig().bloomFilterConfigMap().forEach((column, config) -> {
      if (config.effectiveLoadOnHeap()) {
        columns.add(column);
      }
    });
    for (FieldConfig field : tableConfig.fieldConfigs()) {
      Map<String, Object> bloom = field.indexConfig("bloom");
      if (bloom != null && BloomFilterConfig.fromMap(bloom).effectiveLoadOnHeap()) {
        columns.add(field.name());
      }
    }
    return columns;
  }

  private static DataSource open(ColumnMetadata column, DataBuffer data, IndexMap indexMap, boolean bloomOnHeap) {
    String name = column.name();
    DataBuffer forwardBuffer = view(data, indexMap, name, IndexType.FORWARD_INDEX);
    if (forwardBuffer == null) {
      throw new IllegalStateException("Column[" + name + "] has no forward index");
    }
    DataBuffer sortedBuffer = view(data, indexMap, name, IndexType.SORTED_INDEX);
    PackedSortedIndexReader sorted = sortedBuffer == null ? null : new PackedSortedIndexReader(sortedBuffer);
    ForwardIndexReader forward = ForwardIndexes.open(forwardBuffer, column.dataType().storedType(), sorted);
    if (ForwardIndexes.numDocs(forward) != column.totalDocs()) {
      throw new IllegalStateException("Column[" + name + "] forward index has " + ForwardIndexes.numDocs(forward)
          + " docs, metadata says " + column.totalDocs());
    }
    DataBuffer dictionaryBuffer = view(data, indexMap, name, IndexType.DICTIONARY);
    Dictionary dictionary = dictionaryBuffer == null ? null : Dictionaries.open(dictionaryBuffer);
    if (column.hasDictionary() != (dictionary != null) || forward.dictionaryEncoded() != (dictionary != null)) {
      throw new IllegalStateException("Column[" + name + "] dictionary does not match its metadata");
    }
    DataBuffer invertedBuffer = view(data, indexMap, name, IndexType.INVERTED_INDEX);
    DataBuffer rangeBuffer = view(data, indexMap, name, IndexType.RANGE_INDEX);
    DataBuffer bloomBuffer = view(data, indexMap, name, IndexType.BLOOM_FILTER);
    DataBuffer nullBuffer = view(data, indexMap, name, IndexType.NULL_VALUE_VECTOR);
    DataBuffer jsonBuffer = view(data, indexMap, name, IndexType.JSON_INDEX);
    DataBuffer textBuffer = view(data, indexMap, name, IndexType.TEXT_INDEX);
    DataBuffer fstBuffer = view(data, indexMap, name, IndexType.FST_INDEX);
    return new ColumnDataSource(column, forward, dictionary,
        invertedBuffer == null ? null : new BitmapInvertedIndexReader(invertedBuffer), sorted,
        rangeBuffer == null ? null : new BitSlicedRangeIndexReader(rangeBuffer),
        bloomBuffer == null ? null : new BloomFilterReaderImpl(bloomBuffer, bloomOnHeap),
        nullBuffer == null ? null : new NullValueVectorReaderImpl(nullBuffer),
        jsonBuffer == null ? null : new MappedJsonIndexReader(jsonBuffer),
        textBuffer == null ? null : new LuceneTextIndexReader(textBuffer, name),
        fstBuffer == null ? null : new LuceneFstIndexReader(fstBuffer, name));
  }

  private static @Nullable DataBuffer view(DataBuffer data, IndexMap indexMap, String column, IndexType type) {
    IndexMap.Entry entry = indexMap.find(column, type);
    return entry == null ? null : data.view(entry.startOffset(), entry.size());
  }
}
