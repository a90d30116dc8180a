// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.mutable;

import java.util.Arrays;

/// A growable `int` array stored in fixed-size chunks of `2^shift` elements: growing allocates one new chunk and
/// copies only the small chunk directory, never the values already written.
///
/// Thread-safety: one writer ([#set]) and any number of readers. A reader may read an index only after a
/// happens-before edge with the write of that index (in a mutable segment: the volatile publication of
/// `numDocs` that follows it). The directory is published through a volatile field, so a reader always sees a
/// directory at least as new as the one holding the chunks it may read.
final class IntChunks {
  private final int shift;
  private final int mask;
  private volatile int[][] chunks;
  private int[][] writerChunks;
  private int numChunks;

  IntChunks(int shift) {
    this.shift = shift;
    this.mask = (1 << shift) - 1;
    this.writerChunks = new int[4][];
    this.chunks = writerChunks;
  }

  /// Writes `value` at `index`, allocating the chunk when needed. Writer thread only.
  void set(int index, int value) {
    int chunk = index >>> shift;
    int[][] directory = writerChunks;
    if (chunk >= numChunks) {
      directory = allocate(chunk);
    }
    directory[chunk][index & mask] = value;
  }

  /// The value at `index` as seen by the writer thread.
  int writerGet(int index) {
    return writerChunks[index >>> shift][index & mask];
  }

  private int[][] allocate(int chunk) {
    int[][] directory = writerChunks;
    if (chunk >= directory.length) {
      directory = Arrays.copyOf(directory, Math.max(directory.length * 2, chunk + 1));
    }
    while (numChunks <= chunk) {
      directory[numChunks++] = new int[1 << shift];
    }
    writerChunks = directory;
    chunks = directory;
    return directory;
  }

  int get(int index) {
    return chunks[index >>> shift][index & mask];
  }

  /// Reads `count` consecutive values from `start` into `out[offset..)`.
  void readRange(int start, int count, int[] out, int offset) {
    int[][] directory = chunks;
    int position = start;
    int written = 0;
    while (written < count) {
      int inChunk = position & mask;
      int n = Math.min(count - written, (1 << shift) - inChunk);
      System.arraycopy(directory[position >>> shift], inChunk, out, offset + written, n);
      written += n;
      position += n;
    }
  }

  /// Reads the values at `length` increasing indexes into `out`, copying whole runs when they are contiguous.
  void read(int[] indexes, int length, int[] out) {
    if (length == 0) {
      return;
    }
    if (indexes[length - 1] - indexes[0] == length - 1) {
      readRange(indexes[0], length, out, 0);
      return;
    }
    int[][] directory = chunks;
    for (int i = 0; i < length; i++) {
      int index = indexes[i];
      out[i] = directory[index >>> shift][index & mask];
    }
  }

  /// The chunk directory as published to readers: value `i` is `directory()[i >>> shift()][i & mask()]`.
  int[][] directory() {
    return chunks;
  }

  int shift() {
    return shift;
  }

  int mask() {
    return mask;
  }

  long allocatedBytes() {
    return (long) numChunks << shift << 2;
  }
}
