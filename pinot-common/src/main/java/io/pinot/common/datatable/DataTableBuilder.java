// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.datatable;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.roaringbitmap.buffer.MutableRoaringBitmap;

/// Builds a [DataTable] row by row: `startRow()`, one `set*` call per column (by the column's stored
/// type), then the next `startRow()` or [#build()]. Metadata and exceptions may be added at any time.
/// Columns left unset read as zero. Not thread-safe; use one builder per result.
public final class DataTableBuilder {
  private final @Nullable DataSchema dataSchema;
  private final int[] columnOffsets;
  private final int rowSize;
  private final ByteSink fixed;
  private final ByteSink variable = new ByteSink(256);
  private final Map<String, Integer> dictionaryIds = new HashMap<>();
  private final List<String> dictionary = new ArrayList<>();
  private final Map<String, String> metadata = new LinkedHashMap<>();
  private final Map<Integer, String> exceptions = new LinkedHashMap<>();
  private @Nullable MutableRoaringBitmap[] nullRows;
  private int numRows;
  private int rowStart = -1;

  /// A builder of rows of the given schema, or of a metadata-only table when `dataSchema` is null.
  public DataTableBuilder(@Nullable DataSchema dataSchema) {
    this.dataSchema = dataSchema;
    int numColumns = dataSchema == null ? 0 : dataSchema.size();
    columnOffsets = new int[numColumns];
    int offset = 0;
    for (int i = 0; i < numColumns; i++) {
      columnOffsets[i] = offset;
      offset += dataSchema.columnDataType(i).fixedWidth();
    }
    rowSize = offset;
    fixed = new ByteSink(Math.max(64, rowSize * 16));
  }

  public void startRow() {
    if (dataSchema == null) {
      throw new IllegalStateException("A metadata-only DataTable has no rows");
    }
    rowStart = fixed.reserve(rowSize);
    numRows++;
  }

  public void setInt(int column, int value) {
    fixed.putInt(slot(column), value);
  }

  public void setLong(int column, long value) {
    fixed.putLong(slot(column), value);
  }

  public void setFloat(int column, float value) {
    fixed.putInt(slot(column), Float.floatToRawIntBits(value));
  }

  public void setDouble(int column, double value) {
    fixed.putLong(slot(column), Double.doubleToRawLongBits(value));
  }

  public void setString(int column, String value) {
    fixed.putInt(slot(column), dictionaryId(value));
  }

  public void setBytes(int column, byte[] value) {
    int slot = slot(column);
    fixed.putInt(slot, variable.size());
    fixed.putInt(slot + 4, value.length);
    variable.write(value);
  }

  /// Writes a 2-byte big-endian scale followed by the unscaled value's two's-complement bytes.
  public void setBigDecimal(int column, BigDecimal value) {
    byte[] unscaled = value.unscaledValue().toByteArray();
    byte[] bytes = new byte[unscaled.length + 2];
    bytes[0] = (byte) (value.scale() >> 8);
    bytes[1] = (byte) value.scale();
    System.arraycopy(unscaled, 0, bytes, 2, unscaled.length);
    setBytes(column, bytes);
  }

  public void setIntArray(int column, int[] values) {
    startVariable(column, values.length);
    for (int value : values) {
      variable.writeInt(value);
    }
  }

  public void setLongArray(int column, long[] values) {
    startVariable(column, values.length);
    for (long value : values) {
      variable.writeLong(value);
    }
  }

  public void setFloatArray(int column, float[] values) {
    startVariable(column, values.length);
    for (float value : values) {
      variable.writeInt(Float.floatToRawIntBits(value));
    }
  }

  public void setDoubleArray(int column, double[] values) {
    startVariable(column, values.length);
    for (double value : values) {
      variable.writeLong(Double.doubleToRawLongBits(value));
    }
  }

  public void setStringArray(int column, String[] values) {
    startVariable(column, values.length);
    for (String value : values) {
      variable.writeInt(dictionaryId(value));
    }
  }

  /// Writes n × (`int32 length`, bytes).
  public void setBytesArray(int column, byte[][] values) {
    startVariable(column, values.length);
    for (byte[] value : values) {
      variable.writeInt(value.length);
      variable.write(value);
    }
  }

  /// Writes an OBJECT cell: `int32 type` then the bytes in the variable section; null writes
  /// [CustomObject#NULL_TYPE] with length 0.
  public void setCustomObject(int column, @Nullable CustomObject value) {
    int slot = slot(column);
    fixed.putInt(slot, variable.size());
    if (value == null) {
      fixed.putInt(slot + 4, 0);
      variable.writeInt(CustomObject.NULL_TYPE);
    } else {
      fixed.putInt(slot + 4, value.bytes().length);
      variable.writeInt(value.type());
      variable.write(value.bytes());
    }
  }

  /// Writes a null cell: the type's placeholder (zero, an empty string, array or byte string, a null object) and the
  /// row in the column's null bitmap, which [#build] appends as Pinot does (see [DataTable#nullRowIds]).
  public void setNull(int column) {
    ColumnDataType type = requireNonNull(dataSchema).columnDataType(column);
    switch (type.storedType()) {
      case INT, LONG, FLOAT, DOUBLE -> {
        // the reserved bytes are already zero
      }
      case STRING -> setString(column, "");
      case BIG_DECIMAL -> setBigDecimal(column, BigDecimal.ZERO);
      case OBJECT, UNKNOWN -> setCustomObject(column, null);
      default -> startVariable(column, 0);
    }
    if (nullRows == null) {
      nullRows = new MutableRoaringBitmap[dataSchema.size()];
    }
    if (nullRows[column] == null) {
      nullRows[column] = new MutableRoaringBitmap();
    }
    nullRows[column].add(numRows - 1);
  }

  /// Writes a stored Java value (see [ColumnDataType]) according to the column's type; null writes [#setNull].
  public void setValue(int column, @Nullable Object value) {
    if (value == null) {
      setNull(column);
      return;
    }
    ColumnDataType type = requireNonNull(dataSchema).columnDataType(column);
    switch (type.storedType()) {
      case INT -> setInt(column, value instanceof Boolean b ? (b ? 1 : 0) : ((Number) value).intValue());
      case LONG -> setLong(column, ((Number) value).longValue());
      case FLOAT -> setFloat(column, ((Number) value).floatValue());
      case DOUBLE -> setDouble(column, ((Number) value).doubleValue());
      case BIG_DECIMAL -> setBigDecimal(column, (BigDecimal) value);
      case STRING -> setString(column, value.toString());
      case BYTES -> setBytes(column, (byte[]) value);
      case INT_ARRAY -> setIntArray(column, (int[]) value);
      case LONG_ARRAY -> setLongArray(column, (long[]) value);
      case FLOAT_ARRAY -> setFloatArray(column, (float[]) value);
      case DOUBLE_ARRAY -> setDoubleArray(column, (double[]) value);
      case STRING_ARRAY -> setStringArray(column, (String[]) value);
      case BYTES_ARRAY -> setBytesArray(column, (byte[][]) value);
      case OBJECT, UNKNOWN -> setCustomObject(column, (CustomObject) value);
      default -> throw new IllegalStateException("Cannot write a " + type + " cell");
    }
  }

  /// Adds a metadata entry. Only keys both Pinot 0.11 and 1.3 readers decode are allowed.
  ///
  /// @throws IllegalArgumentException for a non-portable key or a value that does not fit the key's type
  public DataTableBuilder putMetadata(MetadataKey key, String value) {
    if (!key.isPortable()) {
      throw new IllegalArgumentException("Metadata key[" + key.keyName() + "] is not readable by Pinot 0.11");
    }
    switch (key.valueType()) {
      case INT -> Integer.parseInt(value);
      case LONG -> Long.parseLong(value);
      case STRING, BOOLEAN -> {
      }
    }
    metadata.put(key.keyName(), value);
    return this;
  }

  public DataTableBuilder putMetadata(MetadataKey key, long value) {
    return putMetadata(key, Long.toString(value));
  }

  /// Adds an exception; a later message for the same code replaces the earlier one (as in Pinot).
  public DataTableBuilder addException(int errorCode, String message) {
    exceptions.put(errorCode, message);
    return this;
  }

  public int numRows() {
    return numRows;
  }

  /// Approximate bytes written so far, to bound response sizes.
  public long sizeInBytes() {
    return (long) fixed.size() + variable.size() + 16L * dictionary.size();
  }

  public DataTable build() {
    if (nullRows != null) {
      appendNullBitmaps(nullRows);
    }
    String[] strings = dictionary.toArray(new String[0]);
    return new DataTable(numRows, dataSchema, strings, fixed.toByteArray(), variable.toByteArray(), metadata,
        exceptions);
  }

  private void appendNullBitmaps(@Nullable MutableRoaringBitmap[] bitmaps) {
    int start = fixed.reserve(bitmaps.length * 8);
    for (int c = 0; c < bitmaps.length; c++) {
      MutableRoaringBitmap bitmap = bitmaps[c];
      fixed.putInt(start + c * 8, variable.size());
      if (bitmap != null) {
        bitmap.runOptimize();
        byte[] bytes = new byte[bitmap.serializedSizeInBytes()];
        bitmap.serialize(ByteBuffer.wrap(bytes));
        fixed.putInt(start + c * 8 + 4, bytes.length);
        variable.write(bytes);
      }
    }
    nullRows = null;
  }

  private int slot(int column) {
    if (rowStart < 0) {
      throw new IllegalStateException("startRow() was not called");
    }
    return rowStart + columnOffsets[column];
  }

  private void startVariable(int column, int count) {
    int slot = slot(column);
    fixed.putInt(slot, variable.size());
    fixed.putInt(slot + 4, count);
  }

  private int dictionaryId(String value) {
    Integer id = dictionaryIds.get(value);
    if (id == null) {
      id = dictionary.size();
      dictionaryIds.put(value, id);
      dictionary.add(value);
    }
    return id;
  }
}
