// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.tar;

import io.pinot.segment.format.CreationMeta;
import io.pinot.segment.format.SegmentFiles;
import io.pinot.segment.format.SegmentFormat;
import io.pinot.segment.loader.SegmentLoader;
import io.pinot.segment.spi.SegmentMetadata;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;
import org.jspecify.annotations.Nullable;

/// Segment tarballs as Pinot exchanges them: `<segmentName>.tar.gz` whose entries all sit under
/// `<segmentName>/` (`<segmentName>/v3/metadata.properties`...). Metadata files are written first so that
/// [#readMetadataFromTarGz] stops reading early. Extraction rejects entries that would land outside the target
/// directory (zip-slip) and link entries. Stateless utilities.
public final class TarGzUtils {
  public static final String TAR_GZ_EXTENSION = ".tar.gz";

  private static final int BUFFER_SIZE = 1 << 16;

  private TarGzUtils() {
  }

  /// Writes `segmentDir` into `tarGzFile` (replacing it) with entries under `<segmentDir name>/`, compressed at
  /// [Deflater#BEST_SPEED] (segment files are already compact; higher levels cost 3x the time for ~5% size).
  public static void createTarGz(Path segmentDir, Path tarGzFile) throws IOException {
    createTarGz(segmentDir, tarGzFile, Deflater.BEST_SPEED);
  }

  /// Writes `segmentDir` into `tarGzFile` with the given gzip level (1-9).
  public static void createTarGz(Path segmentDir, Path tarGzFile, int compressionLevel) throws IOException {
    if (!Files.isDirectory(segmentDir)) {
      throw new IOException("Not a directory: " + segmentDir);
    }
    String root = segmentDir.getFileName().toString();
    List<Path> files = listForArchive(segmentDir);
    Path parent = tarGzFile.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path temp = Files.createTempFile(parent, ".tmp-", TAR_GZ_EXTENSION);
    try {
      GzipParameters parameters = new GzipParameters();
      parameters.setCompressionLevel(compressionLevel);
      try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(temp), BUFFER_SIZE);
          GzipCompressorOutputStream gzip = new GzipCompressorOutputStream(file, parameters);
          TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip)) {
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        for (Path path : files) {
          String relative = segmentDir.relativize(path).toString().replace('\\', '/');
          String name = relative.isEmpty() ? root + "/" : root + "/" + relative + (Files.isDirectory(path) ? "/" : "");
          TarArchiveEntry entry = new TarArchiveEntry(path, name);
          tar.putArchiveEntry(entry);
          if (Files.isRegularFile(path)) {
            Files.copy(path, tar);
          }
          tar.closeArchiveEntry();
        }
        tar.finish();
      }
      Files.move(temp, tarGzFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /// Directories before their contents; within a directory, metadata files first, then the rest by name.
  private static List<Path> listForArchive(Path segmentDir) throws IOException {
    try (Stream<Path> walk = Files.walk(segmentDir)) {
      List<Path> paths = new ArrayList<>(walk.toList());
      paths.sort(Comparator.comparing((Path path) -> path.getParent() == null ? "" : path.getParent().toString())
          .thenComparing(path -> Files.isDirectory(path) ? 0 : 1)
          .thenComparing(TarGzUtils::metadataRank)
          .thenComparing(Path::toString));
      return paths;
    }
  }

  private static int metadataRank(Path path) {
    String name = path.getFileName().toString();
    return name.equals(SegmentFormat.METADATA_FILE) ? 0 : name.equals(SegmentFormat.CREATION_META_FILE) ? 1 : 2;
  }

  /// Extracts `tarGz` into `destDir` and returns the extracted segment directory (the archive's single top-level
  /// directory, or `destDir` when entries have no common top-level directory).
  ///
  /// @throws IOException when an entry would escape `destDir`, is a link, or the archive is empty or corrupt
  public static Path untar(Path tarGz, Path destDir) throws IOException {
    Files.createDirectories(destDir);
    Path root = destDir.toRealPath();
    String topLevel = null;
    boolean singleTopLevel = true;
    int entries = 0;
    try (TarArchiveInputStream tar = open(tarGz)) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        entries++;
        Path target = resolveInside(root, entry.getName());
        if (entry.isSymbolicLink() || entry.isLink()) {
          throw new IOException("Archive " + tarGz.getFileName() + " contains a link entry: " + entry.getName());
        }
        String first = root.relativize(target).getName(0).toString();
        if (topLevel == null) {
          topLevel = first;
        } else if (!topLevel.equals(first)) {
          singleTopLevel = false;
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    if (entries == 0 || topLevel == null) {
      throw new IOException("Archive " + tarGz.getFileName() + " is empty");
    }
    Path top = root.resolve(topLevel);
    return singleTopLevel && Files.isDirectory(top) ? top : root;
  }

  /// Reads the segment metadata from `metadata.properties` and `creation.meta` inside a segment tarball without
  /// extracting anything.
  ///
  /// @throws IOException when the archive lacks either file
  public static SegmentMetadata readMetadataFromTarGz(Path tarGz) throws IOException {
    String properties = null;
    byte[] creationMeta = null;
    try (TarArchiveInputStream tar = open(tarGz)) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null && (properties == null || creationMeta == null)) {
        String name = fileName(entry.getName());
        if (entry.isFile() && name.equals(SegmentFormat.METADATA_FILE)) {
          properties = new String(tar.readAllBytes(), StandardCharsets.UTF_8);
        } else if (entry.isFile() && name.equals(SegmentFormat.CREATION_META_FILE)) {
          creationMeta = tar.readAllBytes();
        }
      }
    }
    if (properties == null || creationMeta == null) {
      throw new IOException("Archive " + tarGz.getFileName() + " has no " + SegmentFormat.METADATA_FILE + " and "
          + SegmentFormat.CREATION_META_FILE);
    }
    return SegmentLoader.readMetadata(properties, CreationMeta.fromBytes(creationMeta));
  }

  /// The total size of the files in a tarball: the segment's size on disk once extracted (what Pinot's flush-size
  /// autotuning compares with `realtime.segment.flush.threshold.segment.size`). Reads the entry headers only.
  public static long uncompressedSize(Path tarGz) throws IOException {
    long total = 0;
    try (TarArchiveInputStream tar = open(tarGz)) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        if (entry.isFile()) {
          total += entry.getSize();
        }
      }
    }
    return total;
  }

  /// The tarball name of a segment directory: `<segmentName>.tar.gz` next to `outputDir`.
  public static Path tarGzPath(Path outputDir, String segmentName) {
    return outputDir.resolve(segmentName + TAR_GZ_EXTENSION);
  }

  private static TarArchiveInputStream open(Path tarGz) throws IOException {
    InputStream file = new BufferedInputStream(Files.newInputStream(tarGz), BUFFER_SIZE);
    try {
      return new TarArchiveInputStream(new GZIPInputStream(file, BUFFER_SIZE));
    } catch (IOException | RuntimeException e) {
      file.close();
      throw e;
    }
  }

  private static Path resolveInside(Path root, String entryName) throws IOException {
    Path target = root.resolve(entryName).normalize();
    if (!target.startsWith(root) || target.equals(root)) {
      throw new IOException("Archive entry '" + entryName + "' would be extracted outside " + root);
    }
    return target;
  }

  private static String fileName(@Nullable String entryName) {
    if (entryName == null) {
      return "";
    }
    String name = entryName.endsWith("/") ? entryName.substring(0, entryName.length() - 1) : entryName;
    return name.substring(name.lastIndexOf('/') + 1);
  }

  /// Deletes an extracted segment directory (helper for callers cleaning up after a failed load).
  public static void deleteExtracted(Path segmentDir) throws IOException {
    SegmentFiles.deleteRecursively(segmentDir);
  }
}
