// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.creator.name;

import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.FieldSpec;
import io.pinot.spi.data.Schema;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// Creates segment name generators from a job spec's `segmentNameGeneratorSpec` (`type` and `configs`), with
/// Pinot's type names and config keys. Stateless utilities.
public final class SegmentNameGenerators {
  public static final String SIMPLE = "simple";
  public static final String NORMALIZED_DATE = "normalizeddate";
  public static final String FIXED = "fixed";
  public static final String INPUT_FILE = "inputfile";

  public static final String SEGMENT_NAME = "segment.name";
  public static final String SEGMENT_NAME_PREFIX = "segment.name.prefix";
  public static final String SEGMENT_NAME_POSTFIX = "segment.name.postfix";
  public static final String EXCLUDE_SEQUENCE_ID = "exclude.sequence.id";
  public static final String APPEND_UUID = "append.uuid.to.segment.name";
  public static final String OMIT_TIMESTAMPS = "omit.timestamps.in.segment.name";

  private SegmentNameGenerators() {
  }

  /// A generator of the given type (case-insensitive: `simple`, `normalizedDate`, `fixed`; null or blank means
  /// `simple`).
  ///
  /// @param tableName the default prefix (the job runner passes the raw table name)
  /// @throws IllegalArgumentException for an unknown or unsupported type or a missing required config
  public static SegmentNameGenerator create(@Nullable String type, @Nullable Map<String, String> configs,
      String tableName, TableConfig tableConfig, Schema schema) {
    Map<String, String> settings = configs == null ? Map.of() : configs;
    String normalizedType = type == null || type.isBlank() ? SIMPLE : type.trim().toLowerCase(Locale.ROOT);
    String prefix = settings.get(SEGMENT_NAME_PREFIX);
    String postfix = settings.get(SEGMENT_NAME_POSTFIX);
    boolean excludeSequenceId = Boolean.parseBoolean(settings.get(EXCLUDE_SEQUENCE_ID));
    boolean appendUuid = Boolean.parseBoolean(settings.get(APPEND_UUID));
    return switch (normalizedType) {
      case SIMPLE -> new SimpleSegmentNameGenerator(prefix == null ? tableName : prefix, postfix, excludeSequenceId,
          Boolean.parseBoolean(settings.get(OMIT_TIMESTAMPS)), appendUuid);
      case NORMALIZED_DATE -> {
        boolean append = "APPEND".equalsIgnoreCase(pushType(tableConfig));
        yield new NormalizedDateSegmentNameGenerator(prefix == null ? tableName : prefix, postfix,
            excludeSequenceId, append, "HOURLY".equalsIgnoreCase(pushFrequency(tableConfig)),
            append ? timeFormat(tableConfig, schema) : null, appendUuid);
      }
      case FIXED -> {
        String name = settings.get(SEGMENT_NAME);
        if (name == null || name.isBlank()) {
          throw new IllegalArgumentException("The fixed segment name generator needs config '" + SEGMENT_NAME + "'");
        }
        yield new FixedSegmentNameGenerator(name.trim());
      }
      case INPUT_FILE -> throw new IllegalArgumentException("Segment name generator type 'inputFile' is not "
          + "supported yet: use simple, normalizedDate or fixed");
      default -> throw new IllegalArgumentException("Unsupported segment name generator type '" + type
          + "': use simple, normalizedDate or fixed");
    };
  }

  private static @Nullable TimeFormatSpec timeFormat(TableConfig tableConfig, Schema schema) {
    String timeColumn = tableConfig.segmentsConfig().timeColumnName();
    FieldSpec spec = timeColumn == null ? null : schema.fieldSpec(timeColumn);
    if (spec == null) {
      return null;
    }
    if (spec.format() != null) {
      return TimeFormatSpec.parse(spec.format());
    }
    String timeType = tableConfig.segmentsConfig().timeType();
    return TimeFormatSpec.parse("1:" + (timeType == null ? "MILLISECONDS" : timeType) + ":EPOCH");
  }

  /// `ingestionConfig.batchIngestionConfig.segmentIngestionType`, else `segmentsConfig.segmentPushType`.
  static @Nullable String pushType(TableConfig tableConfig) {
    String batch = batchIngestionSetting(tableConfig, "segmentIngestionType");
    return batch != null ? batch : tableConfig.segmentsConfig().segmentPushType();
  }

  /// `ingestionConfig.batchIngestionConfig.segmentIngestionFrequency`, else `segmentsConfig.segmentPushFrequency`.
  static @Nullable String pushFrequency(TableConfig tableConfig) {
    String batch = batchIngestionSetting(tableConfig, "segmentIngestionFrequency");
    if (batch != null) {
      return batch;
    }
    Object frequency = tableConfig.segmentsConfig().otherFields().get("segmentPushFrequency");
    return frequency == null ? null : frequency.toString();
  }

  private static @Nullable String batchIngestionSetting(TableConfig tableConfig, String key) {
    if (tableConfig.otherFields().get("ingestionConfig") instanceof Map<?, ?> ingestion
        && ingestion.get("batchIngestionConfig") instanceof Map<?, ?> batch && batch.get(key) != null) {
      return batch.get(key).toString();
    }
    return null;
  }
}
