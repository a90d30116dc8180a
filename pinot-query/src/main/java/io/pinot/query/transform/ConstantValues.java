// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.transform;

import io.pinot.spi.data.DataType;
import java.util.Arrays;

/// A literal repeated for every document of the block. Not thread-safe: one per segment execution.
final class ConstantValues extends ComputedValues {
  private final long longValue;
  private final double doubleValue;
  private final String stringValue;
  private final byte[] bytesValue;

  ConstantValues(DataType type, Object value) {
    super(type);
    Object stored = ValueStore.toNative(value, type);
    this.longValue = stored instanceof Long l ? l : 0L;
    this.doubleValue = stored instanceof Double d ? d : 0d;
    this.stringValue = stored instanceof String s ? s : "";
    this.bytesValue = stored instanceof byte[] b ? b : new byte[0];
  }

  @Override
  void compute(int length) {
    switch (nativeKind) {
      case LONG -> Arrays.fill(longs, 0, length, longValue);
      case DOUBLE -> Arrays.fill(doubles, 0, length, doubleValue);
      case STRING -> Arrays.fill(strings, 0, length, stringValue);
      case BYTES -> Arrays.fill(bytes, 0, length, bytesValue);
    }
  }
}
