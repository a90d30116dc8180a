// SPDX-License-Identifier: Apache-2.0
package io.pinot.integration;

/// The JSON of a REALTIME table config over a Kafka topic, as the integration tests create them: Pinot's keys, one
/// replica per partition, the JSON decoder, consumption from the earliest offset, a row threshold and a 1h time
/// threshold. Immutable.
///
/// @param replicas `replicasPerPartition`
/// @param streamProperties extra `streamConfigs` entries, each ending with a comma, or empty
///
/// @param sections extra top-level sections, each ending with a comma (e.g. `"upsertConfig": {...},`), or empty
/// @param indexes extra `tableIndexConfig` entries, each ending with a comma, or empty
record RealtimeTableJson(String table, String timeColumn, String topic, String brokers, int flushRows,
    String sections, String indexes, int replicas, String streamProperties) {

  static RealtimeTableJson of(String table, String timeColumn, String topic, String brokers, int flushRows) {
    return new RealtimeTableJson(table, timeColumn, topic, brokers, flushRows, "", "", 1, "");
  }

  RealtimeTableJson withSections(String value) {
    return new RealtimeTableJson(table, timeColumn, topic, brokers, flushRows, value, indexes, replicas,
        streamProperties);
  }

  RealtimeTableJson withIndexes(String value) {
    return new RealtimeTableJson(table, timeColumn, topic, brokers, flushRows, sections, value, replicas,
        streamProperties);
  }

  RealtimeTableJson withReplicas(int value) {
    return new RealtimeTableJson(table, timeColumn, topic, brokers, flushRows, sections, indexes, value,
        streamProperties);
  }

  RealtimeTableJson withStreamProperties(String value) {
    return new RealtimeTableJson(table, timeColumn, topic, brokers, flushRows, sections, indexes, replicas, value);
  }

  String json() {
    return """
        {"tableName": "%s", "tableType": "REALTIME", %s
         "segmentsConfig": {"timeColumnName": "%s", "replicasPerPartition": "%d", "schemaName": "%s"},
         "tableIndexConfig": {%s "streamConfigs": {%s
           "streamType": "kafka", "stream.kafka.topic.name": "%s", "stream.kafka.broker.list": "%s",
           "stream.kafka.consumer.type": "lowlevel",
           "stream.kafka.consumer.factory.class.name": "org.apache.pinot.plugin.stream.kafka30.KafkaConsumerFactory",
           "stream.kafka.decoder.class.name": "org.apache.pinot.plugin.stream.kafka.KafkaJSONMessageDecoder",
           "stream.kafka.consumer.prop.auto.offset.reset": "smallest",
           "realtime.segment.flush.threshold.rows": "%d", "realtime.segment.flush.threshold.time": "1h"}},
         "tenants": {}, "metadata": {}}""".formatted(table, sections, timeColumn, replicas, table, indexes,
        streamProperties, topic, brokers, flushRows);
  }
}
