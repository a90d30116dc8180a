// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.dictionary;

import io.pinot.segment.format.IndexType;
import io.pinot.segment.format.PackedInts;
import io.pinot.segment.format.SegmentFileWriter;
import io.pinot.segment.format.SegmentFormat;
import io.pinot.segment.memory.DataBuffer;
import io.pinot.segment.spi.Dictionary;
import io.pinot.spi.data.DataType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/// Writes and opens dictionary buffers.
///
/// On-disk contract (little-endian): `DFIX` buffers (INT, LONG, FLOAT, DOUBLE) are `tag, int32 version,
/// int32 storedTypeCode, int32 cardinality` followed by the sorted values at their natural width; `DFOR` buffers
/// (INT, LONG, when it takes at most 3/4 of the `DFIX` size) have the same 16-byte header, then `int32 bitsPerValue,
/// int32 blockShift`, `int64 blockBases[(cardinality + 2^blockShift - 1) >> blockShift]` (the first value of each
/// block of `2^blockShift` = 64 values) and, as [PackedInts], each value minus its block's base (sorted values make
/// these small: dense ids or timestamps need a few bits where the plain value takes 64); `DVAR` buffers
/// (BIG_DECIMAL, STRING, BYTES) have the same 16-byte header followed by `int32 offsets[cardinality+1]` relative
/// to the data area and the concatenated value bytes (UTF-8 for STRING). Stateless utilities.
public final class Dictionaries {
  private static final int HEADER_SIZE = 16;
  private static final int FOR_HEADER_SIZE = 24;
  /// `DFOR` blocks hold 2^6 = 64 values.
  private static final int BLOCK_SHIFT = 6;

  private Dictionaries() {
  }

  /// Opens the dictionary stored in `buffer` (a view of exactly one dictionary buffer).
  public static Dictionary open(DataBuffer buffer) {
    int tag = buffer.getInt(0);
    int version = buffer.getInt(4);
    if (version != SegmentFormat.INDEX_VERSION) {
      throw new IllegalStateException("Unsupported dictionary version " + version);
    }
    DataType type = SegmentFormat.typeOf(buffer.getInt(8));
    int cardinality = buffer.getInt(12);
    if (cardinality < 0) {
      throw new IllegalStateException("Negative dictionary cardinality " + cardinality);
    }
    if (tag == SegmentFormat.tagValue(SegmentFormat.TAG_DICTIONARY_FIXED)) {
      if (HEADER_SIZE + (long) cardinality * type.size() > buffer.size()) {
        throw new IllegalStateException("Dictionary of " + cardinality + " values runs past its buffer");
      }
      return switch (type) {
        case INT -> new IntDictionary(buffer, HEADER_SIZE, cardinality);
        case LONG -> new LongDictionary(buffer, HEADER_SIZE, cardinality);
        case FLOAT -> new FloatDictionary(buffer, HEADER_SIZE, cardinality);
        case DOUBLE -> new DoubleDictionary(buffer, HEADER_SIZE, cardinality);
        default -> throw new IllegalStateException("Fixed-width dictionary of type " + type);
      };
    }
    if (tag == SegmentFormat.tagValue(SegmentFormat.TAG_DICTIONARY_FOR)) {
      int bits = buffer.getInt(HEADER_SIZE);
      int blockShift = buffer.getInt(HEADER_SIZE + 4);
      if (blockShift < 0 || blockShift > 30) {
        throw new IllegalStateException("Invalid dictionary block shift " + blockShift);
      }
      long packedOffset = FOR_HEADER_SIZE + 8L * numBlocks(cardinality, blockShift);
      PackedInts packed = new PackedInts(buffer, packedOffset, cardinality, bits);
      return switch (type) {
        case INT -> new IntDictionary(buffer, FOR_HEADER_SIZE, blockShift, packed);
        case LONG -> new LongDictionary(buffer, FOR_HEADER_SIZE, blockShift, packed);
        default -> throw new IllegalStateException("Packed dictionary of type " + type);
      };
    }
    if (tag == SegmentFormat.tagValue(SegmentFormat.TAG_DICTIONARY_VAR)) {
      VarLengthValues values = new VarLengthValues(buffer, HEADER_SIZE, cardinality);
      return switch (type) {
        case STRING -> new StringDictionary(values);
        case BYTES -> new BytesDictionary(values);
        case BIG_DECIMAL -> new BigDecimalDictionary(values);
        default -> throw new IllegalStateException("Variable-width dictionary of type " + type);
      };
    }
    throw new IllegalStateException("Not a dictionary buffer (tag " + Integer.toHexString(tag) + ")");
  }

  /// Opens a dictionary buffer built by one of the `build*` methods (a heap copy, for index writers that need the
  /// sorted distinct values of a column being written).
  public static Dictionary open(byte[] buffer) {
    return open(DataBuffer.wrap(buffer));
  }

  /// Writes a dictionary buffer built by one of the `build*` methods as the column's dictionary.
  public static void write(SegmentFileWriter out, String column, byte[] buffer) throws IOException {
    out.beginIndex(column, IndexType.DICTIONARY);
    out.writeBytes(buffer);
    out.endIndex();
  }

  /// The buffer of sorted INT values: `DFOR` when it takes at most 3/4 of the `DFIX` size, else `DFIX`.
  public static byte[] buildInts(int[] sortedValues, int cardinality) {
    long[] values = new long[cardinality];
    for (int i = 0; i < cardinality; i++) {
      values[i] = sortedValues[i];
    }
    byte[] packed = buildPacked(DataType.INT, values);
    if (packed != null) {
      return packed;
    }
    ByteBuffer buffer = fixedHeader(DataType.INT, cardinality);
    buffer.asIntBuffer().put(sortedValues, 0, cardinality);
    return buffer.array();
  }

  /// The buffer of sorted LONG values: `DFOR` when it takes at most 3/4 of the `DFIX` size, else `DFIX`.
  public static byte[] buildLongs(long[] sortedValues, int cardinality) {
    byte[] packed = buildPacked(DataType.LONG, cardinality == sortedValues.length ? sortedValues
        : Arrays.copyOf(sortedValues, cardinality));
    if (packed != null) {
      return packed;
    }
    ByteBuffer buffer = fixedHeader(DataType.LONG, cardinality);
    buffer.asLongBuffer().put(sortedValues, 0, cardinality);
    return buffer.array();
  }

  private static int numBlocks(int cardinality, int blockShift) {
    return (int) (((long) cardinality + (1L << blockShift) - 1) >>> blockShift);
  }

  /// The `DFOR` buffer of ascending values, or null when it would not be at most 3/4 of the `DFIX` size (or a
  /// block spans 2^32 or more).
  private static byte @Nullable [] buildPacked(DataType type, long[] values) {
    int cardinality = values.length;
    if (cardinality < 2) {
      return null;
    }
    int numBlocks = numBlocks(cardinality, BLOCK_SHIFT);
    long maxSpan = 0;
    for (int block = 0; block < numBlocks; block++) {
      int first = block << BLOCK_SHIFT;
      int last = Math.min(cardinality, first + (1 << BLOCK_SHIFT)) - 1;
      long span = values[last] - values[first];
      if (span < 0 || span > 0xFFFFFFFFL) {
        return null;
      }
      maxSpan = Math.max(maxSpan, span);
    }
    int bits = PackedInts.bitsNeeded(maxSpan);
    long size = FOR_HEADER_SIZE + 8L * numBlocks + PackedInts.packedSize(cardinality, bits);
    if (size * 4 > 3 * (HEADER_SIZE + (long) cardinality * type.size())) {
      return null;
    }
    ByteBuffer buffer = header(SegmentFormat.TAG_DICTIONARY_FOR, type, cardinality, (int) size);
    buffer.putInt(bits);
    buffer.putInt(BLOCK_SHIFT);
    for (int block = 0; block < numBlocks; block++) {
      buffer.putLong(values[block << BLOCK_SHIFT]);
    }
    long word = 0;
    int used = 0;
    for (int i = 0; i < cardinality; i++) {
      long offset = values[i] - values[i >>> BLOCK_SHIFT << BLOCK_SHIFT];
      word |= offset << used;
      used += bits;
      if (used >= 64) {
        buffer.putLong(word);
        used -= 64;
        word = used == 0 ? 0 : offset >>> (bits - used);
      }
    }
    if (used > 0) {
      buffer.putLong(word);
    }
    buffer.putLong(0);
    return buffer.array();
  }

  public static byte[] buildFloats(float[] sortedValues, int cardinality) {
    ByteBuffer buffer = fixedHeader(DataType.FLOAT, cardinality);
    buffer.asFloatBuffer().put(sortedValues, 0, cardinality);
    return buffer.array();
  }

  public static byte[] buildDoubles(double[] sortedValues, int cardinality) {
    ByteBuffer buffer = fixedHeader(DataType.DOUBLE, cardinality);
    buffer.asDoubleBuffer().put(sortedValues, 0, cardinality);
    return buffer.array();
  }

  /// The `DVAR` buffer of already encoded, sorted values.
  ///
  /// @throws IllegalArgumentException when the buffer would reach 2 GiB
  public static byte[] buildVariable(DataType storedType, byte[][] sortedValues, int cardinality) {
    long total = HEADER_SIZE + 4L * (cardinality + 1);
    for (int i = 0; i < cardinality; i++) {
      total += sortedValues[i].length;
    }
    if (total > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("Dictionary of " + cardinality + " values exceeds 2 GiB");
    }
    ByteBuffer buffer = header(SegmentFormat.TAG_DICTIONARY_VAR, storedType, cardinality, (int) total);
    int offset = 0;
    buffer.putInt(0);
    for (int i = 0; i < cardinality; i++) {
      offset += sortedValues[i].length;
      buffer.putInt(offset);
    }
    for (int i = 0; i < cardinality; i++) {
      buffer.put(sortedValues[i]);
    }
    return buffer.array();
  }

  public static void writeInts(SegmentFileWriter out, String column, int[] sortedValues, int cardinality)
      throws IOException {
    write(out, column, buildInts(sortedValues, cardinality));
  }

  public static void writeLongs(SegmentFileWriter out, String column, long[] sortedValues, int cardinality)
      throws IOException {
    write(out, column, buildLongs(sortedValues, cardinality));
  }

  public static void writeFloats(SegmentFileWriter out, String column, float[] sortedValues, int cardinality)
      throws IOException {
    write(out, column, buildFloats(sortedValues, cardinality));
  }

  public static void writeDoubles(SegmentFileWriter out, String column, double[] sortedValues, int cardinality)
      throws IOException {
    write(out, column, buildDoubles(sortedValues, cardinality));
  }

  /// Writes a `DVAR` dictionary of already encoded, sorted values.
  ///
  /// @throws IllegalArgumentException when the values add up to 2 GiB or more
  public static void writeVariable(SegmentFileWriter out, String column, DataType storedType, byte[][] sortedValues,
      int cardinality) throws IOException {
    write(out, column, buildVariable(storedType, sortedValues, cardinality));
  }

  private static ByteBuffer fixedHeader(DataType type, int cardinality) {
    long size = HEADER_SIZE + (long) cardinality * type.size();
    if (size > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("Dictionary of " + cardinality + " values exceeds 2 GiB");
    }
    ByteBuffer buffer = header(SegmentFormat.TAG_DICTIONARY_FIXED, type, cardinality, (int) size);
    return buffer.slice(HEADER_SIZE, (int) size - HEADER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static ByteBuffer header(String tag, DataType type, int cardinality, int size) {
    ByteBuffer buffer = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    buffer.put(tag.getBytes(StandardCharsets.US_ASCII));
    buffer.putInt(SegmentFormat.INDEX_VERSION);
    buffer.putInt(SegmentFormat.typeCode(type));
    buffer.putInt(cardinality);
    return buffer;
  }
}
