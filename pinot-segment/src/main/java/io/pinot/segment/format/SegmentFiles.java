// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.format;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import org.jspecify.annotations.Nullable;

/// File-system helpers for segment directories. Stateless utilities.
public final class SegmentFiles {
  private SegmentFiles() {
  }

  /// The directory holding a segment's files: `segmentDir/v3` when it exists, else `segmentDir` itself when it
  /// holds `metadata.properties` directly.
  ///
  /// @throws NoSuchFileException when neither holds `metadata.properties`
  public static Path filesDir(Path segmentDir) throws NoSuchFileException {
    Path v3 = segmentDir.resolve(SegmentFormat.V3_DIR);
    if (Files.isRegularFile(v3.resolve(SegmentFormat.METADATA_FILE))) {
      return v3;
    }
    if (Files.isRegularFile(segmentDir.resolve(SegmentFormat.METADATA_FILE))) {
      return segmentDir;
    }
    throw new NoSuchFileException(segmentDir.resolve(SegmentFormat.V3_DIR).resolve(SegmentFormat.METADATA_FILE)
        .toString(), null, "not a segment directory");
  }

  /// Deletes a file or a directory tree; a missing path is not an error. Symbolic links are deleted, never
  /// followed.
  public static void deleteRecursively(@Nullable Path path) throws IOException {
    if (path == null || !Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(path, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, @Nullable IOException error) throws IOException {
        if (error != null) {
          throw error;
        }
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
