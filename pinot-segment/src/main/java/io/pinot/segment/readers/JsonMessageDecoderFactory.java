// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.readers;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.pinot.common.utils.JsonUtils;
import io.pinot.spi.data.Schema;
import io.pinot.spi.data.readers.GenericRow;
import io.pinot.spi.stream.MalformedMessageException;
import io.pinot.spi.stream.StreamMessageDecoder;
import io.pinot.spi.stream.StreamMessageDecoderFactory;
import java.io.IOException;
import java.util.Map;
import java.util.Set;

/// Decodes stream messages holding one JSON object each (UTF-8), as Apache Pinot's `JSONMessageDecoder` (and its
/// older name `KafkaJSONMessageDecoder`) does. Every field of the object becomes a column, its value converted as
/// [JsonRecordReader] converts file records (integral numbers to `Integer`/`Long`, other numbers to `Double` or
/// `BigDecimal`, arrays to `Object[]`, nested objects to `Map`). A payload that is not a single JSON object
/// throws [MalformedMessageException] saying why and where (never echoing the payload). Thread-safe; its
/// decoders are not.
public final class JsonMessageDecoderFactory implements StreamMessageDecoderFactory {
  private static final Set<String> CLASS_NAMES = Set.of(JsonMessageDecoderFactory.class.getName(),
      "org.apache.pinot.plugin.stream.kafka.KafkaJSONMessageDecoder",
      "org.apache.pinot.plugin.inputformat.json.JSONMessageDecoder",
      "org.apache.pinot.core.realtime.impl.kafka.KafkaJSONMessageDecoder");
  private static final ObjectReader READER =
      JsonUtils.MAPPER.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  @Override
  public Set<String> classNames() {
    return CLASS_NAMES;
  }

  /// The decoder; it takes no properties (Pinot's `recordExtractorClass` and `jsonFormat` are not supported and
  /// ignored).
  @Override
  public StreamMessageDecoder create(Map<String, String> decoderProperties, Schema schema, String topic) {
    return JsonMessageDecoderFactory::decode;
  }

  static GenericRow decode(byte[] payload, GenericRow destination) {
    if (payload == null || payload.length == 0) {
      throw new MalformedMessageException("empty JSON message: expected a JSON object");
    }
    JsonNode node;
    try {
      node = READER.readTree(payload);
    } catch (JsonProcessingException e) {
      JsonLocation location = e.getLocation();
      String where = location == null ? "" : " at line " + location.getLineNr() + " column " + location.getColumnNr();
      throw new MalformedMessageException("malformed JSON" + where + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new MalformedMessageException("unreadable JSON: " + e.getMessage(), e);
    }
    if (node == null || !node.isObject()) {
      throw new MalformedMessageException("a JSON message must be an object, not "
          + (node == null || node.isMissingNode() ? "empty" : node.getNodeType()));
    }
    destination.clear();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      destination.putValue(field.getKey(), JsonRecordReader.JsonValues.toJava(field.getValue()));
    }
    return destination;
  }
}
