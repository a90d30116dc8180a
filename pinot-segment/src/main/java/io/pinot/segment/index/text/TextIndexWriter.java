// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.text;

import io.pinot.segment.format.IndexType;
import io.pinot.segment.format.SegmentFileWriter;
import io.pinot.segment.format.SegmentFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LogDocMergePolicy;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;

/// Builds the Lucene text index of a column and writes it as one `text_index` buffer of `columns.psf`.
///
/// Lucene document `d` is segment document `d`: documents are added in doc id order by one thread, merges only
/// join adjacent segments (log merge policy, serial scheduler) and the index is force-merged into one segment, so
/// Lucene assigns the ids in insertion order; the build checks that the result is a single segment of exactly
/// `numDocs` documents. A multi-value document indexes each of its values as one more instance of the field.
///
/// Buffer `TXLU` (all offsets relative to the buffer start, every file 8-byte aligned): `tag, int32 version (1),
/// int32 numDocs, int32 numFiles, int32 settingsLength, int32 reserved`, the settings ([TextIndexSettings], UTF-8),
/// zero padding to 8, then per file `int64 offset, int64 length, int32 nameLength` and the UTF-8 name, zero padding
/// to 8, then the files' bytes. The Lucene files are those of Lucene's current codec; Lucene writes random segment
/// ids and a timestamp into them, so two builds of the same data differ in these bytes. Stateless utilities.
public final class TextIndexWriter {
  /// Tag of the text index buffer.
  public static final String TAG = "TXLU";
  /// Size of the fixed buffer header.
  static final int HEADER_SIZE = 24;
  private static final int COPY_CHUNK = 1 << 20;
  /// Lucene rejects RAM buffers at or above its per-thread hard limit (about 1.9 GB).
  private static final int MAX_RAM_BUFFER_MB = 1900;

  private TextIndexWriter() {
  }

  /// Builds the index of `documents` and appends it to `out` as the column's `text_index` buffer.
  public static void write(SegmentFileWriter out, String column, TextIndexConfig config, TextDocuments documents)
      throws IOException {
    TextIndexSettings settings = config.settings(column);
    try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
      build(directory, config, settings, documents);
      writeBuffer(out, column, settings, documents.numDocs(), directory);
    }
  }

  private static void build(ByteBuffersDirectory directory, TextIndexConfig config, TextIndexSettings settings,
      TextDocuments documents) throws IOException {
    LogDocMergePolicy mergePolicy = new LogDocMergePolicy();
    mergePolicy.setNoCFSRatio(config.useCompoundFile() ? 1.0 : 0.0);
    mergePolicy.setMaxCFSSegmentSizeMB(Double.POSITIVE_INFINITY);
    int numDocs = documents.numDocs();
    try (Analyzer analyzer = TextAnalyzers.analyzer(settings)) {
      IndexWriterConfig writerConfig = new IndexWriterConfig(analyzer)
          .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
          .setUseCompoundFile(config.useCompoundFile())
          .setRAMBufferSizeMB(Math.min(config.maxBufferSizeMB(), MAX_RAM_BUFFER_MB))
          .setMergePolicy(mergePolicy)
          .setMergeScheduler(new SerialMergeScheduler())
          .setCommitOnClose(false);
      try (IndexWriter writer = new IndexWriter(directory, writerConfig)) {
        List<String> values = new ArrayList<>();
        for (int doc = 0; doc < numDocs; doc++) {
          documents.read(doc, values);
          Document document = new Document();
          for (String value : values) {
            document.add(new TextField(settings.field(), value, Field.Store.NO));
          }
          writer.addDocument(document);
        }
        writer.forceMerge(1);
        writer.commit();
      }
    }
    try (DirectoryReader reader = DirectoryReader.open(directory)) {
      if (reader.maxDoc() != numDocs || reader.numDeletedDocs() != 0 || reader.leaves().size() > 1) {
        throw new IllegalStateException("Text index of column[" + settings.field() + "] has " + reader.maxDoc()
            + " documents in " + reader.leaves().size() + " segments, expected " + numDocs + " in one");
      }
    }
  }

  private static void writeBuffer(SegmentFileWriter out, String column, TextIndexSettings settings, int numDocs,
      ByteBuffersDirectory directory) throws IOException {
    String[] files = directory.listAll();
    byte[][] names = new byte[files.length][];
    long tableSize = 0;
    for (int i = 0; i < files.length; i++) {
      names[i] = files[i].getBytes(StandardCharsets.UTF_8);
      tableSize += 20 + names[i].length;
    }
    byte[] settingsBytes = settings.toText().getBytes(StandardCharsets.UTF_8);
    long tableStart = SegmentFormat.align(HEADER_SIZE + settingsBytes.length);
    long[] offsets = new long[files.length];
    long[] lengths = new long[files.length];
    long next = SegmentFormat.align(tableStart + tableSize);
    for (int i = 0; i < files.length; i++) {
      lengths[i] = directory.fileLength(files[i]);
      offsets[i] = next;
      next = SegmentFormat.align(next + lengths[i]);
    }
    out.beginIndex(column, IndexType.TEXT_INDEX);
    long start = out.position();
    out.writeBytes(TAG.getBytes(StandardCharsets.US_ASCII));
    out.writeInt(SegmentFormat.INDEX_VERSION);
    out.writeInt(numDocs);
    out.writeInt(files.length);
    out.writeInt(settingsBytes.length);
    out.writeInt(0);
    out.writeBytes(settingsBytes);
    out.padTo(start + tableStart);
    for (int i = 0; i < files.length; i++) {
      out.writeLong(offsets[i]);
      out.writeLong(lengths[i]);
      out.writeInt(names[i].length);
      out.writeBytes(names[i]);
    }
    byte[] chunk = new byte[COPY_CHUNK];
    for (int i = 0; i < files.length; i++) {
      out.padTo(start + offsets[i]);
      try (IndexInput input = directory.openInput(files[i], IOContext.READONCE)) {
        for (long done = 0; done < lengths[i]; ) {
          int n = (int) Math.min(chunk.length, lengths[i] - done);
          input.readBytes(chunk, 0, n);
          out.writeBytes(chunk, 0, n);
          done += n;
        }
      }
    }
    out.endIndex();
  }
}
