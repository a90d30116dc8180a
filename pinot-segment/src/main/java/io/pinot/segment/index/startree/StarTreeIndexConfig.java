// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.startree;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/// One entry of `tableIndexConfig.starTreeIndexConfigs`, with Apache Pinot's JSON names:
/// ```json
/// {"dimensionsSplitOrder": ["country", "browser"], "skipStarNodeCreationForDimensions": ["browser"],
///  "functionColumnPairs": ["COUNT__*", "SUM__revenue"],
///  "aggregationConfigs": [{"columnName": "revenue", "aggregationFunction": "MAX"}],
///  "maxLeafRecords": 10000}
/// ```
/// Fields stay as written (null when absent); [StarTreeBuilderConfig#fromIndexConfig] applies defaults and checks
/// them. Immutable.
@JsonIgnoreProperties(ignoreUnknown = true)
public record StarTreeIndexConfig(
    @JsonProperty("dimensionsSplitOrder") @Nullable List<String> dimensionsSplitOrder,
    @JsonProperty("skipStarNodeCreationForDimensions") @Nullable List<String> skipStarNodeCreationForDimensions,
    @JsonProperty("functionColumnPairs") @Nullable List<String> functionColumnPairs,
    @JsonProperty("aggregationConfigs") @Nullable List<StarTreeAggregationConfig> aggregationConfigs,
    @JsonProperty("maxLeafRecords") @Nullable Integer maxLeafRecords) {

  public StarTreeIndexConfig {
    dimensionsSplitOrder = copy(dimensionsSplitOrder);
    skipStarNodeCreationForDimensions = copy(skipStarNodeCreationForDimensions);
    functionColumnPairs = copy(functionColumnPairs);
    aggregationConfigs = aggregationConfigs == null ? null : List.copyOf(aggregationConfigs);
  }

  private static @Nullable List<String> copy(@Nullable List<String> list) {
    return list == null ? null : List.copyOf(list);
  }
}
