// SPDX-License-Identifier: Apache-2.0
package io.pinot.broker.queryquota;

import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.common.utils.JsonUtils;
import io.pinot.spi.config.table.TableConfig;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class QueryQuotaManagerTest {
  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final QueryQuotaManager quotas = new QueryQuotaManager(now::get);

  private static TableConfig config(String quota) {
    return JsonUtils.fromJson("{\"tableName\": \"t\", \"tableType\": \"OFFLINE\"" + (quota == null ? ""
        : ", \"quota\": " + quota) + "}", TableConfig.class);
  }

  private int admitted(int attempts) {
    int admitted = 0;
    for (int i = 0; i < attempts; i++) {
      if (quotas.acquire("t_OFFLINE")) {
        admitted++;
      }
    }
    return admitted;
  }

  @Test
  void maxQueriesPerSecondIsReadAsPinotWritesIt() {
    assertThat(QueryQuotaManager.maxQueriesPerSecond(config("{\"maxQueriesPerSecond\": \"100.00\"}"))).isEqualTo(100.0);
    assertThat(QueryQuotaManager.maxQueriesPerSecond(config("{\"maxQueriesPerSecond\": 2.5}"))).isEqualTo(2.5);
    assertThat(QueryQuotaManager.maxQueriesPerSecond(config("{\"storage\": \"140G\"}"))).isNull();
    assertThat(QueryQuotaManager.maxQueriesPerSecond(config(null))).isNull();
    assertThat(QueryQuotaManager.maxQueriesPerSecond(config("{\"maxQueriesPerSecond\": \"0\"}"))).isNull();
    assertThat(QueryQuotaManager.maxQueriesPerSecond(config("{\"maxQueriesPerSecond\": \"-3\"}"))).isNull();
    assertThat(QueryQuotaManager.maxQueriesPerSecond(config("{\"maxQueriesPerSecond\": \"fast\"}"))).isNull();
  }

  @Test
  void aTableWithoutQuotaIsUnlimited() {
    quotas.update("t_OFFLINE", config(null), 1);
    assertThat(admitted(10_000)).isEqualTo(10_000);
    assertThat(quotas.perBrokerRate("t_OFFLINE")).isNull();
  }

  @Test
  void theRateIsSplitOverTheOnlineBrokersAndRefillsOverTime() {
    quotas.update("t_OFFLINE", config("{\"maxQueriesPerSecond\": \"10\"}"), 2);
    assertThat(quotas.perBrokerRate("t_OFFLINE")).isEqualTo(5.0);
    assertThat(admitted(20)).isEqualTo(5);
    now.addAndGet(200_000_000L);
    assertThat(admitted(20)).isEqualTo(1);
    now.addAndGet(10_000_000_000L);
    assertThat(admitted(20)).as("a long pause refills one second's worth only").isEqualTo(5);
  }

  @Test
  void aFractionalRateAdmitsOneQueryPerPeriod() {
    quotas.update("t_OFFLINE", config("{\"maxQueriesPerSecond\": \"0.5\"}"), 1);
    assertThat(admitted(5)).isEqualTo(1);
    now.addAndGet(1_000_000_000L);
    assertThat(admitted(5)).isZero();
    now.addAndGet(1_000_000_000L);
    assertThat(admitted(5)).isEqualTo(1);
  }

  @Test
  void configAndBrokerChangesTakeEffect() {
    quotas.update("t_OFFLINE", config("{\"maxQueriesPerSecond\": \"4\"}"), 1);
    assertThat(admitted(10)).isEqualTo(4);
    quotas.update("t_OFFLINE", config("{\"maxQueriesPerSecond\": \"4\"}"), 1);
    assertThat(admitted(10)).as("an unchanged quota keeps its spent burst").isZero();
    quotas.update("t_OFFLINE", config("{\"maxQueriesPerSecond\": \"4\"}"), 4);
    assertThat(quotas.perBrokerRate("t_OFFLINE")).isEqualTo(1.0);
    assertThat(admitted(10)).isEqualTo(1);
    quotas.update("t_OFFLINE", config("{\"maxQueriesPerSecond\": \"40\"}"), 4);
    assertThat(admitted(100)).isEqualTo(10);
    quotas.update("t_OFFLINE", config(null), 4);
    assertThat(admitted(100)).isEqualTo(100);
    quotas.update("t_OFFLINE", config("{\"maxQueriesPerSecond\": \"1\"}"), 1);
    quotas.remove("t_OFFLINE");
    assertThat(admitted(3)).isEqualTo(3);
  }
}
