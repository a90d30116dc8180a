// SPDX-License-Identifier: Apache-2.0
package io.pinot.spi.filesystem;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/// [PinotFS] over the local file system (`file:` URIs, or plain paths). Pinot's class name
/// `org.apache.pinot.spi.filesystem.LocalPinotFS` maps to this one.
public final class LocalPinotFS implements PinotFS {
  @Override
  public boolean exists(URI uri) {
    return Files.exists(path(uri));
  }

  @Override
  public boolean isDirectory(URI uri) {
    return Files.isDirectory(path(uri));
  }

  @Override
  public long length(URI uri) throws IOException {
    return Files.size(path(uri));
  }

  @Override
  public void mkdir(URI uri) throws IOException {
    Files.createDirectories(path(uri));
  }

  @Override
  public boolean delete(URI uri) throws IOException {
    Path target = path(uri);
    if (!Files.exists(target)) {
      return false;
    }
    deleteRecursively(target);
    return true;
  }

  @Override
  public void move(URI source, URI destination) throws IOException {
    Path to = path(destination);
    Files.createDirectories(to.toAbsolutePath().getParent());
    try {
      Files.move(path(source), to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(path(source), to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  @Override
  public void copyFromLocalFile(Path source, URI destination) throws IOException {
    Path to = path(destination);
    Files.createDirectories(to.toAbsolutePath().getParent());
    Path temp = to.resolveSibling(to.getFileName() + ".tmp-" + System.nanoTime());
    try {
      Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING);
      try {
        Files.move(temp, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, to, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  @Override
  public void copyToLocalFile(URI source, Path destination) throws IOException {
    Path parent = destination.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.copy(path(source), destination, StandardCopyOption.REPLACE_EXISTING);
  }

  @Override
  public List<URI> listFiles(URI directory, boolean recursive) throws IOException {
    List<URI> files = new ArrayList<>();
    try (Stream<Path> paths = recursive ? Files.walk(path(directory)) : Files.list(path(directory))) {
      paths.filter(Files::isRegularFile).sorted().forEach(p -> files.add(p.toUri()));
    }
    return files;
  }

  @Override
  public InputStream open(URI uri) throws IOException {
    return Files.newInputStream(path(uri));
  }

  /// The local path of a `file:` URI or of a scheme-less path URI.
  public static Path path(URI uri) {
    return uri.getScheme() == null ? Path.of(uri.getPath()) : Path.of(uri);
  }

  private static void deleteRecursively(Path root) throws IOException {
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException error) throws IOException {
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
