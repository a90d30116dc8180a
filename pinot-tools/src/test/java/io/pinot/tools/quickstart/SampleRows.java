// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pinot.common.utils.JsonUtils;
import io.pinot.spi.data.FieldSpec;
import io.pinot.spi.data.Schema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/// Test helpers: checks that generated rows are valid against a schema.
final class SampleRows {
  private SampleRows() {
  }

  /// Asserts that `json` has exactly the schema's columns, each converting to its column's type; returns it parsed.
  static JsonNode assertValidJson(Schema schema, String json) {
    JsonNode row = JsonUtils.parse(json);
    Set<String> fields = new HashSet<>();
    for (Iterator<String> names = row.fieldNames(); names.hasNext(); ) {
      fields.add(names.next());
    }
    assertThat(fields).as(json).containsExactlyInAnyOrderElementsOf(schema.columnNames());
    for (FieldSpec spec : schema.allFieldSpecs()) {
      JsonNode value = row.get(spec.name());
      assertThat(value.isNull()).as(spec.name()).isFalse();
      Object raw = value.isNumber() ? value.numberValue() : value.asText();
      assertThat(spec.dataType().convertValue(raw)).as(spec.name()).isNotNull();
    }
    return row;
  }

  /// Asserts that a CSV line holds one value of each `header` column, each converting to its column's type.
  static List<String> assertValidCsv(Schema schema, List<String> header, String line) {
    List<String> values = splitCsv(line);
    assertThat(values).as(line).hasSize(header.size());
    for (int i = 0; i < header.size(); i++) {
      FieldSpec spec = schema.fieldSpec(header.get(i));
      assertThat(spec).as(header.get(i)).isNotNull();
      assertThat(spec.dataType().convert(values.get(i))).as(header.get(i)).isNotNull();
    }
    return values;
  }

  /// Splits a CSV line whose quoted fields hold no quotes.
  static List<String> splitCsv(String line) {
    List<String> values = new ArrayList<>();
    StringBuilder value = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        values.add(value.toString());
        value.setLength(0);
      } else {
        value.append(c);
      }
    }
    values.add(value.toString());
    return values;
  }
}
