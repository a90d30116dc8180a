// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.fst;

import io.pinot.segment.format.SegmentFormat;
import io.pinot.segment.index.lucene.BufferIndexInputs;
import io.pinot.segment.memory.DataBuffer;
import io.pinot.segment.spi.FstIndexReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import org.apache.lucene.util.fst.FST;
import org.apache.lucene.util.fst.OffHeapFSTStore;
import org.apache.lucene.util.fst.PositiveIntOutputs;
import org.jspecify.annotations.Nullable;

/// Reads an `fst_index` buffer written by [FstIndexWriter] and finds the dictionary ids of the values matching a
/// pattern by walking the FST and the pattern's byte automaton together: a branch is left as soon as the automaton
/// can no longer accept, so a pattern with a literal prefix visits only the values sharing it. The FST is read in
/// place from the mapped buffer. Thread-safe (each search uses its own FST reader).
public final class LuceneFstIndexReader implements FstIndexReader {
  private final int cardinality;
  private final @Nullable FST<Long> fst;

  /// Opens the FST in `buffer` (the whole `fst_index` buffer of column `column`).
  ///
  /// @throws IllegalStateException when the buffer is not an FST index of a supported version
  public LuceneFstIndexReader(DataBuffer buffer, String column) {
    if (buffer.size() < FstIndexWriter.HEADER_SIZE || buffer.getInt(0) != SegmentFormat.tagValue(FstIndexWriter.TAG)) {
      throw new IllegalStateException("Column[" + column + "] FST index does not start with tag "
          + FstIndexWriter.TAG);
    }
    int version = buffer.getInt(4);
    if (version != SegmentFormat.INDEX_VERSION) {
      throw new IllegalStateException("Column[" + column + "] FST index has unsupported version " + version);
    }
    cardinality = buffer.getInt(8);
    long metadataLength = buffer.getLong(16);
    long fstLength = buffer.getLong(24);
    if (cardinality == 0) {
      fst = null;
      return;
    }
    long fstOffset = SegmentFormat.align(FstIndexWriter.HEADER_SIZE + metadataLength);
    try {
      IndexInput metadataInput = BufferIndexInputs.open(buffer, FstIndexWriter.HEADER_SIZE, metadataLength,
          "FST metadata of column " + column);
      FST.FSTMetadata<Long> metadata = FST.readMetadata(metadataInput, PositiveIntOutputs.getSingleton());
      IndexInput fstInput = BufferIndexInputs.open(buffer, fstOffset, fstLength, "FST of column " + column);
      fst = FST.fromFSTReader(metadata, new OffHeapFSTStore(fstInput, 0, metadata));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the FST index of column " + column, e);
    }
  }

  /// Number of dictionary values indexed.
  public int cardinality() {
    return cardinality;
  }

  @Override
  public int @Nullable [] regexpLikeDictIds(String regex) {
    ByteRunAutomaton automaton = PatternAutomata.regexpLike(regex);
    return automaton == null ? null : matching(automaton);
  }

  @Override
  public int @Nullable [] likeDictIds(String likePattern) {
    ByteRunAutomaton automaton = PatternAutomata.like(likePattern);
    return automaton == null ? null : matching(automaton);
  }

  /// The dictionary ids, increasing, of the values `automaton` accepts.
  public int[] matching(ByteRunAutomaton automaton) {
    if (fst == null) {
      return new int[0];
    }
    try {
      int[] ids = walk(fst, automaton);
      Arrays.sort(ids);
      return ids;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read an FST index", e);
    }
  }

  /// Depth-first walk of the FST's arcs paired with automaton states (an explicit stack: values can be long).
  private static int[] walk(FST<Long> fst, ByteRunAutomaton automaton) throws IOException {
    FST.BytesReader reader = fst.getBytesReader();
    int[] ids = new int[16];
    int count = 0;
    FST.Arc<Long> root = fst.getFirstArc(new FST.Arc<>());
    if (root.isFinal() && automaton.isAccept(0)) {
      ids[count++] = root.nextFinalOutput().intValue();
    }
    List<Frame> stack = new ArrayList<>();
    stack.add(new Frame(root, 0, 0L));
    while (!stack.isEmpty()) {
      Frame frame = stack.removeLast();
      if (!FST.targetHasArcs(frame.arc())) {
        continue;
      }
      FST.Arc<Long> arc = fst.readFirstTargetArc(frame.arc(), new FST.Arc<>(), reader);
      while (true) {
        int state = automaton.step(frame.state(), arc.label() & 0xFF);
        if (state >= 0) {
          long output = frame.output() + arc.output();
          if (arc.isFinal() && automaton.isAccept(state)) {
            if (count == ids.length) {
              ids = Arrays.copyOf(ids, count * 2);
            }
            ids[count++] = (int) (output + arc.nextFinalOutput());
          }
          stack.add(new Frame(new FST.Arc<Long>().copyFrom(arc), state, output));
        }
        if (arc.isLast()) {
          break;
        }
        fst.readNextArc(arc, reader);
      }
    }
    return Arrays.copyOf(ids, count);
  }

  /// A node to visit: the arc leading to it, the automaton state after its label, the output so far.
  private record Frame(FST.Arc<Long> arc, int state, long output) {
  }
}
