// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.response;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pinot.common.datatable.ColumnDataType;
import io.pinot.common.datatable.DataSchema;
import io.pinot.common.utils.JsonUtils;
import io.pinot.spi.exception.QueryErrorCode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class BrokerResponseTest {

  @Test
  void serialisesInPinotsPropertyOrderWithIntegerCounters() {
    DataSchema schema = new DataSchema(List.of("count(*)", "avg(x)"), List.of(ColumnDataType.LONG,
        ColumnDataType.DOUBLE));
    List<Object[]> rows = new ArrayList<>();
    rows.add(new Object[]{12L, 12.0});
    ExecutionStats stats = new ExecutionStats(12, 100, 3, 24, 2, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    BrokerResponse response = BrokerResponse.builder().resultTable(new ResultTable(schema, rows)).stats(stats)
        .requestId("7").brokerId("Broker_localhost_8099").numServersQueried(1).numServersResponded(1)
        .timeUsedMs(5).addTableQueried("events").build();
    String json = JsonUtils.toJson(response);

    assertThat(json).startsWith("{\"resultTable\":{\"dataSchema\":{\"columnNames\":[\"count(*)\",\"avg(x)\"],"
        + "\"columnDataTypes\":[\"LONG\",\"DOUBLE\"]},\"rows\":[[12,12.0]]},\"numRowsResultSet\":1,"
        + "\"partialResult\":false,\"exceptions\":[],\"numGroupsLimitReached\":false,");
    JsonNode node = JsonUtils.parse(json);
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
      names.add(it.next());
    }
    assertThat(names).containsExactly("resultTable", "numRowsResultSet", "partialResult", "exceptions",
        "numGroupsLimitReached", "numGroupsWarningLimitReached", "maxRowsInDistinctReached",
        "maxRowsWithoutChangeInDistinctReached", "maxExecutionTimeInDistinctReached", "timeUsedMs", "requestId",
        "brokerId", "numDocsScanned", "totalDocs", "numEntriesScannedInFilter", "numEntriesScannedPostFilter",
        "numServersQueried", "numServersResponded", "numSegmentsQueried", "numSegmentsProcessed",
        "numSegmentsMatched", "numConsumingSegmentsQueried", "numConsumingSegmentsProcessed",
        "numConsumingSegmentsMatched", "minConsumingFreshnessTimeMs", "numSegmentsPrunedByBroker",
        "numSegmentsPrunedByServer", "numSegmentsPrunedInvalid", "numSegmentsPrunedByLimit",
        "numSegmentsPrunedByValue", "brokerReduceTimeMs", "offlineThreadCpuTimeNs", "realtimeThreadCpuTimeNs",
        "offlineSystemActivitiesCpuTimeNs", "realtimeSystemActivitiesCpuTimeNs",
        "offlineResponseSerializationCpuTimeNs", "realtimeResponseSerializationCpuTimeNs", "offlineTotalCpuTimeNs",
        "realtimeTotalCpuTimeNs", "explainPlanNumEmptyFilterSegments", "explainPlanNumMatchAllFilterSegments",
        "traceInfo", "tablesQueried");
    assertThat(node.get("numDocsScanned").isIntegralNumber()).isTrue();
    assertThat(node.get("requestId").asText()).isEqualTo("7");
    assertThat(node.get("tablesQueried").get(0).asText()).isEqualTo("events");

    BrokerResponse parsed = JsonUtils.fromJson(json, BrokerResponse.class);
    assertThat(parsed.numDocsScanned()).isEqualTo(12);
    assertThat(parsed.resultTable().rows().get(0)).containsExactly(12, 12.0);
  }

  @Test
  void errorResponseHasNoResultTableAndIsPartial() {
    BrokerResponse response = BrokerResponse.ofErrors(List.of(QueryProcessingError.of(QueryErrorCode.SQL_PARSING,
        "Encountered \"x\" at line 1, column 8.")));
    JsonNode node = JsonUtils.toJsonNode(response);
    assertThat(node.has("resultTable")).isFalse();
    assertThat(node.get("partialResult").asBoolean()).isTrue();
    assertThat(node.get("exceptions").get(0).get("errorCode").asInt()).isEqualTo(150);
    assertThat(node.get("exceptions").get(0).get("message").asText())
        .isEqualTo("SQLParsingError: Encountered \"x\" at line 1, column 8.");
  }

  @Test
  void infinityIsWrittenAsPinotDoes() {
    List<Object[]> rows = new ArrayList<>();
    rows.add(new Object[]{Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY});
    ResultTable table = new ResultTable(new DataSchema(List.of("min(x)", "max(x)"), List.of(ColumnDataType.DOUBLE,
        ColumnDataType.DOUBLE)), rows);
    assertThat(JsonUtils.toJson(table)).contains("\"rows\":[[\"Infinity\",\"-Infinity\"]]");
  }
}
