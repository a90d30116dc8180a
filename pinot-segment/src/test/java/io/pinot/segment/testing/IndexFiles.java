// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.testing;

import io.pinot.segment.format.IndexMap;
import io.pinot.segment.format.IndexType;
import io.pinot.segment.format.SegmentFileWriter;
import io.pinot.segment.memory.DataBuffer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/// Writes index buffers through a real [SegmentFileWriter] and reads them back as heap [DataBuffer] views, so
/// that index round-trip tests exercise the exact bytes a segment would hold.
public final class IndexFiles {
  /// Writes into a segment file writer.
  @FunctionalInterface
  public interface Writes {
    void write(SegmentFileWriter out) throws IOException;
  }

  /// The bytes of a written file and its index map.
  public record Written(byte[] bytes, List<IndexMap.Entry> entries) {
    /// A view of the one buffer of `type` for `column`.
    public DataBuffer view(String column, IndexType type) {
      IndexMap.Entry entry = new IndexMap(entries).find(column, type);
      if (entry == null) {
        throw new AssertionError("No " + type + " for " + column);
      }
      return DataBuffer.wrap(bytes).view(entry.startOffset(), entry.size());
    }
  }

  private IndexFiles() {
  }

  public static Written write(Path dir, Writes writes) throws IOException {
    Path file = Files.createTempFile(dir, "index", ".psf");
    Files.delete(file);
    List<IndexMap.Entry> entries;
    try (SegmentFileWriter out = new SegmentFileWriter(file)) {
      writes.write(out);
      entries = out.entries();
    }
    return new Written(Files.readAllBytes(file), entries);
  }
}
