// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.mutable;

import java.util.Arrays;
import org.roaringbitmap.buffer.MappeableContainer;
import org.roaringbitmap.buffer.MutableRoaringArray;
import org.roaringbitmap.buffer.MutableRoaringBitmap;

/// The documents of one posting list (one dictionary id of an inverted index, or a column's null documents),
/// appended in increasing doc-id order by one writer and read as RoaringBitmaps by any number of readers without
/// locks.
///
/// A RoaringBitmap is a sorted list of containers, one per block of 2^16 doc ids (the high 16 bits are the
/// container's key). Because documents only ever arrive in increasing order, every block before the current one
/// is final: when the first document of a new block arrives, the current block is **frozen** into a
/// run-optimized container that is never modified again, and a new [Postings] object holding the frozen
/// containers is published (release store by [MutableInvertedIndex]). The current ("active") block keeps its
/// doc ids in a plain `int[]` that the writer appends to in place; when it is full, the writer copies it into a
/// larger array and publishes a new [Postings] object.
///
/// A reader with a snapshot of `numDocs` documents builds a fresh [MutableRoaringBitmap] ([#toBitmap]) that
/// **shares** the frozen containers of blocks wholly below `numDocs` (no copy), clips the block holding `numDocs`
/// if a newer object was published meanwhile, and adds the active doc ids below `numDocs`. The active array may be
/// appended concurrently; the reader stops at the first entry that is not greater than the previous one (a slot
/// not yet written reads 0) or not below `numDocs`. Every entry below `numDocs` was written before the segment
/// published `numDocs`, so it is visible, and entries are increasing, so they form a prefix of the array.
///
/// Thread-safety: fields are final except the writer-only `count`; the frozen containers are immutable after
/// publication; bitmaps handed to readers must be treated as immutable (they share containers).
final class Postings {
  private static final int INITIAL_ACTIVE = 4;
  private static final int BLOCK_SIZE = 1 << 16;

  private final char[] frozenKeys;
  private final MappeableContainer[] frozen;
  private final int activeKey;
  private final int[] active;
  private final long frozenBytes;
  /// Entries of `active` written so far (writer only).
  private int count;

  private Postings(char[] frozenKeys, MappeableContainer[] frozen, long frozenBytes, int activeKey, int[] active,
      int count) {
    this.frozenKeys = frozenKeys;
    this.frozen = frozen;
    this.frozenBytes = frozenBytes;
    this.activeKey = activeKey;
    this.active = active;
    this.count = count;
  }

  /// A posting list holding one document.
  static Postings of(int docId) {
    int[] active = new int[INITIAL_ACTIVE];
    active[0] = docId;
    return new Postings(new char[0], new MappeableContainer[0], 0, docId >>> 16, active, 1);
  }

  /// Writer: appends `docId` (not below the last one; a repeat of the last one is ignored) and returns the object
  /// now holding the list: this one, or a new one to publish.
  Postings add(int docId) {
    if (active[count - 1] == docId) {
      return this;
    }
    int key = docId >>> 16;
    if (key != activeKey) {
      char[] keys = Arrays.copyOf(frozenKeys, frozenKeys.length + 1);
      MappeableContainer[] containers = Arrays.copyOf(frozen, frozen.length + 1);
      keys[frozenKeys.length] = (char) activeKey;
      MappeableContainer block = freeze(active, count);
      containers[frozen.length] = block;
      int[] next = new int[INITIAL_ACTIVE];
      next[0] = docId;
      return new Postings(keys, containers, frozenBytes + 16 + block.getSizeInBytes(), key, next, 1);
    }
    if (count == active.length) {
      int[] bigger = Arrays.copyOf(active, Math.min(BLOCK_SIZE, active.length * 2));
      bigger[count] = docId;
      return new Postings(frozenKeys, frozen, frozenBytes, activeKey, bigger, count + 1);
    }
    active[count++] = docId;
    return this;
  }

  private static MappeableContainer freeze(int[] docIds, int count) {
    MutableRoaringBitmap block = new MutableRoaringBitmap();
    block.addN(docIds, 0, count);
    block.runOptimize();
    return block.getMappeableRoaringArray().getContainerAtIndex(0);
  }

  /// Reader: the documents below `numDocs`, as a new bitmap sharing this list's frozen containers.
  MutableRoaringBitmap toBitmap(int numDocs) {
    int limitKey = numDocs >>> 16;
    int limitLow = numDocs & 0xFFFF;
    MutableRoaringArray containers = new MutableRoaringArray(frozen.length + 1);
    for (int i = 0; i < frozen.length; i++) {
      int key = frozenKeys[i];
      if (key < limitKey) {
        containers.append((char) key, frozen[i]);
        continue;
      }
      if (key == limitKey && limitLow > 0) {
        MappeableContainer clipped = frozen[i].remove(limitLow, BLOCK_SIZE);
        if (!clipped.isEmpty()) {
          containers.append((char) key, clipped);
        }
      }
      break;
    }
    MutableRoaringBitmap bitmap = new MutableRoaringBitmap(containers);
    if (activeKey <= limitKey) {
      int[] docIds = active;
      int previous = -1;
      int n = 0;
      while (n < docIds.length) {
        int docId = docIds[n];
        if (docId <= previous || docId >= numDocs) {
          break;
        }
        previous = docId;
        n++;
      }
      // The active block's key is above every frozen key, so this adds a new container (shared ones stay intact).
      bitmap.addN(docIds, 0, n);
    }
    return bitmap;
  }

  /// Approximate heap bytes.
  long memoryBytes() {
    return 64L + 4L * active.length + frozenBytes;
  }
}
