// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.fst;

import io.pinot.segment.format.SegmentFileWriter;
import io.pinot.segment.spi.DataSource;
import io.pinot.segment.spi.Dictionary;
import io.pinot.spi.config.table.FieldConfig;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.DataType;
import io.pinot.spi.data.FieldSpec;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Which columns get an FST index and building it from a loaded column on reload. A column gets one when its
/// `fieldConfigList` entry has `indexType: FST`, `FST` in `indexTypes` or an enabled `indexes.fst`; as in Pinot it
/// must be a dictionary-encoded STRING column (single- or multi-value here), others are logged and skipped. Pinot's
/// case-insensitive `IFST` index is accepted and ignored (logged); the `fstIndexType` of older Pinot table configs is
/// kept as an unknown `tableIndexConfig` key (this FST is always Lucene's). Stateless utilities.
public final class FstIndexes {
  private static final Logger LOGGER = LoggerFactory.getLogger(FstIndexes.class);

  private FstIndexes() {
  }

  /// Whether a column gets an FST index, given whether it is dictionary-encoded.
  public static boolean plan(FieldSpec spec, boolean dictionary, TableConfig tableConfig) {
    FieldConfig field = tableConfig.fieldConfig(spec.name());
    if (field == null || field.indexDisabled("fst")) {
      return false;
    }
    if (field.allIndexTypes().contains("IFST") || field.indexConfig("ifst") != null) {
      LOGGER.info("Column[{}]: the case-insensitive IFST index is not supported; case-insensitive REGEXP_LIKE "
          + "scans the dictionary", spec.name());
    }
    boolean requested = field.allIndexTypes().contains("FST") || field.indexConfig("fst") != null;
    if (!requested) {
      return false;
    }
    if (!dictionary || spec.dataType().storedType() != DataType.STRING) {
      LOGGER.info("Column[{}] of type {}{} gets no FST index (dictionary-encoded STRING columns only)", spec.name(),
          spec.dataType(), dictionary ? "" : " without dictionary");
      return false;
    }
    return true;
  }

  /// Builds the FST index of a loaded dictionary-encoded column (for reloads).
  public static void rebuild(SegmentFileWriter out, String column, DataSource source) throws IOException {
    Dictionary dictionary = source.dictionary();
    if (dictionary == null) {
      throw new IllegalArgumentException("Column[" + column + "] has no dictionary: no FST index can be built");
    }
    FstIndexWriter.write(out, column, dictionary);
  }
}
