// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.ingestion;

import io.pinot.common.function.ScalarType;
import io.pinot.spi.data.readers.GenericRow;
import io.pinot.spi.data.readers.RecordReadException;
import io.pinot.spi.data.readers.RecordReader;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/// A [RecordReader] that applies an [IngestionPipeline] to the records of another reader: each input record is
/// flattened/unnested into rows, transformed, filtered and coerced to the schema, and the resulting rows (holding the
/// schema's columns only) are handed out one by one.
///
/// Nothing is dropped silently: a filtered row is counted in [#stats()]; a row that cannot be transformed, filtered
/// or converted makes [#next] throw a [RecordReadException] naming the input position, the column or function and
/// the reason (the consumer fails, or skips and counts it under `continueOnError`, as the segment creator does); the
/// following rows are read normally. Input read errors of the wrapped reader are passed on the same way. Under
/// `rowTimeValueCheck` an invalid time value is an error, or with `continueOnError` the value becomes null and is
/// counted, as in Pinot.
///
/// Wrapped with `incompleteRows` (the stream consumer, as Pinot's real-time `DataTypeTransformer`), a value that
/// cannot be converted to its column's type under `continueOnError` becomes null (the column's default value) and the
/// row is kept and counted as incomplete ([IngestionStats#numIncompleteRows()], Pinot's
/// `INCOMPLETE_REALTIME_ROWS_CONSUMED`); [#lastIncompleteRow()] names its position and column.
///
/// [#position()] is the wrapped reader's position of the record the last row came from. [#rewind()] restarts the
/// wrapped reader and the counters. Not thread-safe.
public final class TransformingRecordReader implements RecordReader {
  private final RecordReader source;
  private final IngestionPipeline pipeline;
  private final boolean continueOnError;
  private final boolean nullOnError;
  private final boolean trackTime;
  private final GenericRow input = new GenericRow();
  private final ArrayDeque<GenericRow> pending = new ArrayDeque<>();
  private final ArrayDeque<GenericRow> spare = new ArrayDeque<>();
  private @Nullable RecordReadException pendingError;
  private boolean inputReady;
  private final boolean direct;
  private long numInputRecords;
  private long numOutputRows;
  private long numFilteredRows;
  private long numErrorRows;
  private long numInvalidTimeValues;
  private long numIncompleteRows;
  private @Nullable String lastIncompleteRow;
  private long minTimeMillis = Long.MAX_VALUE;
  private long maxTimeMillis = Long.MIN_VALUE;

  TransformingRecordReader(RecordReader source, IngestionPipeline pipeline, boolean incompleteRows) {
    this.source = Objects.requireNonNull(source, "source is null");
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline is null");
    this.continueOnError = pipeline.config().continueOnErrorEnabled();
    this.nullOnError = incompleteRows && continueOnError;
    this.trackTime = pipeline.timeChecker() != null;
    this.direct = pipeline.flattener() == null && pipeline.filter() == null;
  }

  @Override
  public boolean hasNext() {
    if (direct) {
      return pendingError != null || source.hasNext();
    }
    try {
      while (!inputReady && pending.isEmpty() && pendingError == null) {
        if (!source.hasNext()) {
          return false;
        }
        readSourceRecord();
      }
      return true;
    } catch (IOException e) {
      throw new RecordReadException(source.position(), "cannot read: " + e.getMessage(), e);
    }
  }

  @Override
  public GenericRow next(GenericRow reuse) {
    if (!hasNext()) {
      throw new NoSuchElementException("No more records at " + source.position());
    }
    RecordReadException error = pendingError;
    if (error != null) {
      pendingError = null;
      throw error;
    }
    if (direct) {
      return nextDirect(reuse);
    }
    if (inputReady) {
      // Single-row path (no complex types): the transformed input is conformed straight into the caller's row.
      inputReady = false;
      try {
        incomplete(pipeline.conformer().conform(input, reuse, nullOnError));
        checkTime(reuse);
      } catch (SchemaConformer.ColumnConversionException e) {
        numErrorRows++;
        throw new RecordReadException(source.position(), e.getMessage(), e);
      } catch (RecordReadException e) {
        numErrorRows++;
        throw e;
      }
      numOutputRows++;
      return reuse;
    }
    GenericRow row = pending.poll();
    reuse.clear();
    reuse.fields().putAll(row.fields());
    spare.push(row);
    numOutputRows++;
    return reuse;
  }

  /// The fast path without complex types or filter: the input record is read into the caller's row, transformed
  /// and converted in place.
  private GenericRow nextDirect(GenericRow reuse) {
    numInputRecords++;
    try {
      source.next(reuse);
      applyTransforms(reuse);
      incomplete(pipeline.conformer().conformInPlace(reuse, nullOnError));
      checkTime(reuse);
    } catch (SchemaConformer.ColumnConversionException e) {
      numErrorRows++;
      throw new RecordReadException(source.position(), e.getMessage(), e);
    } catch (RecordReadException e) {
      numErrorRows++;
      throw e;
    } catch (IOException e) {
      throw new RecordReadException(source.position(), "cannot read: " + e.getMessage(), e);
    }
    numOutputRows++;
    return reuse;
  }

  private void readSourceRecord() throws IOException {
    numInputRecords++;
    try {
      source.next(input);
    } catch (RecordReadException e) {
      numErrorRows++;
      pendingError = e;
      return;
    }
    ComplexTypeFlattener flattener = pipeline.flattener();
    if (flattener == null) {
      try {
        applyTransforms(input);
        if (filtered(input)) {
          numFilteredRows++;
        } else {
          inputReady = true;
        }
      } catch (RecordReadException e) {
        numErrorRows++;
        pendingError = e;
      }
      return;
    }
    List<GenericRow> rows;
    try {
      rows = flattener.apply(input);
    } catch (RuntimeException e) {
      numErrorRows++;
      pendingError = new RecordReadException(source.position(), "complexTypeConfig: " + e.getMessage(), e);
      return;
    }
    for (GenericRow row : rows) {
      process(row);
    }
  }

  /// Transforms, filters and conforms one row; queues the result or the error.
  private void process(GenericRow row) {
    try {
      applyTransforms(row);
      if (filtered(row)) {
        numFilteredRows++;
        return;
      }
      GenericRow output = spare.isEmpty() ? new GenericRow() : spare.pop();
      try {
        incomplete(pipeline.conformer().conform(row, output, nullOnError));
        checkTime(output);
      } catch (RuntimeException e) {
        spare.push(output);
        throw e;
      }
      pending.add(output);
    } catch (RecordReadException e) {
      numErrorRows++;
      pendingError = pendingError == null ? e : pendingError;
    } catch (SchemaConformer.ColumnConversionException e) {
      numErrorRows++;
      pendingError = pendingError == null ? new RecordReadException(source.position(), e.getMessage(), e)
          : pendingError;
    }
  }

  private void incomplete(@Nullable String problem) {
    if (problem != null) {
      numIncompleteRows++;
      lastIncompleteRow = source.position() + ": " + problem;
    }
  }

  private void applyTransforms(GenericRow row) {
    for (IngestionPipeline.Transform transform : pipeline.transforms()) {
      if (row.getValue(transform.column()) != null) {
        continue;
      }
      try {
        row.putValue(transform.column(), transform.expression().evaluate(row));
      } catch (RuntimeException e) {
        throw new RecordReadException(source.position(), "transformFunction '" + transform.expression()
            + "' of column[" + transform.column() + "] failed: " + e.getMessage(), e);
      }
    }
  }

  private boolean filtered(GenericRow row) {
    CompiledExpression filter = pipeline.filter();
    if (filter == null) {
      return false;
    }
    try {
      Object result = filter.evaluate(row);
      return result != null && (Boolean) ScalarType.BOOLEAN.convert(result);
    } catch (RuntimeException e) {
      throw new RecordReadException(source.position(), "filterFunction '" + filter + "' failed: " + e.getMessage(),
          e);
    }
  }

  private void checkTime(GenericRow output) {
    TimeValueChecker checker = pipeline.timeChecker();
    if (!trackTime || checker == null) {
      return;
    }
    Object value = output.getValue(checker.column());
    if (value == null || value instanceof Object[]) {
      return;
    }
    boolean rowCheck = pipeline.config().rowTimeValueCheckEnabled();
    long millis;
    try {
      millis = checker.toMillis(value);
    } catch (IllegalArgumentException e) {
      if (rowCheck) {
        invalidTime(output, checker, "Time value of column[" + checker.column() + "] does not match its format: "
            + e.getMessage());
      }
      return;
    }
    if (rowCheck && !TimeValueChecker.isValid(millis)) {
      invalidTime(output, checker, checker.describeInvalid(millis));
      return;
    }
    minTimeMillis = Math.min(minTimeMillis, millis);
    maxTimeMillis = Math.max(maxTimeMillis, millis);
  }

  private void invalidTime(GenericRow output, TimeValueChecker checker, String message) {
    if (!continueOnError) {
      throw new RecordReadException(source.position(), "rowTimeValueCheck: " + message);
    }
    numInvalidTimeValues++;
    output.putValue(checker.column(), null);
  }

  /// The counters since the reader was opened or last rewound.
  public IngestionStats stats() {
    return new IngestionStats(numInputRecords, numOutputRows, numFilteredRows, numErrorRows, numInvalidTimeValues,
        numIncompleteRows,
        minTimeMillis, maxTimeMillis);
  }

  /// The position and column of the last row kept with a nulled value (see the class comment), or null.
  public @Nullable String lastIncompleteRow() {
    return lastIncompleteRow;
  }

  /// The wrapped reader.
  public RecordReader source() {
    return source;
  }

  @Override
  public void rewind() throws IOException {
    source.rewind();
    pending.clear();
    pendingError = null;
    inputReady = false;
    numInputRecords = 0;
    numOutputRows = 0;
    numFilteredRows = 0;
    numErrorRows = 0;
    numInvalidTimeValues = 0;
    numIncompleteRows = 0;
    lastIncompleteRow = null;
    minTimeMillis = Long.MAX_VALUE;
    maxTimeMillis = Long.MIN_VALUE;
  }

  @Override
  public String position() {
    return source.position();
  }

  @Override
  public void close() throws IOException {
    source.close();
  }
}
