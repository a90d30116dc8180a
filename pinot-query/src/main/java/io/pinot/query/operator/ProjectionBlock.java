// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.operator;

import io.pinot.query.context.Expression;
import io.pinot.query.context.Identifier;
import io.pinot.query.function.ValueBlock;
import io.pinot.query.transform.TransformCompiler;
import io.pinot.segment.spi.DataSource;
import io.pinot.segment.spi.Dictionary;
import io.pinot.segment.spi.IndexSegment;
import io.pinot.spi.data.DataType;
import io.pinot.spi.exception.QueryErrorCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// The current block of documents of a segment and lazy access to the values a query reads, one slot per
/// column or transform expression (see [ValueBlock]). Transform expressions (`plus(a,b)`, `upper(city)`) are
/// compiled once per segment by [TransformCompiler] into [BlockValues] over the slots of their arguments. Call
/// [#setDocIds] per block; arrays handed out stay valid until the next call. Not thread-safe: one per segment
/// execution.
public final class ProjectionBlock implements ValueBlock {
  private final IndexSegment segment;
  private final boolean nullHandling;
  private final Map<String, Integer> columnSlots = new HashMap<>();
  private final Map<Expression, Integer> expressionSlots = new HashMap<>();
  private final List<BlockValues> sources = new ArrayList<>();
  private int numColumns;
  private int[] docIds = new int[0];
  private int length;
  private int stamp;

  public ProjectionBlock(IndexSegment segment) {
    this(segment, false);
  }

  /// A block whose transforms see nulls (COALESCE) when `nullHandling` (the query's `enableNullHandling`).
  public ProjectionBlock(IndexSegment segment, boolean nullHandling) {
    this.segment = segment;
    this.nullHandling = nullHandling;
  }

  /// Whether the query runs with `enableNullHandling`.
  public boolean nullHandling() {
    return nullHandling;
  }

  public IndexSegment segment() {
    return segment;
  }

  /// The slot of a column, adding it on first use.
  ///
  /// @throws io.pinot.spi.exception.QueryException QUERY_EXECUTION when the segment lacks the column
  public int slot(String column) {
    Integer slot = columnSlots.get(column);
    if (slot != null) {
      return slot;
    }
    DataSource dataSource = segment.dataSource(column);
    if (dataSource == null) {
      throw QueryErrorCode.QUERY_EXECUTION.asException("Column[" + column + "] not found in segment["
          + segment.segmentName() + "]");
    }
    sources.add(new ColumnReader(column, dataSource));
    numColumns++;
    columnSlots.put(column, sources.size() - 1);
    return sources.size() - 1;
  }

  /// The slot of an expression: a column's slot for an identifier, else a transform's (compiled on first use).
  ///
  /// @throws io.pinot.spi.exception.QueryException QUERY_EXECUTION when a column is missing, QUERY_PLANNING or
  ///     QUERY_VALIDATION when the expression cannot run
  public int slot(Expression expression) {
    if (expression instanceof Identifier identifier && !identifier.isStar()) {
      return slot(identifier.name());
    }
    Integer slot = expressionSlots.get(expression);
    if (slot != null) {
      return slot;
    }
    BlockValues values = TransformCompiler.compile(expression, this);
    sources.add(values);
    expressionSlots.put(expression, sources.size() - 1);
    return sources.size() - 1;
  }

  /// The source of a slot (for transforms reading their arguments).
  public BlockValues source(int slot) {
    return sources.get(slot);
  }

  /// Number of distinct columns read (for `numEntriesScannedPostFilter`).
  public int numColumns() {
    return numColumns;
  }

  public void setDocIds(int[] newDocIds, int newLength) {
    this.docIds = newDocIds;
    this.length = newLength;
    stamp++;
  }

  public int length() {
    return length;
  }

  public int[] docIds() {
    return docIds;
  }

  /// Identifies the current block: changes with every [#setDocIds].
  public int stamp() {
    return stamp;
  }

  @Override
  public boolean isDictionaryEncoded(int slot) {
    return sources.get(slot).dictionary() != null;
  }

  @Override
  public boolean isSingleValue(int slot) {
    return sources.get(slot).singleValue();
  }

  @Override
  public DataType storedType(int slot) {
    return sources.get(slot).storedType();
  }

  /// The logical type of a slot's values (BOOLEAN, TIMESTAMP, JSON besides the stored types).
  public DataType logicalType(int slot) {
    return sources.get(slot).logicalType();
  }

  @Override
  public @Nullable Dictionary dictionary(int slot) {
    return sources.get(slot).dictionary();
  }

  @Override
  public int[] dictIds(int slot) {
    return sources.get(slot).dictIds(docIds, length, stamp);
  }

  @Override
  public int[] intValues(int slot) {
    return sources.get(slot).intValues(docIds, length, stamp);
  }

  @Override
  public long[] longValues(int slot) {
    return sources.get(slot).longValues(docIds, length, stamp);
  }

  @Override
  public float[] floatValues(int slot) {
    return sources.get(slot).floatValues(docIds, length, stamp);
  }

  @Override
  public double[] doubleValues(int slot) {
    return sources.get(slot).doubleValues(docIds, length, stamp);
  }

  @Override
  public String[] stringValues(int slot) {
    return sources.get(slot).stringValues(docIds, length, stamp);
  }

  @Override
  public byte[][] bytesValues(int slot) {
    return sources.get(slot).bytesValues(docIds, length, stamp);
  }

  @Override
  public long[] utf8Hashes(int slot, int length) {
    return sources.get(slot) instanceof ColumnReader column && column.dictionary == null
        ? column.utf8Hashes(docIds, length, stamp) : ValueBlock.super.utf8Hashes(slot, length);
  }

  @Override
  public int[] mvOffsets(int slot) {
    return sources.get(slot).mvOffsets(docIds, length, stamp);
  }

  /// The per-document arrays of an array-valued transform's slot (see [BlockValues#arrayValues]).
  public Object[] arrayValues(int slot) {
    return sources.get(slot).arrayValues(docIds, length, stamp);
  }

  @Override
  public int[] mvDictIds(int slot) {
    return sources.get(slot).mvDictIds(docIds, length, stamp);
  }
}
