// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.forward;

import io.pinot.segment.spi.ForwardIndexReader;

/// Base of the forward index readers: the shared helpers; read methods the encoding does not override keep the
/// [ForwardIndexReader] defaults, which throw [UnsupportedOperationException] naming this reader.
abstract sealed class BaseForwardIndexReader implements ForwardIndexReader permits BitPackedSvForwardIndexReader,
    BitPackedMvForwardIndexReader, SortedForwardIndexReader, FixedWidthRawForwardIndexReader,
    VarLengthRawForwardIndexReader, ChunkedFixedWidthForwardIndexReader, RawMultiValueForwardIndexReader {
  private final String description;

  BaseForwardIndexReader(String description) {
    this.description = description;
  }

  /// Number of documents the index holds.
  public abstract int numDocs();

  /// A contiguous run `docIds[0], docIds[0] + 1, ...` (doc ids are increasing, so checking the ends suffices).
  static boolean contiguous(int[] docIds, int length) {
    return docIds[length - 1] - docIds[0] == length - 1;
  }

  UnsupportedOperationException unsupported(String operation) {
    return new UnsupportedOperationException(operation + " is not supported by a " + description + " forward index");
  }

  @Override
  public String toString() {
    return "a " + description + " forward index";
  }
}
