// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pinot.common.utils.JsonUtils;
import io.pinot.spi.config.table.ingestion.ComplexTypeConfig;
import io.pinot.spi.config.table.ingestion.ComplexTypeConfig.CollectionNotUnnestedToJson;
import io.pinot.spi.data.readers.GenericRow;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/// Flattening and unnesting on the shapes of Pinot's complex-type documentation.
class ComplexTypeFlattenerTest {
  private static GenericRow row(String json) {
    GenericRow row = new GenericRow();
    Map<?, ?> fields = JsonUtils.fromJson(json, Map.class);
    fields.forEach((key, value) -> row.putValue((String) key, toArrays(value)));
    return row;
  }

  /// Readers deliver arrays as `Object[]`.
  private static Object toArrays(Object value) {
    if (value instanceof List<?> list) {
      return list.stream().map(ComplexTypeFlattenerTest::toArrays).toArray();
    }
    return value;
  }

  private static List<GenericRow> apply(ComplexTypeConfig config, String json) {
    return new ComplexTypeFlattener(config, Set.of()).apply(row(json));
  }

  @Test
  void nestedMapsFlattenIntoDottedFields() {
    List<GenericRow> rows = apply(new ComplexTypeConfig(null, null, null, null),
        "{\"id\": 1, \"a\": {\"b\": 2, \"c\": {\"d\": \"x\"}}}");
    assertThat(rows).hasSize(1);
    GenericRow row = rows.getFirst();
    assertThat(row.getValue("a.b")).isEqualTo(2);
    assertThat(row.getValue("a.c.d")).isEqualTo("x");
    assertThat(row.getValue("id")).isEqualTo(1);
    assertThat(row.getValue("a")).isInstanceOf(Map.class);
  }

  @Test
  void unnestingExplodesRowsAndKeepsSiblingFields() {
    List<GenericRow> rows = apply(new ComplexTypeConfig(List.of("students"), null, null, null), """
        {"class": "math", "students": [{"name": "ann", "score": 90}, {"name": "bob", "score": 70}]}
        """);
    assertThat(rows).hasSize(2);
    assertThat(rows).extracting(row -> row.getValue("students.name")).containsExactly("ann", "bob");
    assertThat(rows).extracting(row -> row.getValue("students.score")).containsExactly(90, 70);
    assertThat(rows).extracting(row -> row.getValue("class")).containsExactly("math", "math");
    assertThat(rows.getFirst().hasColumn("students")).isFalse();
  }

  @Test
  void nestedCollectionsUnnestParentsFirst() {
    List<GenericRow> rows = apply(new ComplexTypeConfig(List.of("students.grades", "students"), null, null, null), """
        {"students": [{"name": "ann", "grades": [{"subject": "x", "grade": 1}, {"subject": "y", "grade": 2}]},
                      {"name": "bob", "grades": [{"subject": "z", "info": {"level": 3}}]}]}
        """);
    assertThat(rows).hasSize(3);
    assertThat(rows).extracting(row -> row.getValue("students.name")).containsExactly("ann", "ann", "bob");
    assertThat(rows).extracting(row -> row.getValue("students.grades.subject")).containsExactly("x", "y", "z");
    assertThat(rows.get(2).getValue("students.grades.info.level")).isEqualTo(3);
  }

  @Test
  void emptyOrMissingCollectionsLeaveTheRecord() {
    assertThat(apply(new ComplexTypeConfig(List.of("items"), null, null, null), "{\"id\": 1, \"items\": []}"))
        .singleElement().satisfies(row -> assertThat(row.getValue("id")).isEqualTo(1));
    assertThat(apply(new ComplexTypeConfig(List.of("items"), null, null, null), "{\"id\": 1}")).hasSize(1);
    assertThat(apply(new ComplexTypeConfig(List.of("items"), null, null, null), "{\"items\": [1, 2]}"))
        .extracting(row -> row.getValue("items")).containsExactly(1, 2);
  }

  @Test
  void collectionsNotUnnestedBecomeJsonByMode() {
    String json = "{\"tags\": [\"a\", \"b\"], \"points\": [{\"x\": 1}]}";
    GenericRow nonPrimitive = apply(new ComplexTypeConfig(null, null, null, null), json).getFirst();
    assertThat((Object[]) nonPrimitive.getValue("tags")).containsExactly("a", "b");
    assertThat(nonPrimitive.getValue("points")).isEqualTo("[{\"x\":1}]");
    GenericRow all = apply(new ComplexTypeConfig(null, null, CollectionNotUnnestedToJson.ALL, null), json).getFirst();
    assertThat(all.getValue("tags")).isEqualTo("[\"a\",\"b\"]");
    GenericRow none = apply(new ComplexTypeConfig(null, null, CollectionNotUnnestedToJson.NONE, null), json)
        .getFirst();
    assertThat(none.getValue("points")).isInstanceOf(Object[].class);
  }

  @Test
  void delimiterAndPrefixRenames() {
    GenericRow row = apply(new ComplexTypeConfig(null, "_", null, Map.of("payload_", "")),
        "{\"payload\": {\"user\": {\"id\": 5}}}").getFirst();
    assertThat(row.getValue("user_id")).isEqualTo(5);
    assertThat(row.hasColumn("payload_user_id")).isFalse();
    assertThatThrownBy(() -> apply(new ComplexTypeConfig(null, null, null, Map.of("a.", "")),
        "{\"a\": {\"b\": 1}, \"b\": 2}")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Name conflict");
  }

  @Test
  void unnestedCollectionsNeededDownstreamKeepTheirOriginalValue() {
    ComplexTypeConfig config = new ComplexTypeConfig(List.of("items"), null, null, null);
    List<GenericRow> rows = new ComplexTypeFlattener(config, Set.of("items")).apply(row("{\"items\": [1, 2]}"));
    assertThat(rows).hasSize(2);
    assertThat(rows).extracting(row -> row.getValue("items")).containsExactly(1, 2);
    List<GenericRow> maps = new ComplexTypeFlattener(config, Set.of("items"))
        .apply(row("{\"items\": [{\"a\": 1}]}"));
    assertThat(maps.getFirst().getValue("items.a")).isEqualTo(1);
    assertThat((Object[]) maps.getFirst().getValue("items")).hasSize(1);
  }
}
