// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.mutable;

import java.util.Arrays;

/// A growable array of object references (the values of a STRING, BYTES or BIG_DECIMAL dictionary) stored in
/// fixed-size chunks of `2^shift` elements; growing never copies the references already written.
///
/// Thread-safety: as [IntChunks]: one writer, readers that only read indexes published to them through a
/// happens-before edge. The values stored must be immutable (or never modified after [#set]).
final class ObjectChunks {
  private final int shift;
  private final int mask;
  private volatile Object[][] chunks;
  private Object[][] writerChunks;
  private int numChunks;

  ObjectChunks(int shift) {
    this.shift = shift;
    this.mask = (1 << shift) - 1;
    this.writerChunks = new Object[4][];
    this.chunks = writerChunks;
  }

  /// Writes `value` at `index`, allocating the chunk when needed. Writer thread only.
  void set(int index, Object value) {
    int chunk = index >>> shift;
    Object[][] directory = writerChunks;
    if (chunk >= numChunks) {
      directory = allocate(chunk);
    }
    directory[chunk][index & mask] = value;
  }

  /// The value at `index` as seen by the writer thread.
  Object writerGet(int index) {
    return writerChunks[index >>> shift][index & mask];
  }

  private Object[][] allocate(int chunk) {
    Object[][] directory = writerChunks;
    if (chunk >= directory.length) {
      directory = Arrays.copyOf(directory, Math.max(directory.length * 2, chunk + 1));
    }
    while (numChunks <= chunk) {
      directory[numChunks++] = new Object[1 << shift];
    }
    writerChunks = directory;
    chunks = directory;
    return directory;
  }

  Object get(int index) {
    return chunks[index >>> shift][index & mask];
  }

  /// The chunk directory as published to readers: value `i` is `directory()[i >>> shift()][i & mask()]`.
  Object[][] directory() {
    return chunks;
  }

  int shift() {
    return shift;
  }

  int mask() {
    return mask;
  }

  /// Bytes of the reference arrays (not of the objects they point to).
  long allocatedBytes() {
    return (long) numChunks << shift << 3;
  }
}
