// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.mutable;

import io.pinot.segment.index.dictionary.VarLengthValues;
import io.pinot.spi.data.DataType;
import java.math.BigDecimal;
import java.util.HexFormat;

/// Forward index of a raw (no-dictionary) single-value STRING, BYTES or BIG_DECIMAL column of a mutable segment,
/// over a [VarByteStore]. Reads follow the immutable raw reader: text forms (BYTES as lower-case hex, BIG_DECIMAL
/// as plain text), stored bytes, and numeric reads for BIG_DECIMAL only. Thread-safe (see
/// [BaseMutableForwardIndex]).
final class RawVariableWidthForwardIndex extends BaseMutableForwardIndex {
  private final VarByteStore store;

  RawVariableWidthForwardIndex(VarByteStore store, DataType storedType) {
    super("raw " + storedType, storedType);
    this.store = store;
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
  public void readStringValues(int[] docIds, int length, String[] out) {
    for (int i = 0; i < length; i++) {
      int docId = docIds[i];
      out[i] = switch (storedType()) {
        case STRING -> store.string(docId);
        case BYTES -> HexFormat.of().formatHex(store.bytes(docId));
        default -> decimal(docId).toPlainString();
      };
    }
  }

  @Override
  public void readBytesValues(int[] docIds, int length, byte[][] out) {
    for (int i = 0; i < length; i++) {
      out[i] = store.bytes(docIds[i]);
    }
  }

  @Override
  public void readIntValues(int[] docIds, int length, int[] out) {
    for (int i = 0; i < length; i++) {
      out[i] = decimal(docIds[i]).intValue();
    }
  }

  @Override
  public void readLongValues(int[] docIds, int length, long[] out) {
    for (int i = 0; i < length; i++) {
      out[i] = decimal(docIds[i]).longValue();
    }
  }

  @Override
  public void readFloatValues(int[] docIds, int length, float[] out) {
    for (int i = 0; i < length; i++) {
      out[i] = decimal(docIds[i]).floatValue();
    }
  }

  @Override
  public void readDoubleValues(int[] docIds, int length, double[] out) {
    for (int i = 0; i < length; i++) {
      out[i] = decimal(docIds[i]).doubleValue();
    }
  }

  private BigDecimal decimal(int docId) {
    if (storedType() != DataType.BIG_DECIMAL) {
      throw unsupported("Numeric reads of " + storedType());
    }
    return VarLengthValues.deserializeBigDecimal(store.bytes(docId));
  }
}
