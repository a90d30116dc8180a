// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.transform;

import io.pinot.common.function.ScalarFunction;
import io.pinot.query.operator.ProjectionBlock;
import io.pinot.spi.data.DataType;

/// A LONG-to-LONG or DOUBLE-to-DOUBLE scalar function over one slot, computed a block at a time by the function's
/// typed kernel (`toEpochSeconds`, `sqrt`, `floor`...): no boxing. Not thread-safe: one per segment execution.
final class KernelValues extends ComputedValues {
  private final ProjectionBlock block;
  private final int slot;
  private final ScalarFunction.LongKernel longKernel;
  private final ScalarFunction.DoubleKernel doubleKernel;

  KernelValues(ProjectionBlock block, int slot, ScalarFunction function, DataType type) {
    super(type);
    this.block = block;
    this.slot = slot;
    this.longKernel = nativeKind == Native.LONG ? function.longKernel() : null;
    this.doubleKernel = nativeKind == Native.DOUBLE ? function.doubleKernel() : null;
  }

  /// Whether `function` has a kernel for a result of `type`.
  static boolean applies(ScalarFunction function, DataType type) {
    return type == DataType.LONG && function.longKernel() != null
        || type == DataType.DOUBLE && function.doubleKernel() != null;
  }

  @Override
  void compute(int length) {
    if (longKernel != null) {
      longKernel.apply(block.longValues(slot), longs, length);
    } else {
      doubleKernel.apply(block.doubleValues(slot), doubles, length);
    }
  }
}
