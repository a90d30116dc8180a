// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.text;

import io.pinot.segment.format.SegmentFileWriter;
import io.pinot.segment.spi.DataSource;
import io.pinot.spi.config.table.FieldConfig;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.DataType;
import io.pinot.spi.data.FieldSpec;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Which columns get a text index, with which settings (see [TextIndexConfig] for the config keys), and building
/// it from a loaded column on reload. As in Pinot, text indexes are built on STRING (and JSON) columns, single- or
/// multi-value, dictionary-encoded or raw; other columns are logged and skipped. Stateless utilities.
public final class TextIndexes {
  private static final Logger LOGGER = LoggerFactory.getLogger(TextIndexes.class);

  private TextIndexes() {
  }

  /// The text index settings of a column, or null when it gets no text index.
  public static @Nullable TextIndexConfig plan(FieldSpec spec, TableConfig tableConfig) {
    FieldConfig field = tableConfig.fieldConfig(spec.name());
    TextIndexConfig config = TextIndexConfig.of(field);
    if (config != null && spec.dataType().storedType() != DataType.STRING) {
      LOGGER.info("Column[{}] of type {} gets no text index (STRING columns only)", spec.name(), spec.dataType());
      return null;
    }
    return config;
  }

  /// Whether the text index of a loaded column was built with other settings than `config` asks for (a reload
  /// then rebuilds it).
  public static boolean settingsDiffer(DataSource source, String column, TextIndexConfig config) {
    return source.textIndex() instanceof LuceneTextIndexReader reader
        && !reader.settings().equals(config.settings(column));
  }

  /// Builds the text index of a loaded column (for reloads).
  public static void rebuild(SegmentFileWriter out, String column, DataSource source, int numDocs,
      TextIndexConfig config) throws IOException {
    TextIndexWriter.write(out, column, config, TextDocuments.of(source, numDocs));
  }
}
