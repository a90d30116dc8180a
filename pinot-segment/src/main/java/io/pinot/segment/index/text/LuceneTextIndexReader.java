// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.text;

import io.pinot.segment.format.SegmentFormat;
import io.pinot.segment.index.lucene.BufferDirectory;
import io.pinot.segment.memory.DataBuffer;
import io.pinot.segment.spi.TextIndexReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.jspecify.annotations.Nullable;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;
import org.roaringbitmap.buffer.MutableRoaringBitmap;

/// Reads a `text_index` buffer written by [TextIndexWriter]: opens the Lucene index in place over the mapped
/// buffer (no copy, no extra files) with the analyzer and query parser it was built with, and answers queries with
/// bitmaps of segment doc ids (Lucene doc ids are segment doc ids, see [TextIndexWriter]). Thread-safe: the Lucene
/// searcher is shared, a parser is made per query. Valid while the segment is loaded.
public final class LuceneTextIndexReader implements TextIndexReader {
  private final TextIndexSettings settings;
  private final int numDocs;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final Analyzer analyzer;

  /// Opens the index in `buffer` (the whole `text_index` buffer of column `column`).
  ///
  /// @throws IllegalStateException when the buffer is not a text index of a supported version
  public LuceneTextIndexReader(DataBuffer buffer, String column) {
    if (buffer.size() < TextIndexWriter.HEADER_SIZE
        || buffer.getInt(0) != SegmentFormat.tagValue(TextIndexWriter.TAG)) {
      throw new IllegalStateException("Column[" + column + "] text index does not start with tag "
          + TextIndexWriter.TAG);
    }
    int version = buffer.getInt(4);
    if (version != SegmentFormat.INDEX_VERSION) {
      throw new IllegalStateException("Column[" + column + "] text index has unsupported version " + version);
    }
    numDocs = buffer.getInt(8);
    int numFiles = buffer.getInt(12);
    int settingsLength = buffer.getInt(16);
    settings = TextIndexSettings.parse(new String(buffer.getBytes(TextIndexWriter.HEADER_SIZE, settingsLength),
        StandardCharsets.UTF_8));
    Map<String, BufferDirectory.FileSlice> files = new LinkedHashMap<>();
    long position = SegmentFormat.align(TextIndexWriter.HEADER_SIZE + settingsLength);
    for (int i = 0; i < numFiles; i++) {
      long offset = buffer.getLong(position);
      long length = buffer.getLong(position + 8);
      int nameLength = buffer.getInt(position + 16);
      String name = new String(buffer.getBytes(position + 20, nameLength), StandardCharsets.UTF_8);
      files.put(name, new BufferDirectory.FileSlice(offset, length));
      position += 20 + nameLength;
    }
    try {
      reader = DirectoryReader.open(new BufferDirectory(buffer, files, "text index of column " + column));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the text index of column " + column, e);
    }
    if (reader.maxDoc() != numDocs || reader.leaves().size() > 1) {
      throw new IllegalStateException("Column[" + column + "] text index holds " + reader.maxDoc()
          + " documents in " + reader.leaves().size() + " segments, its header says " + numDocs + " in one");
    }
    searcher = new IndexSearcher(reader);
    searcher.setQueryCache(null);
    analyzer = TextAnalyzers.analyzer(settings);
  }

  /// The settings the index was built with.
  public TextIndexSettings settings() {
    return settings;
  }

  /// Number of documents indexed.
  public int numDocs() {
    return numDocs;
  }

  @Override
  public ImmutableRoaringBitmap docIds(String query, @Nullable String options) {
    Query parsed = TextQueries.parse(query, options, settings, analyzer);
    DocIdCollector collector = new DocIdCollector();
    try {
      searcher.search(parsed, new DocIdCollector.Manager(collector));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot search the text index of field " + settings.field(), e);
    } catch (IndexSearcher.TooManyClauses e) {
      throw new IllegalArgumentException("TEXT_MATCH query expands to too many terms: " + e.getMessage(), e);
    }
    return collector.bitmap();
  }

  /// Collects matching documents into a bitmap, a block of ids at a time.
  private static final class DocIdCollector extends SimpleCollector {
    private final MutableRoaringBitmap docIds = new MutableRoaringBitmap();
    private final int[] pending = new int[1024];
    private int numPending;
    private int docBase;

    @Override
    protected void doSetNextReader(LeafReaderContext context) {
      docBase = context.docBase;
    }

    @Override
    public void collect(int doc) {
      pending[numPending++] = docBase + doc;
      if (numPending == pending.length) {
        flush();
      }
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }

    private void flush() {
      docIds.addN(pending, 0, numPending);
      numPending = 0;
    }

    MutableRoaringBitmap bitmap() {
      flush();
      docIds.runOptimize();
      return docIds;
    }

    /// Hands the one collector to a searcher without an executor (a single slice).
    private record Manager(DocIdCollector collector)
        implements CollectorManager<DocIdCollector, Void> {
      @Override
      public DocIdCollector newCollector() {
        return collector;
      }

      @Override
      public Void reduce(Collection<DocIdCollector> collectors) {
        return null;
      }
    }
  }
}
