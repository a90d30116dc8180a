// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.transform;

import io.pinot.query.operator.ProjectionBlock;
import io.pinot.spi.data.DataType;

/// `case(condition1, value1, ..., [else])`: per document, the value of the first condition that is true, else the
/// ELSE value (Pinot's null placeholder without one). Conditions and values are computed for whole blocks; values
/// are read in the result type. Not thread-safe: one per segment execution.
final class CaseValues extends ComputedValues {
  private final ProjectionBlock block;
  private final int[] conditions;
  private final int[] values;
  private final int elseSlot;
  private final ConstantValues placeholder;

  /// `values` has one slot per condition; `elseSlot` is -1 without ELSE.
  CaseValues(ProjectionBlock block, int[] conditions, int[] values, int elseSlot, DataType type) {
    super(type);
    this.block = block;
    this.conditions = conditions;
    this.values = values;
    this.elseSlot = elseSlot;
    this.placeholder = new ConstantValues(type, ValueStore.toNative(null, type));
  }

  @Override
  void compute(int length) {
    long[][] truth = new long[conditions.length][];
    for (int c = 0; c < conditions.length; c++) {
      truth[c] = block.longValues(conditions[c]);
    }
    switch (nativeKind) {
      case LONG -> {
        long[][] branch = new long[values.length + 1][];
        for (int c = 0; c < values.length; c++) {
          branch[c] = block.longValues(values[c]);
        }
        branch[values.length] = elseSlot >= 0 ? block.longValues(elseSlot)
            : placeholder.longValues(null, length, block.stamp());
        for (int i = 0; i < length; i++) {
          longs[i] = branch[pick(truth, i)][i];
        }
      }
      case DOUBLE -> {
        double[][] branch = new double[values.length + 1][];
        for (int c = 0; c < values.length; c++) {
          branch[c] = block.doubleValues(values[c]);
        }
        branch[values.length] = elseSlot >= 0 ? block.doubleValues(elseSlot)
            : placeholder.doubleValues(null, length, block.stamp());
        for (int i = 0; i < length; i++) {
          doubles[i] = branch[pick(truth, i)][i];
        }
      }
      case STRING -> {
        String[][] branch = new String[values.length + 1][];
        for (int c = 0; c < values.length; c++) {
          branch[c] = block.stringValues(values[c]);
        }
        branch[values.length] = elseSlot >= 0 ? block.stringValues(elseSlot)
            : placeholder.stringValues(null, length, block.stamp());
        for (int i = 0; i < length; i++) {
          strings[i] = branch[pick(truth, i)][i];
        }
      }
      case BYTES -> {
        byte[][][] branch = new byte[values.length + 1][][];
        for (int c = 0; c < values.length; c++) {
          branch[c] = block.bytesValues(values[c]);
        }
        branch[values.length] = elseSlot >= 0 ? block.bytesValues(elseSlot)
            : placeholder.bytesValues(null, length, block.stamp());
        for (int i = 0; i < length; i++) {
          bytes[i] = branch[pick(truth, i)][i];
        }
      }
    }
  }

  private int pick(long[][] truth, int i) {
    for (int c = 0; c < truth.length; c++) {
      if (truth[c][i] != 0) {
        return c;
      }
    }
    return truth.length;
  }
}
