// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.dictionary;

import io.pinot.segment.format.IndexType;
import io.pinot.segment.format.SegmentFileWriter;
import io.pinot.segment.format.SegmentFormat;
import io.pinot.segment.memory.DataBuffer;
import io.pinot.segment.spi.Dictionary;
import io.pinot.spi.data.DataType;
import java.io.IOException;

/// Writes and opens dictionary buffers.
///
/// On-disk contract (little-endian): `DFIX` buffers (INT, LONG, FLOAT, DOUBLE) are `tag, int32 version,
/// int32 storedTypeCode, int32 cardinality` followed by the sorted values at their natural width; `DVAR`
/// buffers (BIG_DECIMAL, STRING, BYTES) have the same 16-byte header followed by `int32 offsets[cardinality+1]`
/// relative to the data area and the concatenated value bytes (UTF-8 for STRING). Stateless utilities.
public final class Dictionaries {
  private static final int HEADER_SIZE = 16;

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

  public static void writeInts(SegmentFileWriter out, String column, int[] sortedValues, int cardinality)
      throws IOException {
    beginFixed(out, column, DataType.INT, cardinality);
    for (int i = 0; i < cardinality; i++) {
      out.writeInt(sortedValues[i]);
    }
    out.endIndex();
  }

  public static void writeLongs(SegmentFileWriter out, String column, long[] sortedValues, int cardinality)
      throws IOException {
    beginFixed(out, column, DataType.LONG, cardinality);
    for (int i = 0; i < cardinality; i++) {
      out.writeLong(sortedValues[i]);
    }
    out.endIndex();
  }

  public static void writeFloats(SegmentFileWriter out, String column, float[] sortedValues, int cardinality)
      throws IOException {
    beginFixed(out, column, DataType.FLOAT, cardinality);
    for (int i = 0; i < cardinality; i++) {
      out.writeFloat(sortedValues[i]);
    }
    out.endIndex();
  }

  public static void writeDoubles(SegmentFileWriter out, String column, double[] sortedValues, int cardinality)
      throws IOException {
    beginFixed(out, column, DataType.DOUBLE, cardinality);
    for (int i = 0; i < cardinality; i++) {
      out.writeDouble(sortedValues[i]);
    }
    out.endIndex();
  }

  /// Writes a `DVAR` dictionary of already encoded, sorted values.
  ///
  /// @throws IllegalArgumentException when the values add up to 2 GiB or more
  public static void writeVariable(SegmentFileWriter out, String column, DataType storedType, byte[][] sortedValues,
      int cardinality) throws IOException {
    long total = 0;
    for (int i = 0; i < cardinality; i++) {
      total += sortedValues[i].length;
    }
    if (total > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("Dictionary of column[" + column + "] exceeds 2 GiB");
    }
    out.beginIndex(column, IndexType.DICTIONARY, SegmentFormat.TAG_DICTIONARY_VAR);
    out.writeInt(SegmentFormat.typeCode(storedType));
    out.writeInt(cardinality);
    int offset = 0;
    out.writeInt(0);
    for (int i = 0; i < cardinality; i++) {
      offset += sortedValues[i].length;
      out.writeInt(offset);
    }
    for (int i = 0; i < cardinality; i++) {
      out.writeBytes(sortedValues[i]);
    }
    out.endIndex();
  }

  private static void beginFixed(SegmentFileWriter out, String column, DataType type, int cardinality)
      throws IOException {
    out.beginIndex(column, IndexType.DICTIONARY, SegmentFormat.TAG_DICTIONARY_FIXED);
    out.writeInt(SegmentFormat.typeCode(type));
    out.writeInt(cardinality);
  }
}
