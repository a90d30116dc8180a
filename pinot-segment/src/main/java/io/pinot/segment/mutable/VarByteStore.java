// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.mutable;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/// The values of a raw STRING, BYTES or BIG_DECIMAL column of a mutable segment as bytes (UTF-8 for strings) in
/// fixed-size byte chunks, with per document the address of its value (`chunk << 32 | offset`) and its length. A
/// value never spans chunks: one that does not fit the rest of the current chunk starts a new one, and one larger
/// than a chunk gets a chunk of its own. Strings are encoded into the chunk without an intermediate array.
///
/// Thread-safety: one writer ([#addString], [#addBytes]); readers read documents published to them. The chunk
/// directory is published through a volatile field; chunk contents, addresses and lengths of a document are written
/// before the segment publishes it.
final class VarByteStore {
  private final int chunkSize;
  private final LongChunks addresses;
  private final IntChunks lengths;
  private volatile byte[][] chunks = new byte[4][];
  private byte[][] writerChunks = chunks;
  private int numChunks;
  private int position;
  private long allocated;

  VarByteStore(int docShift, int chunkSize) {
    this.chunkSize = chunkSize;
    this.addresses = new LongChunks(docShift);
    this.lengths = new IntChunks(docShift);
  }

  /// Writer: stores a string's UTF-8 bytes (the string has no lone surrogates) as document `docId`.
  void addString(int docId, String text) {
    int length = utf8Length(text);
    long address = reserve(length);
    byte[] chunk = writerChunks[(int) (address >>> 32)];
    int at = (int) address;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        chunk[at++] = (byte) c;
      } else if (c < 0x800) {
        chunk[at++] = (byte) (0xC0 | c >> 6);
        chunk[at++] = (byte) (0x80 | c & 0x3F);
      } else if (Character.isHighSurrogate(c)) {
        int codePoint = Character.toCodePoint(c, text.charAt(++i));
        chunk[at++] = (byte) (0xF0 | codePoint >> 18);
        chunk[at++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
        chunk[at++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
        chunk[at++] = (byte) (0x80 | codePoint & 0x3F);
      } else {
        chunk[at++] = (byte) (0xE0 | c >> 12);
        chunk[at++] = (byte) (0x80 | c >> 6 & 0x3F);
        chunk[at++] = (byte) (0x80 | c & 0x3F);
      }
    }
    addresses.set(docId, address);
    lengths.set(docId, length);
  }

  /// Writer: stores raw bytes as document `docId`.
  void addBytes(int docId, byte[] bytes) {
    long address = reserve(bytes.length);
    System.arraycopy(bytes, 0, writerChunks[(int) (address >>> 32)], (int) address, bytes.length);
    addresses.set(docId, address);
    lengths.set(docId, bytes.length);
  }

  private static int utf8Length(String text) {
    int length = text.length();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x80) {
        length += c < 0x800 || Character.isSurrogate(c) ? 1 : 2;
      }
    }
    return length;
  }

  /// The address of `length` free bytes in one chunk.
  private long reserve(int length) {
    if (numChunks == 0 || position + length > writerChunks[numChunks - 1].length) {
      newChunk(Math.max(chunkSize, length));
    }
    long address = (long) (numChunks - 1) << 32 | position;
    position += length;
    return address;
  }

  private void newChunk(int size) {
    byte[][] directory = writerChunks;
    if (numChunks == directory.length) {
      directory = Arrays.copyOf(directory, directory.length * 2);
    }
    directory[numChunks++] = new byte[size];
    allocated += size;
    position = 0;
    writerChunks = directory;
    chunks = directory;
  }

  /// Reader: the stored bytes of a document (a new array).
  byte[] bytes(int docId) {
    long address = addresses.get(docId);
    int offset = (int) address;
    return Arrays.copyOfRange(chunks[(int) (address >>> 32)], offset, offset + lengths.get(docId));
  }

  /// Reader: a STRING document's value.
  String string(int docId) {
    long address = addresses.get(docId);
    return new String(chunks[(int) (address >>> 32)], (int) address, lengths.get(docId), StandardCharsets.UTF_8);
  }

  /// Reader: compares the bytes of two documents as unsigned bytes (the order of BYTES values).
  int compareBytes(int a, int b) {
    long addressA = addresses.get(a);
    long addressB = addresses.get(b);
    byte[][] directory = chunks;
    int offsetA = (int) addressA;
    int offsetB = (int) addressB;
    return Arrays.compareUnsigned(directory[(int) (addressA >>> 32)], offsetA, offsetA + lengths.get(a),
        directory[(int) (addressB >>> 32)], offsetB, offsetB + lengths.get(b));
  }

  long memoryBytes() {
    return allocated + addresses.allocatedBytes() + lengths.allocatedBytes();
  }
}
