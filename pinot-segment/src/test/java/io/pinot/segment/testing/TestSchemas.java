// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.testing;

import io.pinot.spi.config.table.IndexingConfig;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.config.table.TableType;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// Table configs for tests.
public final class TestSchemas {
  private TestSchemas() {
  }

  /// An OFFLINE table config with the given index lists (null means none).
  public static TableConfig table(String name, @Nullable String timeColumn, @Nullable List<String> inverted,
      @Nullable List<String> noDictionary, @Nullable List<String> sorted) {
    IndexingConfig indexing = new IndexingConfig(null, sorted, inverted, null, null, noDictionary, null, null,
        Map.of());
    return TableConfig.of(name, TableType.OFFLINE, timeColumn, indexing);
  }
}
