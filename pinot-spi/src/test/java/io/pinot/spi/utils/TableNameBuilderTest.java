// SPDX-License-Identifier: Apache-2.0
package io.pinot.spi.utils;

import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.spi.config.table.TableType;
import org.junit.jupiter.api.Test;

class TableNameBuilderTest {
  @Test
  void convertsBetweenRawNamesAndNamesWithType() {
    assertThat(TableNameBuilder.offline("events")).isEqualTo("events_OFFLINE");
    assertThat(TableNameBuilder.realtime("events")).isEqualTo("events_REALTIME");
    assertThat(TableNameBuilder.rawTableName("events_OFFLINE")).isEqualTo("events");
    assertThat(TableNameBuilder.rawTableName("events")).isEqualTo("events");
    assertThat(TableNameBuilder.tableType("events_REALTIME")).isEqualTo(TableType.REALTIME);
    assertThat(TableNameBuilder.tableType("events")).isNull();
    assertThat(TableNameBuilder.isTableNameWithType("a_OFFLINE")).isTrue();
  }
}
