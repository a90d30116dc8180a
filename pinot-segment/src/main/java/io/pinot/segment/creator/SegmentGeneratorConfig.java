// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.creator;

import io.pinot.segment.creator.name.SegmentNameGenerator;
import io.pinot.segment.creator.name.SimpleSegmentNameGenerator;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.Schema;
import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/// Everything [SegmentCreator] needs to build one segment. Immutable; build it with [#builder()].
///
/// @param tableConfig the table (index lists, time column, no-dictionary columns...)
/// @param schema the columns and their types
/// @param outputDir the segment is written to `outputDir/<segmentName>/`
/// @param segmentNameGenerator names the segment (default: `simple` with the raw table name)
/// @param sequenceId the segment's number within its job, used in names (negative: none; default -1)
/// @param continueOnError skip and count records that cannot be converted instead of failing (default false)
/// @param inputDescription what is being read, for messages (default `input`)
/// @param creationTime the creation time to record, epoch millis; null means the time of creation (set it to
///     build byte-identical segments)
public record SegmentGeneratorConfig(
    TableConfig tableConfig,
    Schema schema,
    Path outputDir,
    SegmentNameGenerator segmentNameGenerator,
    int sequenceId,
    boolean continueOnError,
    String inputDescription,
    @Nullable Long creationTime) {

  public SegmentGeneratorConfig {
    Objects.requireNonNull(tableConfig, "tableConfig is null");
    Objects.requireNonNull(schema, "schema is null");
    Objects.requireNonNull(outputDir, "outputDir is null");
    Objects.requireNonNull(segmentNameGenerator, "segmentNameGenerator is null");
    Objects.requireNonNull(inputDescription, "inputDescription is null");
  }

  public static Builder builder() {
    return new Builder();
  }

  /// Builder of [SegmentGeneratorConfig]; `tableConfig`, `schema` and `outputDir` are required. Not thread-safe.
  public static final class Builder {
    private @Nullable TableConfig tableConfig;
    private @Nullable Schema schema;
    private @Nullable Path outputDir;
    private @Nullable SegmentNameGenerator segmentNameGenerator;
    private int sequenceId = -1;
    private boolean continueOnError;
    private String inputDescription = "input";
    private @Nullable Long creationTime;

    private Builder() {
    }

    public Builder tableConfig(TableConfig value) {
      this.tableConfig = value;
      return this;
    }

    public Builder schema(Schema value) {
      this.schema = value;
      return this;
    }

    public Builder outputDir(Path value) {
      this.outputDir = value;
      return this;
    }

    public Builder segmentNameGenerator(SegmentNameGenerator value) {
      this.segmentNameGenerator = value;
      return this;
    }

    public Builder sequenceId(int value) {
      this.sequenceId = value;
      return this;
    }

    public Builder continueOnError(boolean value) {
      this.continueOnError = value;
      return this;
    }

    public Builder inputDescription(String value) {
      this.inputDescription = value;
      return this;
    }

    public Builder creationTime(@Nullable Long value) {
      this.creationTime = value;
      return this;
    }

    public SegmentGeneratorConfig build() {
      TableConfig table = Objects.requireNonNull(tableConfig, "tableConfig is required");
      SegmentNameGenerator generator = segmentNameGenerator != null ? segmentNameGenerator
          : new SimpleSegmentNameGenerator(table.rawTableName());
      return new SegmentGeneratorConfig(table, Objects.requireNonNull(schema, "schema is required"),
          Objects.requireNonNull(outputDir, "outputDir is required"), generator, sequenceId, continueOnError,
          inputDescription, creationTime);
    }
  }
}
