// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.differential;

import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.query.differential.QueryGrammar.GeneratedQuery;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/// The grammar behind [GeneratedDifferentialTest]: the same seed gives the same queries, and the CI-sized run
/// covers every clause and aggregation family the grammar knows (so a change that silently stops generating one
/// fails here rather than shrinking the differential suite).
class QueryGrammarTest {
  private static final long TS_LOW = 1_700_000_000_000L;
  private static final long TS_HIGH = 1_700_500_000_000L;

  private static List<GeneratedQuery> generate(long seed, int n) {
    QueryGrammar grammar = new QueryGrammar(seed, TS_LOW, TS_HIGH, 8000);
    List<GeneratedQuery> queries = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      queries.add(grammar.next());
    }
    return queries;
  }

  @Test
  void sameSeedSameQueries() {
    assertThat(generate(7, 50)).isEqualTo(generate(7, 50));
    assertThat(generate(7, 50)).isNotEqualTo(generate(8, 50));
  }

  @Test
  void coversEveryClauseAndFamily() {
    StringBuilder all = new StringBuilder();
    for (GeneratedQuery query : generate(GeneratedDifferentialTest.GRAMMAR_SEED, 300)) {
      all.append(query.sql()).append('\n');
      assertThat(query.sql()).as("explicit LIMIT").containsPattern("LIMIT \\d+|^SELECT (?!.*GROUP BY)(?!.*ORDER BY)");
      if (query.sql().contains("ORDER BY") && !query.sql().contains("GROUP BY")
          && !query.sql().contains("DISTINCT")) {
        assertThat(query.sql()).as("unique tie-breaker").containsPattern("ts( DESC)? LIMIT");
      }
    }
    String text = all.toString();
    List<String> missing = new ArrayList<>();
    for (String clause : List.of("WHERE", "GROUP BY", "HAVING", "ORDER BY", "OFFSET", "SELECT DISTINCT", " AND ",
        " OR ", "NOT (", " BETWEEN ", " IN (", " NOT IN (", " LIKE ", " NOT LIKE ", "IS DISTINCT FROM",
        "IS NOT DISTINCT FROM", "REGEXP_LIKE(", "STARTSWITH(", "ENDSWITH(", "tags ", "codes ", " <> ", " <= ",
        " >= ")) {
      if (!text.contains(clause)) {
        missing.add(clause);
      }
    }
    for (String function : List.of("COUNT(*)", "SUM(", "MIN(", "MAX(", "AVG(", "DISTINCTCOUNT(", "COUNT(DISTINCT",
        "MINMAXRANGE(", "VAR_POP(", "VAR_SAMP(", "STDDEV_POP(", "STDDEV_SAMP(", "MODE(", "COVAR_POP(", "COVAR_SAMP(",
        "BOOL_AND(", "BOOL_OR(", "CASE WHEN", "CAST(", "UPPER(", "LOWER(", "SUBSTR(", "CONCAT(", "REPLACE(", "LPAD(",
        "RPAD(", "TRIM(", "REGEXP_REPLACE(", "LENGTH(", "STRPOS(", "ABS(", "FLOOR(", "CEIL(", "SQRT(", "LN(",
        "LOG10(", "EXP(", "POWER(", "SIGN(", "MOD(", "GREATEST(", "LEAST(", "YEAR(ts)", "MONTH(ts)", "HOUR(ts)",
        "DATETRUNC(", "TOEPOCHSECONDS(", "TOEPOCHDAYS(")) {
      if (!text.contains(function)) {
        missing.add(function);
      }
    }
    assertThat(missing).as("never generated").isEmpty();
  }
}
