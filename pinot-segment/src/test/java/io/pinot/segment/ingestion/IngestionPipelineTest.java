// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pinot.common.utils.JsonUtils;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.config.table.ingestion.ComplexTypeConfig;
import io.pinot.spi.config.table.ingestion.IngestionConfig;
import io.pinot.spi.data.Schema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/// Reading `ingestionConfig` with Pinot's JSON names and validating it when the pipeline is built.
class IngestionPipelineTest {
  private static final Schema SCHEMA = JsonUtils.fromJson("""
      {"schemaName": "t", "dimensionFieldSpecs": [{"name": "a", "dataType": "STRING"},
        {"name": "b", "dataType": "STRING"}]}
      """, Schema.class);

  private static TableConfig table(String ingestionConfig) {
    return JsonUtils.fromJson("{\"tableName\": \"t\", \"tableType\": \"OFFLINE\""
        + (ingestionConfig == null ? "" : ", \"ingestionConfig\": " + ingestionConfig) + "}", TableConfig.class);
  }

  @Test
  void readsEveryKeyWithDefaults() {
    IngestionConfig empty = IngestionConfigs.of(table(null));
    assertThat(empty.transforms()).isEmpty();
    assertThat(empty.filterFunction()).isNull();
    assertThat(empty.complexTypeConfig()).isNull();
    assertThat(empty.continueOnErrorEnabled()).isFalse();
    assertThat(empty.rowTimeValueCheckEnabled()).isFalse();
    assertThat(empty.segmentTimeValueCheckEnabled()).isTrue();
    IngestionConfig full = IngestionConfigs.of(table("""
        {"transformConfigs": [{"columnName": "a", "transformFunction": "upper(x)"}],
         "filterConfig": {"filterFunction": "x = 'drop'"},
         "complexTypeConfig": {"fieldsToUnnest": ["items"], "delimiter": "_",
           "collectionNotUnnestedToJson": "ALL", "prefixesToRename": {"items_": ""}},
         "continueOnError": true, "rowTimeValueCheck": true, "segmentTimeValueCheck": false,
         "batchIngestionConfig": {"segmentIngestionType": "APPEND"}}
        """));
    assertThat(full.transforms()).singleElement().satisfies(transform -> {
      assertThat(transform.columnName()).isEqualTo("a");
      assertThat(transform.transformFunction()).isEqualTo("upper(x)");
    });
    assertThat(full.filterFunction()).isEqualTo("x = 'drop'");
    ComplexTypeConfig complex = full.complexTypeConfig();
    assertThat(complex.unnestFields()).containsExactly("items");
    assertThat(complex.effectiveDelimiter()).isEqualTo("_");
    assertThat(complex.effectiveCollectionNotUnnestedToJson()).isEqualTo(
        ComplexTypeConfig.CollectionNotUnnestedToJson.ALL);
    assertThat(complex.renames()).isEqualTo(Map.of("items_", ""));
    assertThat(full.continueOnErrorEnabled()).isTrue();
    assertThat(full.rowTimeValueCheckEnabled()).isTrue();
    assertThat(full.segmentTimeValueCheckEnabled()).isFalse();
    assertThat(full.otherFields()).containsKey("batchIngestionConfig");
    String json = JsonUtils.toJson(full);
    assertThat(JsonUtils.fromJson(json, IngestionConfig.class)).isEqualTo(full);
    assertThat(json).contains("\"fieldsToUnnest\":[\"items\"]").contains("\"batchIngestionConfig\"");
  }

  @Test
  void invalidConfigsAreRejectedNamingTheProblem() {
    assertThatThrownBy(() -> IngestionPipeline.create(table("""
        {"transformConfigs": [{"columnName": "a", "transformFunction": "upper(b)"},
                              {"columnName": "b", "transformFunction": "lower(a)"}]}
        """), SCHEMA)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cycle");
    assertThatThrownBy(() -> IngestionPipeline.create(table("""
        {"transformConfigs": [{"columnName": "a", "transformFunction": "upper(a)"}]}
        """), SCHEMA)).hasMessageContaining("reads the column itself");
    assertThatThrownBy(() -> IngestionPipeline.create(table("""
        {"transformConfigs": [{"columnName": "a", "transformFunction": "upper(x)"},
                              {"columnName": "a", "transformFunction": "lower(x)"}]}
        """), SCHEMA)).hasMessageContaining("more than one transform");
    assertThatThrownBy(() -> IngestionPipeline.create(table("""
        {"transformConfigs": [{"columnName": "a", "transformFunction": "Groovy({x + 1}, x)"}]}
        """), SCHEMA)).hasMessageContaining("column[a]").hasMessageContaining("Groovy functions are disabled");
    assertThatThrownBy(() -> IngestionPipeline.create(table("""
        {"filterConfig": {"filterFunction": "nosuch(x)"}}
        """), SCHEMA)).hasMessageContaining("Invalid filterFunction").hasMessageContaining("nosuch");
    assertThatThrownBy(() -> IngestionPipeline.create(table("""
        {"transformConfigs": [{"columnName": "a"}]}
        """), SCHEMA)).hasMessageContaining("transformFunction");
    assertThatThrownBy(() -> IngestionPipeline.create(table("""
        {"complexTypeConfig": {"collectionNotUnnestedToJson": "SOME"}}
        """), SCHEMA)).hasMessageContaining("Invalid ingestionConfig of table[t_OFFLINE]");
  }

  @Test
  void transformsAreOrderedByDependency() {
    IngestionPipeline pipeline = IngestionPipeline.create(table("""
        {"transformConfigs": [{"columnName": "a", "transformFunction": "upper(b)"},
                              {"columnName": "b", "transformFunction": "lower(x)"}]}
        """), SCHEMA);
    assertThat(pipeline.transforms()).extracting(IngestionPipeline.Transform::column).containsExactly("b", "a");
    assertThat(pipeline.timeChecker()).isNull();
    assertThat(List.of(pipeline.config().transforms().size())).containsExactly(2);
  }
}
