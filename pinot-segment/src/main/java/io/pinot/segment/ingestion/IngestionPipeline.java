// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.ingestion;

import io.pinot.common.function.FunctionRegistry;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.config.table.ingestion.IngestionConfig;
import io.pinot.spi.config.table.ingestion.TransformConfig;
import io.pinot.spi.data.Schema;
import io.pinot.spi.data.readers.RecordReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/// The ingestion-time processing of one table, built once from its table config and schema and shared by every
/// reader of the table (batch files, stream partitions): complex-type flattening and unnesting
/// (`complexTypeConfig`), `transformConfigs` evaluated in dependency order (a transform may read the output of
/// another; only a missing or null value is computed, as in Pinot), the `filterConfig` filter, coercion to the
/// schema, and the `rowTimeValueCheck`. [#wrap] decorates a [RecordReader] with it.
///
/// Construction validates the configuration: malformed expressions, unknown functions, Groovy, a transform reading
/// its own column, cycles between transforms, and two transforms of one column are errors.
/// Immutable and thread-safe.
public final class IngestionPipeline {
  /// One compiled transform.
  record Transform(String column, CompiledExpression expression) {
  }

  private final IngestionConfig config;
  private final List<Transform> transforms;
  private final @Nullable CompiledExpression filter;
  private final @Nullable ComplexTypeFlattener flattener;
  private final SchemaConformer conformer;
  private final @Nullable TimeValueChecker timeChecker;

  private IngestionPipeline(IngestionConfig config, Schema schema, List<Transform> transforms,
      @Nullable CompiledExpression filter, @Nullable TimeValueChecker timeChecker) {
    this.config = config;
    this.transforms = List.copyOf(transforms);
    this.filter = filter;
    this.conformer = new SchemaConformer(schema);
    this.timeChecker = timeChecker;
    Set<String> needed = new HashSet<>(schema.columnNames());
    for (Transform transform : transforms) {
      needed.addAll(transform.expression().inputColumns());
    }
    if (filter != null) {
      needed.addAll(filter.inputColumns());
    }
    this.flattener = config.complexTypeConfig() == null ? null
        : new ComplexTypeFlattener(config.complexTypeConfig(), needed);
  }

  /// The pipeline of a table, with the standard function library.
  ///
  /// @throws IllegalArgumentException naming the transform or filter that is invalid
  public static IngestionPipeline create(TableConfig tableConfig, Schema schema) {
    return create(tableConfig, schema, FunctionRegistry.standard());
  }

  /// The pipeline of a table with the given function library.
  public static IngestionPipeline create(TableConfig tableConfig, Schema schema, FunctionRegistry registry) {
    Objects.requireNonNull(schema, "schema is null");
    IngestionConfig config = IngestionConfigs.of(tableConfig);
    Map<String, CompiledExpression> compiled = new LinkedHashMap<>();
    for (TransformConfig transform : config.transforms()) {
      CompiledExpression expression;
      try {
        expression = CompiledExpression.compile(transform.transformFunction(), registry);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("Invalid transformFunction of column[" + transform.columnName() + "]: "
            + e.getMessage(), e);
      }
      if (expression.inputColumns().contains(transform.columnName())) {
        throw new IllegalArgumentException("The transformFunction of column[" + transform.columnName()
            + "] reads the column itself: name the destination differently from its source fields");
      }
      if (compiled.put(transform.columnName(), expression) != null) {
        throw new IllegalArgumentException("Column[" + transform.columnName() + "] has more than one transform");
      }
    }
    CompiledExpression filter = null;
    if (config.filterFunction() != null) {
      try {
        filter = CompiledExpression.compile(config.filterFunction(), registry);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("Invalid filterFunction: " + e.getMessage(), e);
      }
    }
    return new IngestionPipeline(config, schema, sort(compiled), filter, TimeValueChecker.of(tableConfig, schema));
  }

  /// The transforms in an order where each comes after the transforms producing its inputs.
  private static List<Transform> sort(Map<String, CompiledExpression> compiled) {
    List<Transform> sorted = new ArrayList<>();
    Set<String> done = new HashSet<>();
    for (String column : compiled.keySet()) {
      visit(column, compiled, done, new HashSet<>(), sorted);
    }
    return sorted;
  }

  private static void visit(String column, Map<String, CompiledExpression> compiled, Set<String> done,
      Set<String> inProgress, List<Transform> sorted) {
    CompiledExpression expression = compiled.get(column);
    if (expression == null || done.contains(column)) {
      return;
    }
    if (!inProgress.add(column)) {
      throw new IllegalArgumentException("Transform functions form a cycle through column[" + column + "]");
    }
    for (String input : expression.inputColumns()) {
      visit(input, compiled, done, inProgress, sorted);
    }
    inProgress.remove(column);
    done.add(column);
    sorted.add(new Transform(column, expression));
  }

  /// Decorates `reader` with this pipeline; closing the result closes `reader`.
  public TransformingRecordReader wrap(RecordReader reader) {
    return new TransformingRecordReader(reader, this, false);
  }

  /// Wraps `reader` as a stream consumer does: under `continueOnError` a value that cannot be converted to its
  /// column's type becomes null and the row is kept and counted as incomplete, as Pinot's real-time ingestion does
  /// (batch ingestion here skips such rows instead).
  public TransformingRecordReader wrapKeepingIncompleteRows(RecordReader reader) {
    return new TransformingRecordReader(reader, this, true);
  }

  /// The table's ingestion config.
  public IngestionConfig config() {
    return config;
  }

  List<Transform> transforms() {
    return transforms;
  }

  @Nullable CompiledExpression filter() {
    return filter;
  }

  @Nullable ComplexTypeFlattener flattener() {
    return flattener;
  }

  SchemaConformer conformer() {
    return conformer;
  }

  /// The time column checker, or null when the table has no time column.
  public @Nullable TimeValueChecker timeChecker() {
    return timeChecker;
  }
}
