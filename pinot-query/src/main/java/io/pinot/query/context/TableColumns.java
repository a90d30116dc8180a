// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.context;

import static java.util.Objects.requireNonNull;

import io.pinot.segment.spi.ColumnMetadata;
import io.pinot.segment.spi.IndexSegment;
import io.pinot.spi.data.DataType;
import io.pinot.spi.data.FieldSpec;
import io.pinot.spi.data.Schema;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// The columns a query may reference, looked up case-insensitively (Pinot's broker default), from a
/// table schema or, when the server has none, from the segments; plus *virtual* columns (such as
/// `datetrunc('DAY',ts)`, see `io.pinot.query.timestamp`) that [#lookup] finds but [#columns()] (the expansion of
/// `*`) leaves out. Immutable and thread-safe.
public final class TableColumns {
  private final Map<String, Column> byLowerCaseName;
  private final Map<String, Column> virtualColumns;

  /// One column: its name as declared, data type and single- or multi-value.
  public record Column(String name, DataType dataType, boolean singleValue) {
    public Column {
      requireNonNull(name, "name is null");
      requireNonNull(dataType, "dataType is null");
    }
  }

  private TableColumns(Map<String, Column> byLowerCaseName) {
    this(byLowerCaseName, Map.of());
  }

  private TableColumns(Map<String, Column> byLowerCaseName, Map<String, Column> virtualColumns) {
    this.byLowerCaseName = Collections.unmodifiableMap(byLowerCaseName);
    this.virtualColumns = virtualColumns;
  }

  /// These columns plus a virtual column, found by [#lookup] under its exact name but not listed by [#columns()].
  public TableColumns withVirtualColumn(Column column) {
    Map<String, Column> virtual = new LinkedHashMap<>(virtualColumns);
    virtual.put(column.name(), column);
    return new TableColumns(byLowerCaseName, Collections.unmodifiableMap(virtual));
  }

  public static TableColumns of(Schema schema) {
    Map<String, Column> columns = new LinkedHashMap<>();
    for (FieldSpec spec : schema.allFieldSpecs()) {
      columns.put(spec.name().toLowerCase(Locale.ROOT), new Column(spec.name(), spec.dataType(), spec.singleValue()));
    }
    return new TableColumns(columns);
  }

  /// The union of the segments' columns (the first segment declaring a column wins).
  public static TableColumns of(Collection<? extends IndexSegment> segments) {
    Map<String, Column> columns = new LinkedHashMap<>();
    for (IndexSegment segment : segments) {
      for (ColumnMetadata metadata : segment.metadata().columns().values()) {
        columns.putIfAbsent(metadata.name().toLowerCase(Locale.ROOT),
            new Column(metadata.name(), metadata.dataType(), metadata.singleValue()));
      }
    }
    return new TableColumns(columns);
  }

  /// The column with this name in any letter case (a virtual column: this exact name), or null.
  public @Nullable Column lookup(String name) {
    Column virtual = virtualColumns.get(name);
    return virtual != null ? virtual : byLowerCaseName.get(name.toLowerCase(Locale.ROOT));
  }

  public Collection<Column> columns() {
    return byLowerCaseName.values();
  }
}
