// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.timestamp;

import io.pinot.segment.creator.ColumnIndexRebuilder;
import io.pinot.segment.creator.ColumnPlan;
import io.pinot.segment.format.SegmentFileWriter;
import io.pinot.segment.spi.DataSource;
import io.pinot.segment.spi.Dictionary;
import io.pinot.segment.spi.ForwardIndexReader;
import io.pinot.segment.spi.NullValueVectorReader;
import io.pinot.spi.config.table.FieldConfig;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.DataType;
import io.pinot.spi.data.FieldSpec;
import io.pinot.spi.data.FieldType;
import io.pinot.spi.data.Schema;
import io.pinot.spi.data.readers.RecordReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Pinot's timestamp index: for a TIMESTAMP (or LONG epoch millis) column `ts` configured with granularities, the
/// segment gets one derived column per granularity, `$ts$DAY`, holding `DATETRUNC('DAY', ts)` (a dictionary-encoded
/// TIMESTAMP date-time column with a range index), which queries on `DATETRUNC('DAY', ts)` read instead of
/// truncating every value.
///
/// Configured per column in `fieldConfigList`, either as `"indexes": {"timestamp": {"granularities": ["DAY",
/// "WEEK"]}}` or in the legacy form `"indexTypes": ["TIMESTAMP"], "timestampConfig": {"granularities": [...]}`
/// (granularities MILLISECOND, SECOND, MINUTE, HOUR, DAY, WEEK, MONTH, QUARTER, YEAR, any case). Columns that are
/// not single-value with LONG storage, and unknown granularities, are logged and skipped. Stateless utilities.
public final class TimestampIndexes {
  private static final Logger LOGGER = LoggerFactory.getLogger(TimestampIndexes.class);
  private static final int BLOCK = 4096;

  private TimestampIndexes() {
  }

  /// A derived column of a timestamp index.
  ///
  /// @param name the derived column (`$ts$DAY`)
  /// @param source the timestamp column it truncates
  /// @param granularity the unit it truncates to
  public record DerivedColumn(String name, String source, TimestampGranularity granularity) {
    public DerivedColumn {
      Objects.requireNonNull(name, "name is null");
      Objects.requireNonNull(source, "source is null");
      Objects.requireNonNull(granularity, "granularity is null");
    }

    /// The derived column's field spec, as Pinot adds it to the schema: a TIMESTAMP date-time column; its default
    /// value is the source's default value truncated, so that a document whose `ts` was missing holds
    /// `DATETRUNC(unit, ts)` of the stored `ts` like every other document.
    public FieldSpec spec(@Nullable FieldSpec source) {
      Long defaultValue = source == null ? null : granularity.truncate((Long) source.defaultValue());
      return new FieldSpec(name, DataType.TIMESTAMP, null, defaultValue, null, null, "TIMESTAMP",
          granularity.fieldSpecGranularity(), FieldType.DATE_TIME);
    }
  }

  /// The derived column name of a granularity of a timestamp column (`$ts$DAY`).
  public static String columnName(String source, TimestampGranularity granularity) {
    return "$" + source + "$" + granularity.name();
  }

  /// The derived column a column name denotes (`$ts$DAY`), or null when the name is not one.
  public static @Nullable DerivedColumn parse(String column) {
    int last = column.lastIndexOf('$');
    if (column.length() < 3 || column.charAt(0) != '$' || last <= 1) {
      return null;
    }
    TimestampGranularity granularity = TimestampGranularity.of(column.substring(last + 1));
    if (granularity == null || !column.substring(last + 1).equals(granularity.name())) {
      return null;
    }
    return new DerivedColumn(column, column.substring(1, last), granularity);
  }

  /// The derived columns a table config asks for, in `fieldConfigList` order (granularities in configured order,
  /// without duplicates), for the columns of the schema that can have them.
  public static List<DerivedColumn> derivedColumns(TableConfig tableConfig, Schema schema) {
    Map<String, DerivedColumn> derived = new LinkedHashMap<>();
    for (FieldConfig field : tableConfig.fieldConfigs()) {
      List<String> granularities = granularities(field);
      if (granularities.isEmpty()) {
        continue;
      }
      FieldSpec spec = schema.fieldSpec(field.name());
      if (spec == null || !spec.singleValue() || spec.dataType().storedType() != DataType.LONG) {
        LOGGER.info("Column[{}] gets no timestamp index: it must be a single-value TIMESTAMP or LONG column of the "
            + "schema", field.name());
        continue;
      }
      for (String name : granularities) {
        TimestampGranularity granularity = TimestampGranularity.of(name);
        if (granularity == null) {
          LOGGER.info("Column[{}]: unknown timestamp index granularity[{}] is ignored", field.name(), name);
          continue;
        }
        String column = columnName(field.name(), granularity);
        derived.putIfAbsent(column, new DerivedColumn(column, field.name(), granularity));
      }
    }
    return List.copyOf(derived.values());
  }

  /// The granularities configured for one column (empty when it has no timestamp index).
  private static List<String> granularities(FieldConfig field) {
    if (field.indexDisabled("timestamp")) {
      return List.of();
    }
    Map<String, Object> fromIndexes = field.indexConfig("timestamp");
    Object configured = fromIndexes != null ? fromIndexes.get("granularities")
        : field.timestampConfig() == null ? null : field.timestampConfig().get("granularities");
    if (configured == null) {
      if (fromIndexes != null || field.allIndexTypes().contains("TIMESTAMP")) {
        LOGGER.info("Column[{}]: a timestamp index without granularities builds nothing", field.name());
      }
      return List.of();
    }
    if (!(configured instanceof Collection<?> values)) {
      throw new IllegalArgumentException("Column[" + field.name() + "]: timestamp index granularities must be a "
          + "list, got " + configured);
    }
    List<String> names = new ArrayList<>();
    for (Object value : values) {
      names.add(String.valueOf(value));
    }
    return names;
  }

  /// The plan of a derived column: dictionary-encoded with a range index, recording nulls when its source does.
  public static ColumnPlan plan(DerivedColumn derived, TableConfig tableConfig, Schema schema) {
    FieldSpec source = schema.fieldSpec(derived.source());
    boolean nullHandling = source != null && ColumnPlan.of(source, tableConfig, schema).nullHandling();
    FieldSpec spec = derived.spec(source);
    return ColumnPlan.derived(spec, true, nullHandling);
  }

  /// The plans of the schema's columns followed by those of the derived columns.
  public static List<ColumnPlan> withDerivedPlans(List<ColumnPlan> plans, List<DerivedColumn> derived,
      TableConfig tableConfig, Schema schema) {
    if (derived.isEmpty()) {
      return plans;
    }
    List<ColumnPlan> all = new ArrayList<>(plans);
    for (DerivedColumn column : derived) {
      all.add(plan(column, tableConfig, schema));
    }
    return all;
  }

  /// Writes a derived column of a loaded segment from its source column (for reloads): the source's stored values
  /// truncated, null where the source records a null.
  public static ColumnIndexRebuilder.DefaultColumn writeDerivedColumn(SegmentFileWriter out, ColumnPlan plan,
      DerivedColumn derived, DataSource source, int numDocs) throws IOException {
    if (!source.metadata().singleValue() || source.metadata().dataType().storedType() != DataType.LONG) {
      throw new IllegalArgumentException("Column[" + derived.source() + "]: a timestamp index needs a single-value "
          + "TIMESTAMP or LONG column");
    }
    long[] values = new long[numDocs];
    ForwardIndexReader forward = source.forwardIndex();
    Dictionary dictionary = source.dictionary();
    int[] docIds = new int[BLOCK];
    int[] dictIds = new int[BLOCK];
    long[] block = new long[BLOCK];
    for (int first = 0; first < numDocs; first += BLOCK) {
      int length = Math.min(BLOCK, numDocs - first);
      for (int i = 0; i < length; i++) {
        docIds[i] = first + i;
      }
      if (dictionary != null) {
        forward.readDictIds(docIds, length, dictIds);
        dictionary.readLongValues(dictIds, length, block);
      } else {
        forward.readLongValues(docIds, length, block);
      }
      for (int i = 0; i < length; i++) {
        values[first + i] = derived.granularity().truncate(block[i]);
      }
    }
    NullValueVectorReader nullVector = source.nullValueVector();
    ImmutableRoaringBitmap nulls = nullVector == null ? null : nullVector.nullBitmap();
    return ColumnIndexRebuilder.writeComputedColumn(out, plan, numDocs,
        doc -> nulls != null && nulls.contains(doc) ? null : values[doc]);
  }

  /// The reader with the derived columns' values added to every record (nothing to add: `reader` itself).
  public static RecordReader wrap(RecordReader reader, List<DerivedColumn> derived, Schema schema) {
    return derived.isEmpty() ? reader : new TimestampDerivingReader(reader, derived, schema);
  }
}
