// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.transform;

import io.pinot.query.context.Expression;
import io.pinot.query.operator.ProjectionBlock;
import io.pinot.segment.spi.ForwardIndexReader;
import io.pinot.segment.spi.IndexSegment;
import io.pinot.spi.data.DataType;
import io.pinot.spi.exception.QueryErrorCode;

/// A single-value transform expression seen as a raw forward index, so that a filter on an expression
/// (`WHERE upper(city) = 'PARIS'`, `WHERE a - b > 0`) is scanned like a column without a dictionary: each read
/// evaluates the expression for the requested documents through its own [ProjectionBlock]. Not thread-safe: one per
/// segment execution.
public final class ExpressionForwardIndex implements ForwardIndexReader {
  private final ProjectionBlock block;
  private final int slot;
  private final DataType type;

  public ExpressionForwardIndex(IndexSegment segment, Expression expression) {
    this(segment, expression, false);
  }

  /// The values of an expression whose transforms see nulls (COALESCE) when `nullHandling`.
  public ExpressionForwardIndex(IndexSegment segment, Expression expression, boolean nullHandling) {
    this.block = new ProjectionBlock(segment, nullHandling);
    this.slot = block.slot(expression);
    if (!block.isSingleValue(slot)) {
      throw QueryErrorCode.QUERY_PLANNING.asException("Filter on multi-value expression[" + expression
          + "] is not supported yet");
    }
    this.type = block.logicalType(slot);
  }

  /// The logical type of the expression's values.
  public DataType type() {
    return type;
  }

  @Override
  public DataType storedType() {
    return type.storedType();
  }

  @Override
  public boolean dictionaryEncoded() {
    return false;
  }

  @Override
  public boolean singleValue() {
    return true;
  }

  @Override
  public void readIntValues(int[] docIds, int length, int[] out) {
    block.setDocIds(docIds, length);
    System.arraycopy(block.intValues(slot), 0, out, 0, length);
  }

  @Override
  public void readLongValues(int[] docIds, int length, long[] out) {
    block.setDocIds(docIds, length);
    System.arraycopy(block.longValues(slot), 0, out, 0, length);
  }

  @Override
  public void readFloatValues(int[] docIds, int length, float[] out) {
    block.setDocIds(docIds, length);
    System.arraycopy(block.floatValues(slot), 0, out, 0, length);
  }

  @Override
  public void readDoubleValues(int[] docIds, int length, double[] out) {
    block.setDocIds(docIds, length);
    System.arraycopy(block.doubleValues(slot), 0, out, 0, length);
  }

  @Override
  public void readStringValues(int[] docIds, int length, String[] out) {
    block.setDocIds(docIds, length);
    System.arraycopy(block.stringValues(slot), 0, out, 0, length);
  }

  @Override
  public void readBytesValues(int[] docIds, int length, byte[][] out) {
    block.setDocIds(docIds, length);
    System.arraycopy(block.bytesValues(slot), 0, out, 0, length);
  }
}
