// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.startree;

import io.pinot.segment.format.IndexMap;
import io.pinot.segment.format.PackedInts;
import io.pinot.segment.format.PropertiesFile;
import io.pinot.segment.format.SegmentFileWriter;
import io.pinot.segment.format.SegmentFormat;
import io.pinot.segment.index.forward.ForwardIndexes;
import io.pinot.segment.spi.startree.AggregationFunctionColumnPair;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.roaringbitmap.RoaringBitmap;

/// Writes `star_tree_index` and `star_tree_index_map` (layout in [StarTreeFormat] and `docs/segment-format.md`):
/// per tree, the node buffer, the dimension forward indexes (`FSVB`, stars as the cardinality) and the metric forward
/// indexes (`count__*` as `RFIX` LONG, SUM/AVG/MIN/MAX as `RFIX` DOUBLE, DISTINCTCOUNTBITMAP as `FMVB`), every buffer
/// 8-byte aligned. Not thread-safe.
final class StarTreeWriter implements Closeable {
  /// One line pair of `star_tree_index_map`.
  private record Entry(int treeId, String column, String type, long offset, long size) {
  }

  private final Path filesDir;
  private final SegmentFileWriter out;
  private final List<Entry> entries = new ArrayList<>();

  StarTreeWriter(Path filesDir) throws IOException {
    this.filesDir = filesDir;
    this.out = new SegmentFileWriter(filesDir.resolve(StarTreeFormat.INDEX_FILE));
  }

  /// Appends the buffers of one tree.
  void write(int treeId, SingleTreeBuilder.Result tree) throws IOException {
    StarTreeRecords records = tree.records();
    int numDocs = records.size();
    writeNodes(treeId, tree.nodes(), records.numDimensions(), numDocs);
    List<String> dimensions = tree.config().dimensionsSplitOrder();
    for (int d = 0; d < dimensions.size(); d++) {
      ForwardIndexes.writeSingleValue(out, dimensions.get(d), records.dimensionColumn(d), numDocs,
          PackedInts.bitsNeeded(tree.cardinalities()[d]));
      addForwardEntry(treeId);
    }
    List<AggregationFunctionColumnPair> pairs = tree.config().functionColumnPairs();
    for (int p = 0; p < pairs.size(); p++) {
      String name = pairs.get(p).toColumnName();
      switch (records.kind(p)) {
        case COUNT -> ForwardIndexes.writeRawLongs(out, name, records.counts(), numDocs);
        case SUM, MIN, MAX -> ForwardIndexes.writeRawDoubles(out, name, records.doubleColumn(records.slot(p)),
            numDocs);
        case SET -> writeSets(name, records, records.slot(p), numDocs, tree.pairCardinalities()[p]);
      }
      addForwardEntry(treeId);
    }
  }

  private void writeNodes(int treeId, TreeNodes nodes, int numDimensions, int numDocs) throws IOException {
    out.padTo(SegmentFormat.align(out.position()));
    long start = out.position();
    out.writeBytes(StarTreeFormat.TAG_TREE.getBytes(StandardCharsets.US_ASCII));
    out.writeInt(StarTreeFormat.TREE_VERSION);
    out.writeInt(numDimensions);
    out.writeInt(nodes.numNodes());
    out.writeInt(numDocs);
    out.writeInt(0);
    for (int node = 0; node < nodes.numNodes(); node++) {
      out.writeInt(nodes.dimensionId(node));
      out.writeInt(nodes.dimensionValue(node));
      out.writeInt(nodes.startDocId(node));
      out.writeInt(nodes.endDocId(node));
      out.writeInt(nodes.aggregatedDocId(node));
      out.writeInt(nodes.firstChild(node));
      out.writeInt(nodes.lastChild(node));
    }
    entries.add(new Entry(treeId, StarTreeFormat.NO_COLUMN, StarTreeFormat.STAR_TREE_TYPE, start,
        out.position() - start));
  }

  private void writeSets(String name, StarTreeRecords records, int slot, int numDocs, int cardinality)
      throws IOException {
    int[] starts = new int[numDocs + 1];
    long total = 0;
    for (int doc = 0; doc < numDocs; doc++) {
      total += records.set(slot, doc).getCardinality();
      if (total > Integer.MAX_VALUE - 8) {
        throw new IllegalStateException("Pair[" + name + "] has more than 2^31 values over the star-tree");
      }
      starts[doc + 1] = (int) total;
    }
    int[] ids = new int[(int) total];
    for (int doc = 0; doc < numDocs; doc++) {
      RoaringBitmap set = records.set(slot, doc);
      int[] values = set.toArray();
      System.arraycopy(values, 0, ids, starts[doc], values.length);
    }
    ForwardIndexes.writeMultiValue(out, name, starts, numDocs, ids, PackedInts.bitsForCardinality(cardinality));
  }

  private void addForwardEntry(int treeId) {
    List<IndexMap.Entry> written = out.entries();
    IndexMap.Entry last = written.get(written.size() - 1);
    entries.add(new Entry(treeId, last.column(), StarTreeFormat.FORWARD_INDEX_TYPE, last.startOffset(),
        last.size()));
  }

  /// Writes `star_tree_index_map` and closes the index file; returns the CRC32C of the index file followed by the
  /// map file.
  long finish() throws IOException {
    StringBuilder map = new StringBuilder();
    for (Entry entry : entries) {
      String prefix = entry.treeId() + "." + entry.column() + "." + entry.type() + ".";
      PropertiesFile.appendLine(map, prefix + StarTreeFormat.OFFSET_SUFFIX, Long.toString(entry.offset()));
      PropertiesFile.appendLine(map, prefix + StarTreeFormat.SIZE_SUFFIX, Long.toString(entry.size()));
    }
    byte[] bytes = map.toString().getBytes(StandardCharsets.UTF_8);
    Files.write(filesDir.resolve(StarTreeFormat.INDEX_MAP_FILE), bytes);
    out.updateChecksum(bytes);
    long crc = out.crc();
    out.close();
    return crc;
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
