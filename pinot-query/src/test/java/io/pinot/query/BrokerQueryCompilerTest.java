// SPDX-License-Identifier: Apache-2.0
package io.pinot.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pinot.query.context.Expression;
import io.pinot.query.context.FilterNode;
import io.pinot.query.context.FunctionCall;
import io.pinot.query.context.Identifier;
import io.pinot.query.context.OrderByExpression;
import io.pinot.query.context.Predicate;
import io.pinot.query.context.QueryContext;
import io.pinot.query.context.QueryType;
import io.pinot.query.function.AggregationFunction;
import io.pinot.query.testing.TestData;
import io.pinot.spi.exception.QueryErrorCode;
import io.pinot.spi.exception.QueryException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BrokerQueryCompilerTest {
  private final BrokerQueryCompiler compiler = new BrokerQueryCompiler();

  private QueryContext compile(String sql) {
    return compiler.compile(sql).context();
  }

  private static QueryErrorCode codeOf(Runnable action) {
    try {
      action.run();
    } catch (QueryException e) {
      return e.errorCode();
    }
    throw new AssertionError("no QueryException");
  }

  @Test
  void compilesSelectionWithDefaultLimit() {
    QueryContext query = compile("SELECT a, b AS bee FROM myTable WHERE c = 'x''y'");
    assertThat(query.tableName()).isEqualTo("myTable");
    assertThat(query.type()).isEqualTo(QueryType.SELECTION);
    assertThat(query.selectExpressions()).containsExactly(new Identifier("a"), new Identifier("b"));
    assertThat(query.aliases()).containsExactly(null, "bee");
    assertThat(query.limit()).isEqualTo(10);
    assertThat(query.offset()).isZero();
    assertThat(query.filter()).isEqualTo(new Predicate.Eq(new Identifier("c"), "x'y"));
  }

  @Test
  void keepsIdentifierCaseAndQuotedNames() {
    QueryContext query = compile("SELECT MyCol, \"timestamp\", \"select\" FROM \"My.Table\"");
    assertThat(query.selectExpressions()).containsExactly(new Identifier("MyCol"), new Identifier("timestamp"),
        new Identifier("select"));
    assertThat(query.tableName()).isEqualTo("My.Table");
  }

  @Test
  void namesAggregationsLikePinot() {
    QueryContext query = compile("SELECT COUNT(*), COUNT(x), SUM(runs), Avg(price), MAX(hits), MIN(hits), "
        + "DISTINCTCOUNT(user_id), COUNT(DISTINCT city), distinct_count(z) FROM t");
    assertThat(query.type()).isEqualTo(QueryType.AGGREGATION);
    assertThat(query.aggregations()).extracting(AggregationFunction::resultColumnName).containsExactly("count(*)",
        "sum(runs)", "avg(price)", "max(hits)", "min(hits)", "distinctcount(user_id)", "distinctcount(city)",
        "distinctcount(z)");
    assertThat(query.aggregationIndex(new FunctionCall("count", List.of(new Identifier("x"))))).isZero();
  }

  @Test
  void appliesAliasesAndOrdinals() {
    QueryContext query = compile("SELECT country AS c, COUNT(*) AS n FROM t GROUP BY 1 HAVING n > 5 "
        + "ORDER BY n DESC, c LIMIT 5, 20");
    assertThat(query.type()).isEqualTo(QueryType.GROUP_BY);
    assertThat(query.groupByExpressions()).containsExactly(new Identifier("country"));
    Expression count = new FunctionCall("count", List.of(Identifier.STAR));
    assertThat(query.having()).isEqualTo(new Predicate.Range(count, new BigDecimal("5"), false, null, false));
    assertThat(query.orderByExpressions()).containsExactly(new OrderByExpression(count, false),
        new OrderByExpression(new Identifier("country"), true));
    assertThat(query.limit()).isEqualTo(20);
    assertThat(query.offset()).isEqualTo(5);
  }

  @Test
  void compilesEveryFilterOperator() {
    QueryContext query = compile("SELECT * FROM t WHERE a <> 1 AND b != 'x' AND c BETWEEN 1 AND 5 AND d IN (1, 2) "
        + "AND e NOT IN ('p') AND f LIKE 'a%' AND g NOT LIKE '_b' AND NOT (h >= 1.5 OR 3 > i) AND j NOT BETWEEN 2 "
        + "AND 4 AND k = -7 AND l = 1e3 AND m = true");
    FilterNode.And and = (FilterNode.And) query.filter();
    assertThat(and.children()).hasSize(12);
    assertThat(and.children().get(0)).isEqualTo(new Predicate.NotEq(new Identifier("a"), new BigDecimal("1")));
    assertThat(and.children().get(2)).isEqualTo(new Predicate.Range(new Identifier("c"), new BigDecimal("1"), true,
        new BigDecimal("5"), true));
    assertThat(and.children().get(4)).isEqualTo(new Predicate.NotIn(new Identifier("e"), List.of("p")));
    assertThat(and.children().get(6)).isEqualTo(new FilterNode.Not(new Predicate.Like(new Identifier("g"), "_b")));
    FilterNode.Not not = (FilterNode.Not) and.children().get(7);
    FilterNode.Or or = (FilterNode.Or) not.child();
    assertThat(or.children().get(1)).isEqualTo(new Predicate.Range(new Identifier("i"), null, false,
        new BigDecimal("3"), false));
    assertThat(and.children().get(9)).isEqualTo(new Predicate.Eq(new Identifier("k"), new BigDecimal("-7")));
    assertThat(and.children().get(10)).isEqualTo(new Predicate.Eq(new Identifier("l"), 1000.0));
    assertThat(and.children().get(11)).isEqualTo(new Predicate.Eq(new Identifier("m"), true));
  }

  @Test
  void collectsSetAndOptionOptions() {
    CompiledQuery query = compiler.compile("SET timeoutMs = 5000; SET useStarTree='false'; "
        + "SELECT COUNT(*) FROM t OPTION(numGroupsLimit=7, maxExecutionThreads = 2)");
    assertThat(query.queryOptions()).containsEntry("timeoutMs", "5000").containsEntry("useStarTree", "false")
        .containsEntry("numGroupsLimit", "7").containsEntry("maxExecutionThreads", "2");
    assertThat(query.timeoutMs()).isEqualTo(5000L);
    assertThat(compiler.compile("SET TIMEOUTMS = 10; SELECT a FROM t LIMIT 0", Map.of()).timeoutMs())
        .isEqualTo(10L);
    assertThat(compiler.compile("SELECT COUNT(*) FROM t", Map.of("timeoutMs", "99")).timeoutMs()).isEqualTo(99L);
    assertThat(compiler.compile("SELECT COUNT(*) FROM t").timeoutMs()).isNull();
  }

  @Test
  void foldsScalarFunctionsOfLiterals() {
    QueryContext query = compile("SELECT a FROM t WHERE b > 10 * 2 + 1 AND c = upper('x') AND d < 7 / 2");
    FilterNode.And and = (FilterNode.And) query.filter();
    assertThat(and.children().get(0)).isEqualTo(new Predicate.Range(new Identifier("b"), new BigDecimal("21"), false,
        null, false));
    assertThat(and.children().get(1)).isEqualTo(new Predicate.Eq(new Identifier("c"), "X"));
    assertThat(and.children().get(2)).isEqualTo(new Predicate.Range(new Identifier("d"), null, false, 3.5, false));
    long before = System.currentTimeMillis();
    CompiledQuery recent = compiler.compile("SELECT a FROM t WHERE ts > now() - 3600000");
    Predicate.Range range = (Predicate.Range) recent.context().filter();
    assertThat(((BigDecimal) range.lower()).longValue()).isBetween(before - 3_600_000, before);
    assertThat(recent.cacheable()).isFalse();
    assertThat(compiler.compile("SELECT a FROM t WHERE ts > ago('PT1H')").cacheable()).isFalse();
    assertThat(compiler.compile("SELECT a FROM t WHERE ts > 5").cacheable()).isTrue();
  }

  @Test
  void distinctAndGroupByWithoutAggregationsRunAsGroupBy() {
    QueryContext distinct = compile("SELECT DISTINCT a, b FROM t ORDER BY a");
    assertThat(distinct.type()).isEqualTo(QueryType.GROUP_BY);
    assertThat(distinct.groupByExpressions()).containsExactly(new Identifier("a"), new Identifier("b"));
    assertThat(distinct.aggregations()).isEmpty();
    assertThat(compile("SELECT a FROM t GROUP BY a").type()).isEqualTo(QueryType.GROUP_BY);
  }

  @Test
  void parseErrorsAreSqlParsingWithPosition() {
    assertThatThrownBy(() -> compiler.compile("SELECT a FROMM t")).isInstanceOf(QueryException.class)
        .hasMessageStartingWith("Encountered \"t\" at line 1, column 16.").hasMessageContaining("Was expecting one of")
        .satisfies(e -> assertThat(((QueryException) e).errorCode()).isEqualTo(QueryErrorCode.SQL_PARSING))
        .hasNoCause();
    assertThat(codeOf(() -> compiler.compile(""))).isEqualTo(QueryErrorCode.SQL_PARSING);
    assertThat(codeOf(() -> compiler.compile("SELECT a FROM t; SELECT b FROM t"))).isEqualTo(
        QueryErrorCode.SQL_PARSING);
    assertThat(codeOf(() -> compiler.compile("SET a = 1;"))).isEqualTo(QueryErrorCode.SQL_PARSING);
    assertThat(codeOf(() -> compiler.compile("SELECT a FROM t OPTION(x)"))).isEqualTo(QueryErrorCode.SQL_PARSING);
    assertThat(codeOf(() -> compiler.compile("INSERT INTO t VALUES (1)"))).isEqualTo(QueryErrorCode.SQL_PARSING);
  }

  @Test
  void pinotCompileChecksAreSqlParsingErrors() {
    assertThatThrownBy(() -> compiler.compile("SELECT a, b, COUNT(*) FROM t GROUP BY a"))
        .hasMessage("'b' should be functionally dependent on the columns used in GROUP BY clause.");
    assertThatThrownBy(() -> compiler.compile("SELECT a, COUNT(*) FROM t"))
        .hasMessage("Columns and Aggregate functions can't co-exist without GROUP BY clause");
    assertThatThrownBy(() -> compiler.compile("SELECT COUNT(*) FROM t GROUP BY 3"))
        .hasMessage("Expected Ordinal value to be between 1 and 1.");
    assertThat(codeOf(() -> compiler.compile("SELECT SUM(a) FROM t GROUP BY SUM(a)")))
        .isEqualTo(QueryErrorCode.SQL_PARSING);
    assertThat(codeOf(() -> compiler.compile("SELECT DISTINCT a FROM t GROUP BY a")))
        .isEqualTo(QueryErrorCode.SQL_PARSING);
    assertThat(codeOf(() -> compiler.compile("SELECT DISTINCT a FROM t ORDER BY b")))
        .isEqualTo(QueryErrorCode.SQL_PARSING);
    assertThat(codeOf(() -> compiler.compile("SELECT MAX(DISTINCT a) FROM t"))).isEqualTo(QueryErrorCode.SQL_PARSING);
    assertThat(codeOf(() -> compiler.compile("SELECT a FROM t WHERE SUM(a) > 1")))
        .isEqualTo(QueryErrorCode.SQL_PARSING);
  }

  @Test
  void transformsCompileAndUnknownFunctionsAreValidationErrors() {
    for (String sql : List.of("SELECT upper(a) FROM t", "SELECT a + 1 FROM t", "SELECT a FROM t WHERE a + 1 > 2",
        "SELECT a FROM t WHERE b = c", "SELECT a FROM t WHERE lower(b) = 'x'",
        "SELECT CASE WHEN a > 1 THEN 1 ELSE 0 END FROM t", "SELECT SUM(a + b) FROM t",
        "SELECT SUM(a) / COUNT(*) FROM t", "SELECT a FROM t WHERE a IS NULL", "SELECT 1 FROM t",
        "SELECT b, MAX(a) - MIN(a) FROM t GROUP BY b HAVING MAX(a) - MIN(a) > 1")) {
      assertThat(compiler.compile(sql)).as(sql).isNotNull();
    }
    assertThat(codeOf(() -> compiler.compile("SELECT nosuch(a) FROM t"))).isEqualTo(QueryErrorCode.QUERY_VALIDATION);
    assertThatThrownBy(() -> compiler.compile("SELECT a FROM t WHERE lower(b, c) = 'x'"))
        .hasMessageContaining("Function[lower] does not take 2 arguments");
    assertThat(codeOf(() -> compiler.compile("SELECT CAST(a AS WIDGET) FROM t")))
        .isEqualTo(QueryErrorCode.QUERY_VALIDATION);
  }

  @Test
  void unsupportedFeaturesAreQueryPlanningErrors() {
    for (String sql : List.of("SELECT PERCENTILERAWTDIGEST(a, 50) FROM t",
        "SELECT *, a FROM t",
        "SELECT a FROM (SELECT a FROM t)",
        "SELECT COUNT(*) FROM t HAVING COUNT(*) > 1")) {
      assertThat(codeOf(() -> compiler.compile(sql))).as(sql).isEqualTo(QueryErrorCode.QUERY_PLANNING);
    }
    assertThatThrownBy(() -> compiler.compile("SELECT percentilerawest(a, 50) FROM t"))
        .hasMessage("Function[percentilerawest] is not supported yet");
    assertThat(codeOf(() -> compiler.compile("SELECT a FROM t JOIN u ON t.a = u.a")))
        .isEqualTo(QueryErrorCode.QUERY_VALIDATION);
    assertThat(codeOf(() -> compiler.compile("SELECT a FROM t OPTION(timeoutMs=abc)")))
        .isEqualTo(QueryErrorCode.QUERY_VALIDATION);
  }

  @Test
  void resolvesColumnsCaseInsensitivelyAgainstTheSchema() {
    CompiledQuery query = compiler.compile("SELECT Country, events.AGE, SUM(Price) FROM events WHERE DEVICE = 'tv' "
        + "GROUP BY Country, events.AGE ORDER BY SUM(Price) DESC").resolve(TestData.schema());
    QueryContext context = query.context();
    assertThat(query.isResolved()).isTrue();
    assertThat(context.selectExpressions()).containsExactly(new Identifier("country"), new Identifier("age"),
        new FunctionCall("sum", List.of(new Identifier("price"))));
    assertThat(context.filter()).isEqualTo(new Predicate.Eq(new Identifier("device"), "tv"));
    assertThat(context.aggregations().get(0).resultColumnName()).isEqualTo("sum(price)");
    assertThat(query.tableName()).isEqualTo("events");
  }

  @Test
  void resolutionErrors() {
    assertThatThrownBy(() -> compiler.compile("SELECT nosuch FROM events").resolve(TestData.schema()))
        .hasMessage("Unknown columnName 'nosuch' found in the query for table 'events'")
        .satisfies(e -> assertThat(((QueryException) e).errorCode()).isEqualTo(QueryErrorCode.UNKNOWN_COLUMN));
    assertThat(codeOf(() -> compiler.compile("SELECT COUNT(*) FROM events_OFFLINE WHERE x = 1")
        .resolve(TestData.schema()))).isEqualTo(QueryErrorCode.UNKNOWN_COLUMN);
    assertThat(codeOf(() -> compiler.compile("SELECT SUM(country) FROM events").resolve(TestData.schema())))
        .isEqualTo(QueryErrorCode.QUERY_VALIDATION);
    assertThat(codeOf(() -> compiler.compile("SELECT MAX(tags) FROM events").resolve(TestData.schema())))
        .isEqualTo(QueryErrorCode.QUERY_VALIDATION);
    assertThat(codeOf(() -> compiler.compile("SELECT ts FROM events ORDER BY tags").resolve(TestData.schema())))
        .isEqualTo(QueryErrorCode.QUERY_VALIDATION);
    assertThat(compiler.compile("SELECT DISTINCTCOUNT(tags) FROM events_OFFLINE").resolve(TestData.schema())
        .tableName()).isEqualTo("events_OFFLINE");
  }
}
