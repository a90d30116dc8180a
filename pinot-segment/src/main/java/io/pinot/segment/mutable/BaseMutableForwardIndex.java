// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.mutable;

import io.pinot.segment.spi.ForwardIndexReader;
import io.pinot.spi.data.DataType;

/// Base of the forward index readers of a mutable segment: read methods the encoding does not override keep the
/// [ForwardIndexReader] defaults, which throw [UnsupportedOperationException] naming this reader.
/// Readers hold no per-query state and are shared by all snapshots of a column (a snapshot only ever asks for
/// documents below its own count, all published to it). Thread-safe.
abstract sealed class BaseMutableForwardIndex implements ForwardIndexReader permits DictIdForwardIndex,
    MultiValueDictIdForwardIndex, RawFixedWidthForwardIndex, RawVariableWidthForwardIndex {
  private final String description;
  private final DataType storedType;

  BaseMutableForwardIndex(String description, DataType storedType) {
    this.description = description;
    this.storedType = storedType;
  }

  @Override
  public final DataType storedType() {
    return storedType;
  }

  UnsupportedOperationException unsupported(String operation) {
    return new UnsupportedOperationException(operation + " is not supported by a mutable " + description
        + " forward index");
  }

  @Override
  public String toString() {
    return "a mutable " + description + " forward index of " + storedType;
  }
}
