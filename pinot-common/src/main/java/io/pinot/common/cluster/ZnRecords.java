// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pinot.common.metadata.SegmentZkMetadata;
import io.pinot.common.utils.JsonUtils;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.Schema;
import java.util.Iterator;
import java.util.Map;
import org.apache.helix.zookeeper.datamodel.ZNRecord;

/// Conversions between the project's records and the ZooKeeper records Apache Pinot stores:
/// a schema is `{id: name, simpleFields: {schemaJSON: <json>}}`; a table config has one simple field per
/// top-level JSON key (`tableName`, `tableType` as text, every section as JSON text); a segment's metadata
/// is its simple fields (see [SegmentZkMetadata]).
public final class ZnRecords {
  private static final String SCHEMA_JSON = "schemaJSON";

  private ZnRecords() {
  }

  public static ZNRecord fromSchema(Schema schema) {
    ZNRecord record = new ZNRecord(schema.schemaName());
    record.setSimpleField(SCHEMA_JSON, JsonUtils.toJson(schema));
    return record;
  }

  public static Schema toSchema(ZNRecord record) {
    return JsonUtils.fromJson(record.getSimpleField(SCHEMA_JSON), Schema.class);
  }

  public static ZNRecord fromTableConfig(TableConfig config) {
    ZNRecord record = new ZNRecord(config.tableName());
    JsonNode json = JsonUtils.toJsonNode(config);
    Iterator<Map.Entry<String, JsonNode>> fields = json.properties().iterator();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode value = field.getValue();
      record.setSimpleField(field.getKey(), value.isTextual() ? value.asText() : JsonUtils.toJson(value));
    }
    return record;
  }

  public static TableConfig toTableConfig(ZNRecord record) {
    ObjectNode json = JsonUtils.newObjectNode();
    for (Map.Entry<String, String> field : record.getSimpleFields().entrySet()) {
      String text = field.getValue();
      String trimmed = text.trim();
      if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
        json.set(field.getKey(), JsonUtils.parse(text));
      } else if (trimmed.equals("true") || trimmed.equals("false")) {
        json.put(field.getKey(), Boolean.parseBoolean(trimmed));
      } else {
        json.put(field.getKey(), text);
      }
    }
    return JsonUtils.fromJsonNode(json, TableConfig.class);
  }

  public static ZNRecord fromSegmentMetadata(SegmentZkMetadata metadata) {
    ZNRecord record = new ZNRecord(metadata.segmentName());
    record.setSimpleFields(metadata.toSimpleFields());
    return record;
  }

  public static SegmentZkMetadata toSegmentMetadata(ZNRecord record) {
    return SegmentZkMetadata.fromSimpleFields(record.getId(), record.getSimpleFields());
  }
}
