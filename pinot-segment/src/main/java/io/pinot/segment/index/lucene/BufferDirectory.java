// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.lucene;

import io.pinot.segment.memory.DataBuffer;
import java.io.FileNotFoundException;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;
import org.apache.lucene.store.Lock;

/// A read-only Lucene [Directory] whose files are slices of one memory-mapped segment buffer (a text index stored
/// inside `columns.psf`). Reads are zero-copy views of the mapping; every write operation fails with
/// [UnsupportedOperationException]. Thread-safe (immutable); valid while the segment's memory stays mapped.
public final class BufferDirectory extends Directory {
  /// Where one file lives in the buffer.
  public record FileSlice(long offset, long length) {
    public FileSlice {
      if (offset < 0 || length < 0) {
        throw new IllegalArgumentException("Negative file offset or length");
      }
    }
  }

  private final DataBuffer buffer;
  private final TreeMap<String, FileSlice> files;
  private final String description;

  /// A directory of the given files (name → slice of `buffer`).
  public BufferDirectory(DataBuffer buffer, Map<String, FileSlice> files, String description) {
    this.buffer = Objects.requireNonNull(buffer, "buffer is null");
    this.files = new TreeMap<>(files);
    this.description = Objects.requireNonNull(description, "description is null");
    for (FileSlice slice : this.files.values()) {
      if (slice.offset() + slice.length() > buffer.size()) {
        throw new IllegalStateException(description + ": a file lies outside its buffer");
      }
    }
  }

  @Override
  public String[] listAll() {
    return files.keySet().toArray(new String[0]);
  }

  @Override
  public long fileLength(String name) throws FileNotFoundException {
    return slice(name).length();
  }

  @Override
  public IndexInput openInput(String name, IOContext context) throws FileNotFoundException {
    FileSlice slice = slice(name);
    return BufferIndexInputs.open(buffer, slice.offset(), slice.length(), description + ":" + name);
  }

  private FileSlice slice(String name) throws FileNotFoundException {
    FileSlice slice = files.get(name);
    if (slice == null) {
      throw new FileNotFoundException(description + " has no file " + name);
    }
    return slice;
  }

  @Override
  public void deleteFile(String name) {
    throw readOnly();
  }

  @Override
  public IndexOutput createOutput(String name, IOContext context) {
    throw readOnly();
  }

  @Override
  public IndexOutput createTempOutput(String prefix, String suffix, IOContext context) {
    throw readOnly();
  }

  @Override
  public void sync(Collection<String> names) {
    throw readOnly();
  }

  @Override
  public void syncMetaData() {
    throw readOnly();
  }

  @Override
  public void rename(String source, String dest) {
    throw readOnly();
  }

  @Override
  public Lock obtainLock(String name) {
    throw readOnly();
  }

  @Override
  public void close() {
    // Nothing to release: the segment owns the mapping.
  }

  @Override
  public Set<String> getPendingDeletions() {
    return Set.of();
  }

  private UnsupportedOperationException readOnly() {
    return new UnsupportedOperationException(description + " is read-only");
  }

  @Override
  public String toString() {
    return "BufferDirectory[" + description + ", files=" + files.keySet() + "]";
  }
}
