// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.fst;

import io.pinot.segment.format.IndexType;
import io.pinot.segment.format.SegmentFileWriter;
import io.pinot.segment.format.SegmentFormat;
import io.pinot.segment.spi.Dictionary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IntsRefBuilder;
import org.apache.lucene.util.fst.FST;
import org.apache.lucene.util.fst.FSTCompiler;
import org.apache.lucene.util.fst.PositiveIntOutputs;
import org.apache.lucene.util.fst.Util;

/// Builds the FST index of a dictionary-encoded STRING column: a Lucene FST mapping the UTF-8 bytes of every
/// dictionary value to its dictionary id, written as one `fst_index` buffer of `columns.psf`.
///
/// Buffer `FSTL`: `tag, int32 version (1), int32 cardinality, int32 reserved, int64 metadataLength, int64
/// fstLength`, the FST metadata as Lucene's `FST#save` writes it, zero padding to 8, then the FST bytes (read in
/// place, off-heap). A column with no values has no FST: both lengths are 0. Stateless utilities.
public final class FstIndexWriter {
  /// Tag of the FST index buffer.
  public static final String TAG = "FSTL";
  /// Size of the fixed buffer header.
  static final int HEADER_SIZE = 32;

  private FstIndexWriter() {
  }

  /// Writes the FST of `dictionary`'s values (STRING) as the column's `fst_index` buffer.
  ///
  /// @throws IllegalArgumentException when two values have the same UTF-8 bytes (impossible for dictionaries
  ///     built by ingestion, which replaces lone surrogates)
  public static void write(SegmentFileWriter out, String column, Dictionary dictionary) throws IOException {
    int cardinality = dictionary.length();
    ByteBuffersDataOutput metadata = new ByteBuffersDataOutput();
    ByteBuffersDataOutput data = new ByteBuffersDataOutput();
    if (cardinality > 0) {
      build(column, dictionary).save(metadata, data);
    }
    out.beginIndex(column, IndexType.FST_INDEX);
    long start = out.position();
    out.writeBytes(TAG.getBytes(StandardCharsets.US_ASCII));
    out.writeInt(SegmentFormat.INDEX_VERSION);
    out.writeInt(cardinality);
    out.writeInt(0);
    out.writeLong(metadata.size());
    out.writeLong(data.size());
    out.writeBytes(metadata.toArrayCopy());
    out.padTo(start + SegmentFormat.align(HEADER_SIZE + metadata.size()));
    out.writeBytes(data.toArrayCopy());
    out.endIndex();
  }

  private static FST<Long> build(String column, Dictionary dictionary) throws IOException {
    int cardinality = dictionary.length();
    byte[][] keys = new byte[cardinality][];
    Integer[] order = new Integer[cardinality];
    for (int dictId = 0; dictId < cardinality; dictId++) {
      keys[dictId] = dictionary.getStringValue(dictId).getBytes(StandardCharsets.UTF_8);
      order[dictId] = dictId;
    }
    // Dictionaries sort by UTF-16 code units; an FST needs its keys in unsigned byte (code point) order.
    Arrays.sort(order, (a, b) -> Arrays.compareUnsigned(keys[a], keys[b]));
    FSTCompiler<Long> compiler = new FSTCompiler.Builder<>(FST.INPUT_TYPE.BYTE1, PositiveIntOutputs.getSingleton())
        .build();
    IntsRefBuilder scratch = new IntsRefBuilder();
    byte[] previous = null;
    for (Integer dictId : order) {
      byte[] key = keys[dictId];
      if (previous != null && Arrays.equals(previous, key)) {
        throw new IllegalArgumentException("Column[" + column + "] has two dictionary values with the same UTF-8 "
            + "bytes; no FST index can be built");
      }
      compiler.add(Util.toIntsRef(new BytesRef(key), scratch), (long) dictId);
      previous = key;
    }
    return FST.fromFSTReader(compiler.compile(), compiler.getFSTReader());
  }
}
