// SPDX-License-Identifier: Apache-2.0
package io.pinot.spi.stream;

import io.pinot.spi.data.readers.GenericRow;

/// Turns a message payload into a row of the table's schema (before ingestion transforms). One instance per
/// consuming partition; not thread-safe.
public interface StreamMessageDecoder {

  /// Decodes `payload` into `destination` (cleared first) and returns it. A payload that cannot be decoded
  /// (bad JSON, a CSV line with the wrong number of fields, Avro that does not match the writer schema) throws
  /// [MalformedMessageException] saying why; the caller decides whether to skip it.
  GenericRow decode(byte[] payload, GenericRow destination);
}
