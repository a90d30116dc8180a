// SPDX-License-Identifier: Apache-2.0
package io.pinot.spi.stream;

import io.pinot.spi.data.Schema;
import java.util.Map;
import java.util.Set;

/// Creates decoders of one message format. Implementations register through `java.util.ServiceLoader`
/// (`META-INF/services/io.pinot.spi.stream.StreamMessageDecoderFactory`) and are chosen by the table's
/// `stream.<type>.decoder.class.name`, which may name Apache Pinot's decoder classes
/// (`org.apache.pinot.plugin.stream.kafka.KafkaJSONMessageDecoder`,
/// `org.apache.pinot.plugin.inputformat.avro.SimpleAvroMessageDecoder`,
/// `org.apache.pinot.plugin.inputformat.csv.CSVMessageDecoder`...). Thread-safe.
public interface StreamMessageDecoderFactory {

  /// Every `decoder.class.name` value this factory answers to.
  Set<String> classNames();

  /// A decoder for `schema`, configured by the `stream.<type>.decoder.prop.*` properties (prefix removed). A
  /// property that is missing or invalid (an Avro decoder without `schema`) throws IllegalArgumentException
  /// naming the key.
  StreamMessageDecoder create(Map<String, String> decoderProperties, Schema schema, String topic);
}
