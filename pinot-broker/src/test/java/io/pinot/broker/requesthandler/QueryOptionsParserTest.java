// SPDX-License-Identifier: Apache-2.0
package io.pinot.broker.requesthandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pinot.spi.exception.QueryException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryOptionsParserTest {
  @Test
  void parsesPinotOptionStrings() {
    assertThat(QueryOptionsParser.parse("timeoutMs=5000; enableNullHandling=true;"))
        .containsExactly(Map.entry("timeoutMs", "5000"), Map.entry("enableNullHandling", "true"));
    assertThat(QueryOptionsParser.parse(null)).isEmpty();
    assertThat(QueryOptionsParser.parse("  ")).isEmpty();
  }

  @Test
  void rejectsEntriesWithoutValue() {
    assertThatThrownBy(() -> QueryOptionsParser.parse("timeoutMs")).isInstanceOf(QueryException.class)
        .hasMessageContaining("timeoutMs");
  }
}
