// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.lucene;

import io.pinot.segment.memory.DataBuffer;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.store.ByteBuffersDataInput;
import org.apache.lucene.store.ByteBuffersIndexInput;
import org.apache.lucene.store.IndexInput;

/// Lucene [IndexInput]s over slices of a memory-mapped segment buffer, without copying: the slice is exposed as
/// little-endian [ByteBuffer] views of 1 GiB pages (Lucene's buffer input wants equal power-of-two pages), so
/// inputs over 2 GB work. Stateless utilities.
public final class BufferIndexInputs {
  private static final int PAGE_BITS = 30;

  private BufferIndexInputs() {
  }

  /// An input reading `length` bytes of `buffer` from `offset`.
  public static IndexInput open(DataBuffer buffer, long offset, long length, String description) {
    List<ByteBuffer> pages = new ArrayList<>();
    long pageSize = 1L << PAGE_BITS;
    for (long start = 0; start < length; start += pageSize) {
      pages.add(buffer.asByteBuffer(offset + start, Math.min(pageSize, length - start)));
    }
    if (pages.isEmpty()) {
      pages.add(ByteBuffer.allocate(0));
    }
    return new ByteBuffersIndexInput(new ByteBuffersDataInput(pages), description);
  }
}
