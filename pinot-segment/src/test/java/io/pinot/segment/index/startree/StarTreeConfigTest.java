// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.startree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pinot.common.utils.JsonUtils;
import io.pinot.segment.spi.startree.AggregationFunctionColumnPair;
import io.pinot.segment.spi.startree.StarTreeFunctionType;
import io.pinot.spi.config.table.TableConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/// Reading Pinot's star-tree keys from table configs, resolving them and validating them against the schema.
class StarTreeConfigTest {

  @Test
  void readsPinotsKeysFromTheTableConfig() {
    TableConfig table = StarTreeTestSegments.table("\"enableDefaultStarTree\": \"true\", "
        + "\"enableDynamicStarTreeCreation\": true, \"starTreeIndexConfigs\": [{\"dimensionsSplitOrder\": "
        + "[\"country\", \"device\"], \"skipStarNodeCreationForDimensions\": [\"device\"], \"functionColumnPairs\": "
        + "[\"SUM__clicks\", \"count__x\", \"Max__revenue\", \"SUM__clicks\"], \"aggregationConfigs\": "
        + "[{\"columnName\": \"big\", \"aggregationFunction\": \"DISTINCT_COUNT_BITMAP\", \"compressionCodec\": "
        + "\"LZ4\"}], \"maxLeafRecords\": 0}]");
    StarTreeIndexingConfig indexing = StarTreeIndexingConfig.of(table);
    assertThat(indexing.defaultStarTree()).isTrue();
    assertThat(indexing.dynamicStarTreeCreation()).isTrue();
    assertThat(indexing.hasStarTrees()).isTrue();
    StarTreeBuilderConfig config = StarTreeBuilderConfig.fromIndexConfig(indexing.starTreeIndexConfigs().get(0));
    assertThat(config.dimensionsSplitOrder()).containsExactly("country", "device");
    assertThat(config.skipStarNodeCreationForDimensions()).containsExactly("device");
    assertThat(config.functionColumnPairs()).extracting(AggregationFunctionColumnPair::toColumnName)
        .containsExactly("count__*", "sum__clicks", "max__revenue", "distinctCountBitmap__big");
    assertThat(config.maxLeafRecords()).isEqualTo(10_000);
  }

  @Test
  void aTableWithoutStarTreeKeysHasNone() {
    StarTreeIndexingConfig indexing = StarTreeIndexingConfig.of(StarTreeTestSegments.table(""));
    assertThat(indexing.starTreeIndexConfigs()).isEmpty();
    assertThat(indexing.defaultStarTree()).isFalse();
    assertThat(indexing.dynamicStarTreeCreation()).isFalse();
    assertThat(indexing.hasStarTrees()).isFalse();
  }

  @Test
  void pairsParseAsPinotParsesThem() {
    assertThat(AggregationFunctionColumnPair.fromColumnName("COUNT__*"))
        .isEqualTo(AggregationFunctionColumnPair.COUNT_STAR);
    assertThat(AggregationFunctionColumnPair.fromColumnName("count__anything").toColumnName()).isEqualTo("count__*");
    assertThat(AggregationFunctionColumnPair.fromColumnName("avg__a__b"))
        .isEqualTo(new AggregationFunctionColumnPair(StarTreeFunctionType.AVG, "a__b"));
    assertThat(AggregationFunctionColumnPair.fromColumnName("DistinctCountBitmap__x").toColumnName())
        .isEqualTo("distinctCountBitmap__x");
    assertThatThrownBy(() -> AggregationFunctionColumnPair.fromColumnName("SUM_x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("FUNCTION__column");
    assertThatThrownBy(() -> AggregationFunctionColumnPair.fromColumnName("DISTINCTCOUNTHLL__x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DISTINCTCOUNTHLL")
        .hasMessageContaining("supported: COUNT, SUM, MIN, MAX, AVG, DISTINCTCOUNTBITMAP");
    assertThatThrownBy(() -> AggregationFunctionColumnPair.fromColumnName("SUM__*"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void incompleteConfigsAreRejected() {
    assertThatThrownBy(() -> StarTreeBuilderConfig.fromIndexConfig(new StarTreeIndexConfig(null, null,
        List.of("COUNT__*"), null, null))).hasMessageContaining("dimensionsSplitOrder");
    assertThatThrownBy(() -> StarTreeBuilderConfig.fromIndexConfig(new StarTreeIndexConfig(List.of("a"), null,
        null, null, null))).hasMessageContaining("functionColumnPairs");
    assertThatThrownBy(() -> StarTreeBuilderConfig.fromIndexConfig(new StarTreeIndexConfig(List.of("a", "a"), null,
        List.of("COUNT__*"), null, null))).hasMessageContaining("twice");
    assertThatThrownBy(() -> StarTreeBuilderConfig.fromIndexConfig(new StarTreeIndexConfig(List.of("a"),
        List.of("b"), List.of("COUNT__*"), null, null))).hasMessageContaining("skipStarNodeCreationForDimensions");
    assertThatThrownBy(() -> StarTreeBuilderConfig.fromIndexConfig(new StarTreeIndexConfig(List.of("a"), null, null,
        List.of(new StarTreeAggregationConfig("x", null)), null))).hasMessageContaining("aggregationFunction");
  }

  @Test
  void validationAcceptsAGoodTable() {
    StarTreeValidation.validate(StarTreeTestSegments.table("\"starTreeIndexConfigs\": [{\"dimensionsSplitOrder\": "
        + "[\"country\", \"year\"], \"functionColumnPairs\": [\"SUM__clicks\", \"MIN__revenue\", \"AVG__big\", "
        + "\"DISTINCTCOUNTBITMAP__browser\"]}]"), StarTreeTestSegments.SCHEMA);
    StarTreeValidation.validate(StarTreeTestSegments.table("\"noDictionaryColumns\": [\"browser\"]"),
        StarTreeTestSegments.SCHEMA);
  }

  @Test
  void validationNamesTheProblem() {
    assertInvalid("\"dimensionsSplitOrder\": [\"nope\"], \"functionColumnPairs\": [\"COUNT__*\"]",
        "starTreeIndexConfigs[0]", "Dimension[nope] is not in schema[sales]");
    assertInvalid("\"dimensionsSplitOrder\": [\"tags\"], \"functionColumnPairs\": [\"COUNT__*\"]",
        "Dimension[tags] is multi-value");
    assertInvalid("\"dimensionsSplitOrder\": [\"country\"], \"functionColumnPairs\": [\"SUM__device\"]",
        "Column[device] of pair[sum__device] has type STRING");
    assertInvalid("\"dimensionsSplitOrder\": [\"country\"], \"functionColumnPairs\": [\"PERCENTILEEST__clicks\"]",
        "Aggregation function[PERCENTILEEST] is not supported");
    assertInvalid("\"dimensionsSplitOrder\": [\"country\"], \"functionColumnPairs\": [\"MAX__gone\"]",
        "Column of pair[max__gone][gone] is not in schema");
    assertThatThrownBy(() -> StarTreeValidation.validate(StarTreeTestSegments.table("\"noDictionaryColumns\": "
        + "[\"country\"], \"starTreeIndexConfigs\": [{\"dimensionsSplitOrder\": [\"country\"], "
        + "\"functionColumnPairs\": [\"COUNT__*\"]}]"), StarTreeTestSegments.SCHEMA))
        .hasMessageContaining("Dimension[country] has no dictionary");
    assertThatThrownBy(() -> StarTreeValidation.validate(StarTreeTestSegments.table("\"noDictionaryColumns\": "
        + "[\"browser\"], \"starTreeIndexConfigs\": [{\"dimensionsSplitOrder\": [\"country\"], "
        + "\"functionColumnPairs\": [\"DISTINCTCOUNTBITMAP__browser\"]}]"), StarTreeTestSegments.SCHEMA))
        .hasMessageContaining("has no dictionary");
  }

  @Test
  void upsertTablesCannotHaveStarTrees() {
    TableConfig upsert = JsonUtils.fromJson("{\"tableName\": \"sales\", \"tableType\": \"REALTIME\", "
        + "\"upsertConfig\": {\"mode\": \"FULL\"}, \"tableIndexConfig\": {\"enableDefaultStarTree\": true}}",
        TableConfig.class);
    assertThatThrownBy(() -> StarTreeValidation.validate(upsert, StarTreeTestSegments.SCHEMA))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("upsert table[sales_REALTIME]");
  }

  private static void assertInvalid(String entry, String... messages) {
    assertThatThrownBy(() -> StarTreeValidation.validate(StarTreeTestSegments.table("\"starTreeIndexConfigs\": [{"
        + entry + "}]"), StarTreeTestSegments.SCHEMA)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContainingAll(messages);
  }
}
