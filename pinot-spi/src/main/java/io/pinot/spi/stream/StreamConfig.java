// SPDX-License-Identifier: Apache-2.0
package io.pinot.spi.stream;

import io.pinot.spi.config.table.TableConfig;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// A REALTIME table's stream settings, read from Apache Pinot's `streamConfigs` map (in
/// `tableIndexConfig.streamConfigs`, or the first map of `ingestionConfig.streamIngestionConfig.streamConfigMaps`)
/// with Pinot's keys: `streamType`, `stream.<type>.topic.name`, `stream.<type>.consumer.type` (only `lowlevel`),
/// `stream.<type>.consumer.factory.class.name`, `stream.<type>.decoder.class.name`,
/// `stream.<type>.decoder.prop.*`, `stream.<type>.consumer.prop.auto.offset.reset` (`smallest`/`largest`),
/// `stream.<type>.fetch.timeout.millis`, `realtime.segment.flush.threshold.rows` (or the older `.size`; 0 sizes
/// segments by `realtime.segment.flush.threshold.segment.size`), `realtime.segment.flush.threshold.time`.
/// Every other key (the broker list, Kafka client and security properties) stays in [#properties()] for the
/// stream plugin. Immutable.
///
/// @param flushThresholdRows rows per consuming segment before it commits; 0 means sized by
///     `flushThresholdSegmentSizeBytes`
public record StreamConfig(String streamType, String topicName, String consumerFactoryClassName,
    String decoderClassName, Map<String, String> decoderProperties, boolean offsetResetLargest,
    long fetchTimeoutMillis, int flushThresholdRows, long flushThresholdTimeMillis,
    long flushThresholdSegmentSizeBytes, Map<String, String> properties) {

  public static final String DEFAULT_CONSUMER_FACTORY = "org.apache.pinot.plugin.stream.kafka20.KafkaConsumerFactory";
  public static final int DEFAULT_FLUSH_THRESHOLD_ROWS = 5_000_000;
  public static final long DEFAULT_FLUSH_THRESHOLD_TIME_MILLIS = 6 * 3600_000L;
  public static final long DEFAULT_FLUSH_THRESHOLD_SEGMENT_SIZE_BYTES = 200L * 1024 * 1024;
  public static final int DEFAULT_FLUSH_AUTOTUNE_INITIAL_ROWS = 100_000;
  public static final long DEFAULT_FETCH_TIMEOUT_MILLIS = 5_000;

  public StreamConfig {
    decoderProperties = Map.copyOf(decoderProperties);
    properties = Map.copyOf(properties);
  }

  /// Parses a `streamConfigs` map; a missing or invalid key throws IllegalArgumentException naming it.
  public static StreamConfig parse(Map<String, ?> raw) {
    Map<String, String> map = new LinkedHashMap<>();
    raw.forEach((key, value) -> map.put(key, value == null ? null : String.valueOf(value)));
    String type = required(map, "streamType");
    String prefix = "stream." + type + ".";
    String topic = required(map, prefix + "topic.name");
    String consumerType = map.getOrDefault(prefix + "consumer.type", "lowlevel");
    if (!consumerType.equalsIgnoreCase("lowlevel") && !consumerType.equalsIgnoreCase("simple")) {
      throw new IllegalArgumentException("Invalid " + prefix + "consumer.type[" + consumerType
          + "]: only 'lowlevel' (partition-level) consumption is supported");
    }
    String decoder = required(map, prefix + "decoder.class.name");
    Map<String, String> decoderProps = new LinkedHashMap<>();
    String decoderPrefix = prefix + "decoder.prop.";
    map.forEach((key, value) -> {
      if (key.startsWith(decoderPrefix) && value != null) {
        decoderProps.put(key.substring(decoderPrefix.length()), value);
      }
    });
    String reset = map.getOrDefault(prefix + "consumer.prop.auto.offset.reset", "largest").trim()
        .toLowerCase(Locale.ROOT);
    boolean largest = switch (reset) {
      case "largest", "latest" -> true;
      case "smallest", "earliest" -> false;
      default -> {
        if (resetTimestampMillis(map.get(prefix + "consumer.prop.auto.offset.reset").trim(), 0) == Long.MIN_VALUE) {
          throw new IllegalArgumentException("Invalid " + prefix + "consumer.prop.auto.offset.reset[" + reset
              + "]: use 'smallest', 'largest', a period before now such as '2d' or '6h', or an ISO-8601 time such "
              + "as '2026-01-01T00:00:00Z'");
        }
        yield false;
      }
    };
    String rowsKey = map.containsKey("realtime.segment.flush.threshold.rows") ? "realtime.segment.flush.threshold.rows"
        : "realtime.segment.flush.threshold.size";
    long rowsValue = number(map, rowsKey, DEFAULT_FLUSH_THRESHOLD_ROWS);
    if (rowsValue > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("Invalid " + rowsKey + "[" + map.get(rowsKey) + "]: at most "
          + Integer.MAX_VALUE + " rows");
    }
    int rows = (int) rowsValue;
    long time = map.get("realtime.segment.flush.threshold.time") == null ? DEFAULT_FLUSH_THRESHOLD_TIME_MILLIS
        : DurationParser.millis("realtime.segment.flush.threshold.time",
            map.get("realtime.segment.flush.threshold.time"));
    String sizeKey = map.containsKey("realtime.segment.flush.threshold.segment.size")
        ? "realtime.segment.flush.threshold.segment.size" : "realtime.segment.flush.desired.size";
    long size = map.get(sizeKey) == null ? DEFAULT_FLUSH_THRESHOLD_SEGMENT_SIZE_BYTES
        : DurationParser.bytes(sizeKey, map.get(sizeKey));
    return new StreamConfig(type, topic, map.getOrDefault(prefix + "consumer.factory.class.name",
        DEFAULT_CONSUMER_FACTORY), decoder, decoderProps, largest,
        number(map, prefix + "fetch.timeout.millis", DEFAULT_FETCH_TIMEOUT_MILLIS), rows, time, size, map);
  }

  /// Where a new partition starts when `auto.offset.reset` is a time, as in Pinot: a period before `nowMs` (`2d`,
  /// `6h30m`) or an ISO-8601 instant (`2026-01-01T00:00:00Z`), in epoch milliseconds; -1 for `smallest`/`largest`.
  public long offsetResetTimestampMillis(long nowMs) {
    String reset = properties.get("stream." + streamType + ".consumer.prop.auto.offset.reset");
    long millis = reset == null ? Long.MIN_VALUE : resetTimestampMillis(reset.trim(), nowMs);
    return millis == Long.MIN_VALUE ? -1 : Math.max(0, millis);
  }

  /// A period (with a unit) before `nowMs` or an ISO-8601 instant, or Long.MIN_VALUE when `value` is neither.
  private static long resetTimestampMillis(String value, long nowMs) {
    String lower = value.toLowerCase(Locale.ROOT);
    if (lower.matches("(\\d+d)?(\\d+h)?(\\d+m)?(\\d+s)?") && !lower.isEmpty()) {
      return nowMs - DurationParser.millis("auto.offset.reset", lower);
    }
    try {
      return Instant.parse(value).toEpochMilli();
    } catch (DateTimeParseException e) {
      return Long.MIN_VALUE;
    }
  }

  /// The stream settings of a REALTIME table config, or null when it has none.
  @SuppressWarnings("unchecked")
  public static @Nullable Map<String, Object> streamConfigMap(TableConfig config) {
    Object inIndexing = config.tableIndexConfig().otherFields().get("streamConfigs");
    if (inIndexing instanceof Map<?, ?> map && !map.isEmpty()) {
      return (Map<String, Object>) map;
    }
    if (config.otherFields().get("ingestionConfig") instanceof Map<?, ?> ingestion
        && ingestion.get("streamIngestionConfig") instanceof Map<?, ?> streamIngestion
        && streamIngestion.get("streamConfigMaps") instanceof List<?> maps && !maps.isEmpty()
        && maps.get(0) instanceof Map<?, ?> first) {
      return (Map<String, Object>) first;
    }
    return null;
  }

  /// The table's stream settings; throws IllegalArgumentException when it has none or they are invalid.
  public static StreamConfig of(TableConfig config) {
    Map<String, Object> map = streamConfigMap(config);
    if (map == null) {
      throw new IllegalArgumentException("REALTIME table " + config.tableName() + " has no stream config: set "
          + "tableIndexConfig.streamConfigs or ingestionConfig.streamIngestionConfig.streamConfigMaps");
    }
    return parse(map);
  }

  /// The value of `stream.<type>.<suffix>`, or null.
  public @Nullable String streamProperty(String suffix) {
    return properties.get("stream." + streamType + "." + suffix);
  }

  private static String required(Map<String, String> map, String key) {
    String value = map.get(key);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("Stream config is missing '" + key + "'");
    }
    return value.trim();
  }

  private static long number(Map<String, String> map, String key, long defaultValue) {
    String value = map.get(key);
    if (value == null || value.isBlank()) {
      return defaultValue;
    }
    try {
      long parsed = Long.parseLong(value.trim());
      if (parsed < 0) {
        throw new IllegalArgumentException("Invalid " + key + "[" + value + "]: must not be negative");
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Invalid " + key + "[" + value + "]: not a number", e);
    }
  }
}
