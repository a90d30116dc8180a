// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.helix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.apache.helix.zookeeper.datamodel.ZNRecord;
import org.junit.jupiter.api.Test;

class ZkBrowserTest {
  @Test
  void parsesHelixRecordJsonAndWritesItBackInTheSameShape() {
    ZNRecord record = ZkBrowser.parseRecord("""
        {"id": "x", "simpleFields": {"k": "v"}, "mapFields": {"seg": {"Server_a": "ONLINE"}},
         "listFields": {"l": ["1", "2"]}}""");
    assertThat(record.getId()).isEqualTo("x");
    assertThat(record.getSimpleField("k")).isEqualTo("v");
    assertThat(record.getMapField("seg")).isEqualTo(Map.of("Server_a", "ONLINE"));
    assertThat(record.getListField("l")).isEqualTo(List.of("1", "2"));
    assertThat(ZkBrowser.recordFields(record).keySet()).containsExactly("id", "simpleFields", "mapFields",
        "listFields");
    assertThat(ZkBrowser.parseRecord("{\"id\": \"only\"}").getSimpleFields()).isEmpty();
  }

  @Test
  void rejectsWhatIsNotAZnRecord() {
    assertThatThrownBy(() -> ZkBrowser.parseRecord("{\"simpleFields\": {}}")).hasMessageContaining("'id'");
    assertThatThrownBy(() -> ZkBrowser.parseRecord("{\"id\": \"x\", \"extra\": 1}"))
        .hasMessageContaining("Unknown ZNRecord field[extra]");
    assertThatThrownBy(() -> ZkBrowser.parseRecord("{\"id\": \"x\", \"mapFields\": {\"a\": 1}}"))
        .hasMessageContaining("mapFields");
    assertThatThrownBy(() -> ZkBrowser.parseRecord("[1]")).hasMessageContaining("object");
    assertThatThrownBy(() -> ZkBrowser.parseRecord("{\"id\": ")).isInstanceOf(IllegalArgumentException.class);
  }
}
