// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.transform;

import io.pinot.query.operator.ProjectionBlock;
import io.pinot.segment.spi.NullValueVectorReader;
import io.pinot.spi.data.DataType;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/// `isnull(column)` / `isnotnull(column)` (SQL `IS [NOT] NULL`): whether each document of the block is in the
/// column's null value vector. A column without one holds no nulls (Pinot records nulls only for columns with null
/// handling enabled), and so does any other expression while null handling is off. Not thread-safe: one per segment
/// execution.
final class NullFlagValues extends ComputedValues {
  private final ProjectionBlock block;
  private final @Nullable ImmutableRoaringBitmap nulls;
  private final boolean negated;

  NullFlagValues(ProjectionBlock block, @Nullable NullValueVectorReader vector, boolean negated) {
    super(DataType.BOOLEAN);
    this.block = block;
    this.nulls = vector == null ? null : vector.nullBitmap();
    this.negated = negated;
  }

  @Override
  void compute(int length) {
    int[] docIds = block.docIds();
    long absent = negated ? 1 : 0;
    if (nulls == null || nulls.isEmpty()) {
      Arrays.fill(longs, 0, length, absent);
      return;
    }
    for (int i = 0; i < length; i++) {
      longs[i] = nulls.contains(docIds[i]) ? 1 - absent : absent;
    }
  }
}
