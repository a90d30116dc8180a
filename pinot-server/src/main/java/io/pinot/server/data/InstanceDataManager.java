// SPDX-License-Identifier: Apache-2.0
package io.pinot.server.data;

import io.pinot.common.metadata.SegmentZkMetadata;
import io.pinot.segment.loader.SegmentLoader;
import io.pinot.segment.preprocess.SegmentPreprocessor;
import io.pinot.segment.spi.IndexSegment;
import io.pinot.segment.spi.SegmentMetadata;
import io.pinot.segment.tar.TarGzUtils;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// All segments on this server, per table half, and their local copies under
/// `<dataDir>/<tableNameWithType>/<segmentName>/`. Loading prefers the local copy when its CRC matches the
/// segment's ZooKeeper metadata (a restarted server needs no download); otherwise it downloads the tarball,
/// extracts it beside the final place and swaps it in. Thread-safe; calls for one segment are serialised by
/// Helix.
public final class InstanceDataManager implements AutoCloseable {
  private static final Logger LOGGER = LoggerFactory.getLogger(InstanceDataManager.class);

  private final Path dataDir;
  private final Path tarDir;
  private final SegmentFetcher fetcher;
  private final Map<String, TableDataManager> tables = new ConcurrentHashMap<>();
  private final Object[] locks = new Object[64];

  public InstanceDataManager(Path dataDir, Path tarDir, SegmentFetcher fetcher) throws IOException {
    this.dataDir = dataDir;
    this.tarDir = tarDir;
    this.fetcher = fetcher;
    for (int i = 0; i < locks.length; i++) {
      locks[i] = new Object();
    }
    Files.createDirectories(dataDir);
    Files.createDirectories(tarDir);
  }

  public @Nullable TableDataManager table(String tableNameWithType) {
    return tables.get(tableNameWithType);
  }

  public List<String> tableNames() {
    return new ArrayList<>(tables.keySet());
  }

  /// Loads (or refreshes) a segment: from the local copy when its CRC matches `metadata`, else downloaded.
  public void loadSegment(String tableNameWithType, String segmentName, SegmentZkMetadata metadata,
      @Nullable TableConfig tableConfig, @Nullable Schema schema) throws IOException {
    synchronized (lock(segmentName)) {
      Path segmentDir = segmentDir(tableNameWithType, segmentName);
      if (!isCurrent(segmentDir, metadata)) {
        download(tableNameWithType, segmentName, metadata, segmentDir);
      } else {
        LOGGER.info("Loading segment {} of {} from local copy", segmentName, tableNameWithType);
      }
      if (tableConfig != null && schema != null) {
        SegmentPreprocessor.preprocess(segmentDir, tableConfig, schema);
      }
      IndexSegment segment = SegmentLoader.load(segmentDir);
      TableDataManager table = tables.computeIfAbsent(tableNameWithType, TableDataManager::new);
      table.configure(tableConfig, schema);
      table.addOrReplace(segment);
    }
  }

  /// Serves a consuming (mutable) segment under its name, replacing any copy of that name.
  ///
  /// @return the table's primary-key tracker when it is an upsert or dedup table, else null
  public @Nullable PrimaryKeyTracker addConsumingSegment(String tableNameWithType, IndexSegment segment,
      TableConfig tableConfig, Schema schema) {
    synchronized (lock(segment.segmentName())) {
      TableDataManager table = tables.computeIfAbsent(tableNameWithType, TableDataManager::new);
      table.configure(tableConfig, schema);
      table.addOrReplace(segment);
      return table.keys();
    }
  }

  /// Moves a segment built on this server (a committed consuming segment) into its local place, loads it and
  /// swaps it in for the copy of the same name; the build directory's parent (a staging directory) is removed.
  public void installBuiltSegment(String tableNameWithType, Path builtDir) throws IOException {
    String segmentName = builtDir.getFileName().toString();
    synchronized (lock(segmentName)) {
      Path segmentDir = segmentDir(tableNameWithType, segmentName);
      Files.createDirectories(segmentDir.getParent());
      Path old = segmentDir.resolveSibling(".old-" + segmentName + "-" + System.nanoTime());
      if (Files.exists(segmentDir)) {
        Files.move(segmentDir, old, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(builtDir, segmentDir, StandardCopyOption.ATOMIC_MOVE);
      deleteDirectory(old);
      deleteDirectory(builtDir.getParent());
      IndexSegment segment = SegmentLoader.load(segmentDir);
      tables.computeIfAbsent(tableNameWithType, TableDataManager::new).addOrReplace(segment);
    }
  }

  /// A new empty directory under the data directory, for building segments.
  public Path newWorkDir(String prefix) throws IOException {
    Path work = dataDir.resolve(".work");
    Files.createDirectories(work);
    return Files.createTempDirectory(work, prefix);
  }

  /// Brings a loaded segment's local copy in line with the current table config and schema (indexes added or
  /// removed, new schema columns with their default values; see [SegmentPreprocessor]), loads it and swaps it in;
  /// queries keep using the previous copy until the swap and finish on it. A segment this server does not hold is
  /// skipped; when nothing changed the loaded segment stays.
  public void reloadSegment(String tableNameWithType, String segmentName, TableConfig tableConfig, Schema schema)
      throws IOException {
    synchronized (lock(segmentName)) {
      TableDataManager table = tables.get(tableNameWithType);
      Path segmentDir = segmentDir(tableNameWithType, segmentName);
      if (table == null || !table.hasSegment(segmentName) || !Files.isDirectory(segmentDir)) {
        LOGGER.info("Not reloading segment {} of {}: not loaded here", segmentName, tableNameWithType);
        return;
      }
      try {
        SegmentPreprocessor.Result result = SegmentPreprocessor.preprocess(segmentDir, tableConfig, schema);
        table.setSchema(schema);
        if (!result.changed()) {
          table.markReloaded(segmentName);
          LOGGER.info("Segment {} of {} is current, nothing to reload", segmentName, tableNameWithType);
          return;
        }
        table.addOrReplace(SegmentLoader.load(segmentDir));
        LOGGER.info("Reloaded segment {} of {}: {}", segmentName, tableNameWithType, result.actions());
      } catch (IOException | RuntimeException e) {
        table.recordReloadFailure(segmentName);
        throw e;
      }
    }
  }

  /// Names of the segments of a table half loaded on this server.
  public List<String> loadedSegments(String tableNameWithType) {
    TableDataManager table = tables.get(tableNameWithType);
    return table == null ? List.of() : new ArrayList<>(table.segmentDocCounts().keySet());
  }

  /// Serialises loads, refreshes and reloads of one segment (Helix transitions and messages run on
  /// different threads); a fixed set of stripes bounds memory.
  private Object lock(String segmentName) {
    return locks[Math.floorMod(segmentName.hashCode(), locks.length)];
  }

  /// Unloads a segment; its files stay for a fast reload.
  public void offloadSegment(String tableNameWithType, String segmentName) {
    synchronized (lock(segmentName)) {
      TableDataManager table = tables.get(tableNameWithType);
      if (table != null) {
        table.remove(segmentName);
      }
    }
  }

  /// Unloads a segment and deletes its local copy.
  public void deleteSegment(String tableNameWithType, String segmentName) throws IOException {
    synchronized (lock(segmentName)) {
      offloadSegment(tableNameWithType, segmentName);
      deleteDirectory(segmentDir(tableNameWithType, segmentName));
    }
  }

  /// Disk size of each loaded segment's directory.
  public Map<String, Long> segmentSizes(String tableNameWithType) throws IOException {
    Map<String, Long> sizes = new TreeMap<>();
    TableDataManager table = tables.get(tableNameWithType);
    if (table != null) {
      for (String segment : table.segmentDocCounts().keySet()) {
        sizes.put(segment, directorySize(segmentDir(tableNameWithType, segment)));
      }
    }
    return sizes;
  }

  private boolean isCurrent(Path segmentDir, SegmentZkMetadata metadata) {
    if (!Files.isDirectory(segmentDir)) {
      return false;
    }
    try {
      SegmentMetadata local = SegmentLoader.readMetadata(segmentDir);
      return local.crc() == metadata.crc();
    } catch (IOException | RuntimeException e) {
      LOGGER.warn("Local copy {} is unreadable ({}); downloading again", segmentDir, e.getMessage());
      return false;
    }
  }

  private void download(String tableNameWithType, String segmentName, SegmentZkMetadata metadata, Path segmentDir)
      throws IOException {
    String url = metadata.downloadUrl();
    if (url == null || url.isBlank()) {
      throw new IOException("Segment " + segmentName + " of " + tableNameWithType + " has no download URL");
    }
    LOGGER.info("Downloading segment {} of {} from {}", segmentName, tableNameWithType, url);
    Path tar = tarDir.resolve(tableNameWithType + "-" + segmentName + "-" + System.nanoTime() + ".tar.gz");
    Path staging = dataDir.resolve(tableNameWithType).resolve(".staging-" + segmentName + "-" + System.nanoTime());
    try {
      fetcher.fetch(url, tar);
      Path extracted = TarGzUtils.untar(tar, staging);
      long crc = SegmentLoader.readMetadata(extracted).crc();
      if (crc != metadata.crc()) {
        throw new IOException("Downloaded segment " + segmentName + " has CRC " + crc + ", expected "
            + metadata.crc());
      }
      Path old = segmentDir.resolveSibling(".old-" + segmentName + "-" + System.nanoTime());
      if (Files.exists(segmentDir)) {
        Files.move(segmentDir, old, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(extracted, segmentDir, StandardCopyOption.ATOMIC_MOVE);
      // Files of a segment still mapped by running queries stay readable after deletion (POSIX semantics).
      deleteDirectory(old);
    } finally {
      Files.deleteIfExists(tar);
      deleteDirectory(staging);
    }
  }

  private Path segmentDir(String tableNameWithType, String segmentName) {
    return dataDir.resolve(tableNameWithType).resolve(segmentName);
  }

  private static long directorySize(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      long total = 0;
      for (Path file : (Iterable<Path>) files::iterator) {
        if (Files.isRegularFile(file)) {
          total += Files.size(file);
        }
      }
      return total;
    }
  }

  /// Deletes a directory tree; absent is fine.
  public static void deleteDirectory(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(path);
      }
    }
  }

  @Override
  public void close() {
    for (TableDataManager table : tables.values()) {
      table.releaseAll();
    }
    tables.clear();
    fetcher.close();
  }
}
