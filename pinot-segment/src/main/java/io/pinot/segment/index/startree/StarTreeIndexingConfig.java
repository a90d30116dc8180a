// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.startree;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.pinot.common.utils.JsonUtils;
import io.pinot.spi.config.table.TableConfig;
import java.util.List;
import org.jspecify.annotations.Nullable;

/// The star-tree keys of a table's `tableIndexConfig`, read from
/// [io.pinot.spi.config.table.IndexingConfig#otherFields()] with Pinot's names: `starTreeIndexConfigs` (explicit
/// trees), `enableDefaultStarTree` (one more tree generated from the segment's columns, as Pinot's
/// `StarTreeV2BuilderConfig.generateDefaultConfig`) and `enableDynamicStarTreeCreation` (a reload
/// rebuilds or removes a segment's star-trees when the config asks for other trees; see
/// `io.pinot.segment.preprocess.StarTreeReconciler`). Immutable.
@JsonIgnoreProperties(ignoreUnknown = true)
public record StarTreeIndexingConfig(
    @JsonProperty("starTreeIndexConfigs") List<StarTreeIndexConfig> starTreeIndexConfigs,
    @JsonProperty("enableDefaultStarTree") @Nullable Boolean enableDefaultStarTree,
    @JsonProperty("enableDynamicStarTreeCreation") @Nullable Boolean enableDynamicStarTreeCreation) {

  public StarTreeIndexingConfig {
    starTreeIndexConfigs = starTreeIndexConfigs == null ? List.of() : List.copyOf(starTreeIndexConfigs);
  }

  /// The star-tree keys of a table config.
  ///
  /// @throws IllegalArgumentException when a star-tree key has the wrong JSON shape
  public static StarTreeIndexingConfig of(TableConfig tableConfig) {
    return JsonUtils.fromJsonNode(JsonUtils.toJsonNode(tableConfig.tableIndexConfig().otherFields()),
        StarTreeIndexingConfig.class);
  }

  public boolean defaultStarTree() {
    return Boolean.TRUE.equals(enableDefaultStarTree);
  }

  public boolean dynamicStarTreeCreation() {
    return Boolean.TRUE.equals(enableDynamicStarTreeCreation);
  }

  /// Whether segments of the table get at least one star-tree (if their columns allow).
  public boolean hasStarTrees() {
    return !starTreeIndexConfigs.isEmpty() || defaultStarTree();
  }
}
