// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class ResultTablePrinterTest {
  @Test
  void rendersTheResultTable() {
    String response = """
        {"resultTable": {"dataSchema": {"columnNames": ["playerName", "totalRuns", "avg"],
          "columnDataTypes": ["STRING", "LONG", "DOUBLE"]},
          "rows": [["Joe Smith", 2345, 0.25], ["Al Wu", 17, 1.0E7]]},
         "exceptions": [], "numDocsScanned": 97889, "totalDocs": 97889, "timeUsedMs": 12}
        """;

    assertThat(ResultTablePrinter.format(response)).isEqualToNormalizingNewlines("""
        +------------+-----------+----------+
        | playerName | totalRuns | avg      |
        +------------+-----------+----------+
        | Joe Smith  | 2345      | 0.25     |
        | Al Wu      | 17        | 10000000 |
        +------------+-----------+----------+
        2 rows (numDocsScanned 97889, totalDocs 97889, 12 ms)
        """);
  }

  @Test
  void rendersExceptions() {
    String response = """
        {"exceptions": [{"errorCode": 190, "message": "TableDoesNotExistError"}], "resultTable": null}
        """;
    assertThat(ResultTablePrinter.format(response)).isEqualTo("Query failed: error 190: TableDoesNotExistError\n");
  }

  @Test
  void portCheckNamesATakenPort() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      Map<Integer, String> ports = new LinkedHashMap<>();
      ports.put(taken.getLocalPort(), "controller");
      Assertions.assertThatThrownBy(() -> PortCheck.requireFree(ports))
          .hasMessage("Port " + taken.getLocalPort() + " (controller) is already in use: stop the process using it "
              + "(an earlier QuickStart?) and try again");
    }
  }
}
