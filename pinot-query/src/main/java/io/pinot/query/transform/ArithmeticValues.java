// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.transform;

import io.pinot.query.operator.ProjectionBlock;
import io.pinot.spi.data.DataType;

/// `plus`, `minus`, `times`, `divide` or `mod` of two DOUBLE-convertible operands, as Pinot's single-stage
/// arithmetic transforms: computed in double precision over whole blocks (a division by zero gives an infinity or
/// NaN, as in Java and Pinot). Not thread-safe: one per segment execution.
final class ArithmeticValues extends ComputedValues {
  private final ProjectionBlock block;
  private final String operator;
  private final int left;
  private final int right;

  ArithmeticValues(ProjectionBlock block, String operator, int left, int right) {
    super(DataType.DOUBLE);
    this.block = block;
    this.operator = operator;
    this.left = left;
    this.right = right;
  }

  @Override
  void compute(int length) {
    double[] a = block.doubleValues(left);
    double[] b = block.doubleValues(right);
    double[] out = doubles;
    switch (operator) {
      case "plus" -> {
        for (int i = 0; i < length; i++) {
          out[i] = a[i] + b[i];
        }
      }
      case "minus" -> {
        for (int i = 0; i < length; i++) {
          out[i] = a[i] - b[i];
        }
      }
      case "times" -> {
        for (int i = 0; i < length; i++) {
          out[i] = a[i] * b[i];
        }
      }
      case "divide" -> {
        for (int i = 0; i < length; i++) {
          out[i] = a[i] / b[i];
        }
      }
      default -> {
        for (int i = 0; i < length; i++) {
          out[i] = a[i] % b[i];
        }
      }
    }
  }
}
