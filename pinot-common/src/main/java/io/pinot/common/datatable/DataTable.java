// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.datatable;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/// A block of result rows with metadata and exceptions, in Apache Pinot's DataTable version 4 format:
/// the payload a server returns to a broker (and, later, over the gRPC API to Trino and Presto).
///
/// Rows are stored as Pinot stores them: a fixed-width row-major section (4 bytes for INT, FLOAT and
/// STRING dictionary ids, 8 bytes for LONG and DOUBLE, an `(int32 offset, int32 length)` pair into the
/// variable section for everything else) and one string dictionary shared by all STRING cells. The byte
/// layout is documented on [DataTableCodec]. Build one with [DataTableBuilder], decode one with
/// [#fromBytes(byte[])]. Immutable and thread-safe.
public final class DataTable {
  /// The only format version written and read.
  public static final int VERSION = 4;

  private final int numRows;
  private final @Nullable DataSchema dataSchema;
  private final String[] dictionary;
  private final ByteBuffer fixed;
  private final ByteBuffer variable;
  private final int[] columnOffsets;
  private final int rowSize;
  private final @Nullable ImmutableRoaringBitmap[] nullRowIds;
  private final Map<String, String> metadata;
  private final Map<Integer, String> exceptions;

  DataTable(int numRows, @Nullable DataSchema dataSchema, String[] dictionary, byte[] fixed, byte[] variable,
      Map<String, String> metadata, Map<Integer, String> exceptions) {
    this.numRows = numRows;
    this.dataSchema = dataSchema;
    this.dictionary = requireNonNull(dictionary, "dictionary is null");
    this.fixed = ByteBuffer.wrap(fixed);
    this.variable = ByteBuffer.wrap(variable);
    this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    this.exceptions = Collections.unmodifiableMap(new LinkedHashMap<>(exceptions));
    int numColumns = dataSchema == null ? 0 : dataSchema.size();
    this.columnOffsets = new int[numColumns];
    int offset = 0;
    for (int i = 0; i < numColumns; i++) {
      columnOffsets[i] = offset;
      offset += dataSchema.columnDataType(i).fixedWidth();
    }
    this.rowSize = offset;
    this.nullRowIds = readNullRowIds(numColumns);
  }

  private @Nullable ImmutableRoaringBitmap[] readNullRowIds(int numColumns) {
    int tail = numRows * rowSize;
    if (fixed.capacity() < tail + numColumns * 8 || numColumns == 0) {
      return null;
    }
    ImmutableRoaringBitmap[] bitmaps = new ImmutableRoaringBitmap[numColumns];
    for (int c = 0; c < numColumns; c++) {
      int position = fixed.getInt(tail + c * 8);
      int length = fixed.getInt(tail + c * 8 + 4);
      if (length > 0) {
        bitmaps[c] = new ImmutableRoaringBitmap(variable.duplicate().position(position).limit(position + length)
            .slice());
      }
    }
    return bitmaps;
  }

  /// Decodes a DataTable from its version 4 bytes.
  ///
  /// @throws IllegalArgumentException when the bytes are not a well-formed version 4 DataTable
  public static DataTable fromBytes(byte[] bytes) {
    return DataTableCodec.decode(ByteBuffer.wrap(bytes));
  }

  /// Decodes a DataTable from the buffer's remaining bytes (the buffer's position is not changed).
  public static DataTable fromBytes(ByteBuffer buffer) {
    return DataTableCodec.decode(buffer.slice());
  }

  /// Encodes this DataTable in the version 4 byte layout.
  public byte[] toBytes() {
    return DataTableCodec.encode(this);
  }

  public int numRows() {
    return numRows;
  }

  /// The data schema, or null for a metadata-only table (for example one carrying only exceptions).
  public @Nullable DataSchema dataSchema() {
    return dataSchema;
  }

  /// Metadata by Pinot key name (`numDocsScanned`...), values as text, in insertion order.
  public Map<String, String> metadata() {
    return metadata;
  }

  public @Nullable String metadata(MetadataKey key) {
    return metadata.get(key.keyName());
  }

  /// A numeric metadata value, or `defaultValue` when absent.
  public long metadataAsLong(MetadataKey key, long defaultValue) {
    String value = metadata.get(key.keyName());
    return value == null ? defaultValue : Long.parseLong(value);
  }

  /// Exceptions by error code (Pinot keeps one message per code), in insertion order.
  public Map<Integer, String> exceptions() {
    return exceptions;
  }

  public int getInt(int row, int column) {
    return fixed.getInt(fixedOffset(row, column));
  }

  public long getLong(int row, int column) {
    return fixed.getLong(fixedOffset(row, column));
  }

  public float getFloat(int row, int column) {
    return fixed.getFloat(fixedOffset(row, column));
  }

  public double getDouble(int row, int column) {
    return fixed.getDouble(fixedOffset(row, column));
  }

  public String getString(int row, int column) {
    return dictionary[fixed.getInt(fixedOffset(row, column))];
  }

  public byte[] getBytes(int row, int column) {
    int offset = fixedOffset(row, column);
    byte[] bytes = new byte[fixed.getInt(offset + 4)];
    variable.get(fixed.getInt(offset), bytes);
    return bytes;
  }

  /// A BIG_DECIMAL cell: a 2-byte big-endian scale followed by the two's-complement unscaled value.
  public BigDecimal getBigDecimal(int row, int column) {
    byte[] bytes = getBytes(row, column);
    int scale = (short) (((bytes[0] & 0xFF) << 8) | (bytes[1] & 0xFF));
    byte[] unscaled = new byte[bytes.length - 2];
    System.arraycopy(bytes, 2, unscaled, 0, unscaled.length);
    return new BigDecimal(new BigInteger(unscaled), scale);
  }

  public int[] getIntArray(int row, int column) {
    int offset = fixedOffset(row, column);
    int position = fixed.getInt(offset);
    int[] values = new int[fixed.getInt(offset + 4)];
    for (int i = 0; i < values.length; i++) {
      values[i] = variable.getInt(position + 4 * i);
    }
    return values;
  }

  public long[] getLongArray(int row, int column) {
    int offset = fixedOffset(row, column);
    int position = fixed.getInt(offset);
    long[] values = new long[fixed.getInt(offset + 4)];
    for (int i = 0; i < values.length; i++) {
      values[i] = variable.getLong(position + 8 * i);
    }
    return values;
  }

  public float[] getFloatArray(int row, int column) {
    int offset = fixedOffset(row, column);
    int position = fixed.getInt(offset);
    float[] values = new float[fixed.getInt(offset + 4)];
    for (int i = 0; i < values.length; i++) {
      values[i] = variable.getFloat(position + 4 * i);
    }
    return values;
  }

  public double[] getDoubleArray(int row, int column) {
    int offset = fixedOffset(row, column);
    int position = fixed.getInt(offset);
    double[] values = new double[fixed.getInt(offset + 4)];
    for (int i = 0; i < values.length; i++) {
      values[i] = variable.getDouble(position + 8 * i);
    }
    return values;
  }

  public String[] getStringArray(int row, int column) {
    int offset = fixedOffset(row, column);
    int position = fixed.getInt(offset);
    String[] values = new String[fixed.getInt(offset + 4)];
    for (int i = 0; i < values.length; i++) {
      values[i] = dictionary[variable.getInt(position + 4 * i)];
    }
    return values;
  }

  public byte[][] getBytesArray(int row, int column) {
    int offset = fixedOffset(row, column);
    int position = fixed.getInt(offset);
    byte[][] values = new byte[fixed.getInt(offset + 4)][];
    for (int i = 0; i < values.length; i++) {
      int length = variable.getInt(position);
      values[i] = new byte[length];
      variable.get(position + 4, values[i]);
      position += 4 + length;
    }
    return values;
  }

  /// An OBJECT cell, or null when the writer stored a null object.
  public @Nullable CustomObject getCustomObject(int row, int column) {
    int offset = fixedOffset(row, column);
    int position = fixed.getInt(offset);
    int length = fixed.getInt(offset + 4);
    int type = variable.getInt(position);
    if (length == 0 && type == CustomObject.NULL_TYPE) {
      return null;
    }
    byte[] bytes = new byte[length];
    variable.get(position + 4, bytes);
    return new CustomObject(type, bytes);
  }

  /// The rows whose cell in `column` is null, or null when the table records no nulls for the column (Pinot's
  /// optional null bitmaps: `numColumns x (int32 offset, int32 length)` after the rows of the fixed section, each a
  /// portable RoaringBitmap in the variable section; absent when the fixed section ends with the rows).
  public @Nullable ImmutableRoaringBitmap nullRowIds(int column) {
    return nullRowIds == null ? null : nullRowIds[column];
  }

  /// Whether the cell is null per the table's null bitmaps (see [#nullRowIds]).
  public boolean isNull(int row, int column) {
    ImmutableRoaringBitmap nulls = nullRowIds(column);
    return nulls != null && nulls.contains(row);
  }

  /// The cell as its stored Java value (see [ColumnDataType]), or null for a null cell; boxed, so not for hot loops.
  public @Nullable Object getValue(int row, int column) {
    if (isNull(row, column)) {
      return null;
    }
    ColumnDataType type = requireNonNull(dataSchema, "no data schema").columnDataType(column);
    return switch (type.storedType()) {
      case INT -> getInt(row, column);
      case LONG -> getLong(row, column);
      case FLOAT -> getFloat(row, column);
      case DOUBLE -> getDouble(row, column);
      case BIG_DECIMAL -> getBigDecimal(row, column);
      case STRING -> getString(row, column);
      case BYTES -> getBytes(row, column);
      case INT_ARRAY -> getIntArray(row, column);
      case LONG_ARRAY -> getLongArray(row, column);
      case FLOAT_ARRAY -> getFloatArray(row, column);
      case DOUBLE_ARRAY -> getDoubleArray(row, column);
      case STRING_ARRAY -> getStringArray(row, column);
      case BYTES_ARRAY -> getBytesArray(row, column);
      case OBJECT, UNKNOWN -> getCustomObject(row, column);
      default -> throw new IllegalStateException("Cannot read a " + type + " cell");
    };
  }

  String[] dictionary() {
    return dictionary;
  }

  ByteBuffer fixedSection() {
    return fixed;
  }

  ByteBuffer variableSection() {
    return variable;
  }

  int rowSize() {
    return rowSize;
  }

  private int fixedOffset(int row, int column) {
    return row * rowSize + columnOffsets[column];
  }
}
