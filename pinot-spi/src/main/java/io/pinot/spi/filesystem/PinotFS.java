// SPDX-License-Identifier: Apache-2.0
package io.pinot.spi.filesystem;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/// A file system holding segment tarballs and ingestion inputs (Apache Pinot's `PinotFS`): the deep
/// store behind the controller and the input/output of batch jobs. Implementations are thread-safe.
/// Writes are atomic from a reader's point of view: a file is either absent or complete.
public interface PinotFS {
  boolean exists(URI uri) throws IOException;

  boolean isDirectory(URI uri) throws IOException;

  long length(URI uri) throws IOException;

  void mkdir(URI uri) throws IOException;

  /// Deletes a file or a directory tree; returns false when nothing was there.
  boolean delete(URI uri) throws IOException;

  /// Moves (renames) `source` to `destination`, replacing it.
  void move(URI source, URI destination) throws IOException;

  /// Uploads a local file, replacing the destination atomically.
  void copyFromLocalFile(Path source, URI destination) throws IOException;

  void copyToLocalFile(URI source, Path destination) throws IOException;

  /// File URIs under a directory (recursively when asked), sorted.
  List<URI> listFiles(URI directory, boolean recursive) throws IOException;

  InputStream open(URI uri) throws IOException;
}
