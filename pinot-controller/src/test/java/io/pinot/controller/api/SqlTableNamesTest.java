// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlTableNamesTest {
  @Test
  void tablesAfterFromAndJoin() {
    assertThat(SqlTableNames.of("select * from baseballStats limit 10")).containsExactly("baseballStats");
    assertThat(SqlTableNames.of("SET useMultistageEngine = true; SELECT a.x FROM \"orders\" a JOIN db.customers c "
        + "ON a.id = c.id")).containsExactly("orders", "customers");
    assertThat(SqlTableNames.of("select count(*) from (select x from inner_t) t")).containsExactly("inner_t");
  }

  @Test
  void commentsAndStringsAreSkipped() {
    assertThat(SqlTableNames.of("select 'from fake' from t1 -- from t2\n/* join t3 */")).containsExactly("t1");
    assertThat(SqlTableNames.of("select 1")).isEmpty();
  }

  @Test
  void rawKeysDropTheTypeSuffix() {
    assertThat(SqlTableNames.rawKey("myTable_OFFLINE")).isEqualTo("mytable");
    assertThat(SqlTableNames.rawKey("myTable_REALTIME")).isEqualTo("mytable");
    assertThat(SqlTableNames.rawKey("MyTable")).isEqualTo("mytable");
  }
}
