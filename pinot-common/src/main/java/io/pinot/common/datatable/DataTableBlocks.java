// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.datatable;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/// Cuts a server's result into the DataTables of a streamed gRPC answer (Apache Pinot's streaming shape): data
/// blocks carrying the schema and a range of rows but no metadata, and one metadata block carrying the statistics
/// and exceptions but no schema or rows. Cells are copied column by column through the typed accessors, so
/// primitive cells are never boxed.
public final class DataTableBlocks {
  private DataTableBlocks() {
  }

  /// Rows `[from, to)` of `table` with its schema, its null bitmaps for those rows, and neither metadata nor
  /// exceptions. Strings get a dictionary of their own, holding only the strings of these rows.
  public static DataTable rows(DataTable table, int from, int to) {
    DataSchema schema = requireNonNull(table.dataSchema(), "a metadata-only DataTable has no rows");
    if (from < 0 || to > table.numRows() || from > to) {
      throw new IndexOutOfBoundsException("Rows [" + from + ", " + to + ") of a table of " + table.numRows());
    }
    DataTableBuilder builder = new DataTableBuilder(schema);
    int numColumns = schema.size();
    for (int row = from; row < to; row++) {
      builder.startRow();
      for (int column = 0; column < numColumns; column++) {
        if (table.isNull(row, column)) {
          builder.setNull(column);
        } else {
          copyCell(table, row, column, schema.columnDataType(column), builder);
        }
      }
    }
    return builder.build();
  }

  /// The statistics and exceptions of `table`, with no schema and no rows.
  public static DataTable metadataOnly(DataTable table) {
    return metadataOnly(table.metadata(), table.exceptions());
  }

  /// A block of only metadata and exceptions. Metadata names must be [MetadataKey] names; others are skipped, since
  /// Pinot's readers cannot skip unknown keys.
  public static DataTable metadataOnly(Map<String, String> metadata, Map<Integer, String> exceptions) {
    DataTableBuilder builder = new DataTableBuilder(null);
    metadata.forEach((name, value) -> {
      MetadataKey key = MetadataKey.byName(name);
      if (key != null && key.isPortable()) {
        builder.putMetadata(key, value);
      }
    });
    exceptions.forEach(builder::addException);
    return builder.build();
  }

  private static void copyCell(DataTable table, int row, int column, ColumnDataType type, DataTableBuilder out) {
    switch (type.storedType()) {
      case INT -> out.setInt(column, table.getInt(row, column));
      case LONG -> out.setLong(column, table.getLong(row, column));
      case FLOAT -> out.setFloat(column, table.getFloat(row, column));
      case DOUBLE -> out.setDouble(column, table.getDouble(row, column));
      case BIG_DECIMAL -> out.setBigDecimal(column, table.getBigDecimal(row, column));
      case STRING -> out.setString(column, table.getString(row, column));
      case BYTES -> out.setBytes(column, table.getBytes(row, column));
      case INT_ARRAY -> out.setIntArray(column, table.getIntArray(row, column));
      case LONG_ARRAY -> out.setLongArray(column, table.getLongArray(row, column));
      case FLOAT_ARRAY -> out.setFloatArray(column, table.getFloatArray(row, column));
      case DOUBLE_ARRAY -> out.setDoubleArray(column, table.getDoubleArray(row, column));
      case STRING_ARRAY -> out.setStringArray(column, table.getStringArray(row, column));
      case BYTES_ARRAY -> out.setBytesArray(column, table.getBytesArray(row, column));
      case OBJECT, UNKNOWN -> out.setCustomObject(column, table.getCustomObject(row, column));
      default -> throw new IllegalStateException("Cannot copy a " + type + " cell");
    }
  }
}
