// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pinot.common.response.BrokerResponse;
import io.pinot.common.utils.JsonUtils;
import io.pinot.query.testing.ResultComparison;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.Schema;
import io.pinot.spi.exception.QueryErrorCode;
import io.pinot.spi.exception.QueryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// The same rows in two tables, with and without text and FST indexes: `TEXT_MATCH` is answered from the text index
/// (no entry scanned) and equals an independent word search over the rows; `REGEXP_LIKE` and `LIKE` over FST columns
/// with an inverted index scan nothing and return what the table without indexes returns, which in turn equals a
/// `java.util.regex` pass over the rows; errors carry Pinot's codes.
class TextFstFilterQueryTest {
  private static final int NUM_SEGMENTS = 3;
  private static final int ROWS_PER_SEGMENT = 2000;
  private static final String[] WORDS = {"apache", "pinot", "lucene", "kafka", "search", "olap", "wine", "grape",
      "red", "stream", "the"};
  private static final String SCHEMA = """
      {"schemaName": "docs",
       "dimensionFieldSpecs": [
         {"name": "id", "dataType": "INT"},
         {"name": "title", "dataType": "STRING"},
         {"name": "body", "dataType": "STRING"},
         {"name": "tags", "dataType": "STRING", "singleValueField": false},
         {"name": "city", "dataType": "STRING"},
         {"name": "code", "dataType": "STRING"}]}""";
  private static final String INDEXED = """
      {"tableName": "docs", "tableType": "OFFLINE",
       "tableIndexConfig": {"invertedIndexColumns": ["title", "tags"], "noDictionaryColumns": ["code"]},
       "fieldConfigList": [
         {"name": "title", "indexTypes": ["FST"]},
         {"name": "body", "encodingType": "RAW", "indexTypes": ["TEXT"]},
         {"name": "tags", "indexes": {"text": {}, "fst": {}}},
         {"name": "city", "indexes": {"fst": {}}}]}""";
  private static final String PLAIN = """
      {"tableName": "docs", "tableType": "OFFLINE",
       "tableIndexConfig": {"noDictionaryColumns": ["body", "code"]}}""";

  @TempDir
  static Path dir;

  private static IndexTestCluster indexed;
  private static IndexTestCluster plain;
  private static List<Map<String, Object>> allRows;

  @BeforeAll
  static void setUp() throws Exception {
    Schema schema = JsonUtils.fromJson(SCHEMA, Schema.class);
    List<List<Map<String, Object>>> segments = rows();
    allRows = new ArrayList<>();
    segments.forEach(allRows::addAll);
    indexed = new IndexTestCluster(dir.resolve("indexed"), schema, JsonUtils.fromJson(INDEXED, TableConfig.class),
        segments);
    plain = new IndexTestCluster(dir.resolve("plain"), schema, JsonUtils.fromJson(PLAIN, TableConfig.class),
        segments);
  }

  @AfterAll
  static void tearDown() throws Exception {
    indexed.close();
    plain.close();
  }

  private static List<List<Map<String, Object>>> rows() {
    Random random = new Random(11);
    List<List<Map<String, Object>>> segments = new ArrayList<>();
    int id = 0;
    for (int s = 0; s < NUM_SEGMENTS; s++) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (int i = 0; i < ROWS_PER_SEGMENT; i++) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", id++);
        row.put("title", "t" + random.nextInt(400) + "-" + WORDS[random.nextInt(WORDS.length)]);
        row.put("body", sentence(random));
        Object[] tags = new Object[random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(2)];
        for (int t = 0; t < tags.length; t++) {
          tags[t] = WORDS[random.nextInt(WORDS.length)] + (random.nextBoolean() ? "" : " " + random.nextInt(9));
        }
        row.put("tags", tags);
        row.put("city", random.nextInt(10) == 0 ? null : "City" + random.nextInt(50));
        row.put("code", Integer.toHexString(random.nextInt(1 << 16)));
        rows.add(row);
      }
      segments.add(rows);
    }
    return segments;
  }

  private static String sentence(Random random) {
    StringBuilder sentence = new StringBuilder();
    int words = 2 + random.nextInt(5);
    for (int i = 0; i < words; i++) {
      String word = WORDS[random.nextInt(WORDS.length)];
      sentence.append(i == 0 ? "" : " ").append(random.nextInt(5) == 0 ? word.toUpperCase(Locale.ROOT) : word);
    }
    return sentence.toString();
  }

  @ParameterizedTest
  @ValueSource(strings = {"REGEXP_LIKE(title, '^t12-')", "REGEXP_LIKE(title, '^t3[0-4]-pinot$')",
      "REGEXP_LIKE(title, '^t7.-(wine|red)$')", "title LIKE 't12-%'", "title LIKE 't1_-olap'", "title LIKE 't39_-%'",
      "NOT title LIKE 't5-%'", "REGEXP_LIKE(tags, '^kafka')", "tags LIKE '%e 1'",
      "REGEXP_LIKE(title, '^t12-') AND tags LIKE 'red%'"})
  void fstColumnsWithInvertedIndexesScanNothing(String filter) {
    String sql = "SELECT COUNT(*), MIN(id), MAX(id) FROM docs WHERE " + filter;
    BrokerResponse withIndex = indexed.query(sql);
    BrokerResponse withoutIndex = plain.query(sql);
    assertThat(withIndex.exceptions()).isEmpty();
    assertThat(ResultComparison.difference(withIndex.resultTable().rows(), withoutIndex.resultTable().rows(), true))
        .as(filter).isNull();
    assertThat(withIndex.numEntriesScannedInFilter()).as("entries scanned with FST + inverted").isZero();
    assertThat(withoutIndex.numEntriesScannedInFilter()).as("entries scanned without indexes").isPositive();
  }

  @ParameterizedTest
  @ValueSource(strings = {"^City1", "y4$", "City[0-9]$", "(?i)city", "^null$", "", "\\d\\d", "^C.{4}7"})
  void regexpLikeEqualsFindOverTheRows(String regex) {
    for (String column : List.of("city", "code")) {
      String sql = "SELECT COUNT(*) FROM docs WHERE REGEXP_LIKE(" + column + ", '" + regex + "')";
      long expected = allRows.stream().filter(row -> Pattern.compile(regex).matcher(String.valueOf(row.get(column)))
          .find()).count();
      assertThat(count(indexed.query(sql))).as(sql).isEqualTo(expected);
      assertThat(count(plain.query(sql))).as(sql).isEqualTo(expected);
    }
  }

  @Test
  void caseInsensitiveRegexpLike() {
    String sql = "SELECT COUNT(*) FROM docs WHERE REGEXP_LIKE(title, 'PINOT$', 'i')";
    long expected = allRows.stream().filter(row -> row.get("title").toString().endsWith("pinot")).count();
    assertThat(count(indexed.query(sql))).isEqualTo(expected).isPositive();
    assertThat(count(plain.query(sql))).isEqualTo(expected);
    assertThat(count(indexed.query("SELECT COUNT(*) FROM docs WHERE REGEXP_LIKE(title, 'PINOT$', 'c')"))).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"pinot", "PINOT", "kafka AND lucene", "\"apache pinot\"", "sea*", "wine -red",
      "/gr.pe/", "the", "stream OR olap"})
  void textMatchUsesTheTextIndexAndMatchesAWordSearch(String query) {
    String sql = "SELECT COUNT(*), MIN(id), MAX(id) FROM docs WHERE TEXT_MATCH(body, '" + query.replace("'", "''")
        + "')";
    BrokerResponse response = indexed.query(sql);
    assertThat(response.exceptions()).isEmpty();
    List<Integer> expected = allRows.stream().filter(row -> textMatches(row.get("body").toString(), query))
        .map(row -> (Integer) row.get("id")).toList();
    Object[] result = response.resultTable().rows().get(0);
    assertThat(((Number) result[0]).longValue()).as(query).isEqualTo(expected.size());
    if (!expected.isEmpty()) {
      assertThat(((Number) result[1]).intValue()).isEqualTo(expected.get(0));
      assertThat(((Number) result[2]).intValue()).isEqualTo(expected.get(expected.size() - 1));
    }
    assertThat(response.numEntriesScannedInFilter()).isZero();
  }

  @Test
  void textMatchOnMultiValuesAndInsideBooleanFilters() {
    long expected = allRows.stream().filter(row -> {
      for (Object tag : (Object[]) row.get("tags")) {
        if (tag.toString().startsWith("kafka")) {
          return !row.get("title").toString().startsWith("t1");
        }
      }
      return false;
    }).count();
    String sql = "SELECT COUNT(*) FROM docs WHERE TEXT_MATCH(tags, 'kafka') AND NOT title LIKE 't1%'";
    assertThat(count(indexed.query(sql))).isEqualTo(expected).isPositive();
  }

  @Test
  void regexpLikeInHavingFiltersGroups() {
    String having = "SELECT title, COUNT(*) FROM docs GROUP BY title HAVING REGEXP_LIKE(title, '^t12-') "
        + "ORDER BY title LIMIT 1000";
    String where = "SELECT title, COUNT(*) FROM docs WHERE REGEXP_LIKE(title, '^t12-') GROUP BY title "
        + "ORDER BY title LIMIT 1000";
    BrokerResponse filtered = indexed.query(having);
    assertThat(filtered.exceptions()).isEmpty();
    assertThat(filtered.resultTable().rows()).isNotEmpty();
    assertThat(ResultComparison.difference(filtered.resultTable().rows(), plain.query(where).resultTable().rows(),
        true)).isNull();
  }

  @Test
  void textMatchWithoutATextIndexIsAnExecutionError() {
    BrokerResponse response = indexed.query("SELECT COUNT(*) FROM docs WHERE TEXT_MATCH(city, 'x')");
    assertThat(response.exceptions()).isNotEmpty();
    assertThat(response.exceptions().get(0).errorCode()).isEqualTo(QueryErrorCode.QUERY_EXECUTION.id());
    assertThat(response.exceptions().get(0).message())
        .contains("Cannot apply TEXT_MATCH on column: city without text index");
    BrokerResponse invalid = indexed.query("SELECT COUNT(*) FROM docs WHERE TEXT_MATCH(body, '\"unclosed')");
    assertThat(invalid.exceptions()).isNotEmpty();
    assertThat(invalid.exceptions().get(0).errorCode()).isEqualTo(QueryErrorCode.QUERY_EXECUTION.id());
  }

  @Test
  void invalidRegexpLikeCallsAreValidationErrors() {
    for (String filter : List.of("REGEXP_LIKE(title, '(')", "REGEXP_LIKE(title, 'a', 'x')",
        "REGEXP_LIKE(title)", "REGEXP_LIKE(title, 'a', 'ii')")) {
      assertThatThrownBy(() -> indexed.query("SELECT COUNT(*) FROM docs WHERE " + filter)).as(filter)
          .isInstanceOfSatisfying(QueryException.class,
              e -> assertThat(e.errorCode()).isEqualTo(QueryErrorCode.QUERY_VALIDATION));
    }
    BrokerResponse onInt = indexed.query("SELECT COUNT(*) FROM docs WHERE REGEXP_LIKE(id, '1')");
    assertThat(onInt.exceptions()).isNotEmpty();
    assertThat(onInt.exceptions().get(0).errorCode()).isEqualTo(QueryErrorCode.QUERY_VALIDATION.id());
  }

  /// The classic query parser's meaning of the queries above, over lower-cased words (stop word "the" matches
  /// nothing).
  private static boolean textMatches(String body, String query) {
    List<String> words = List.of(body.toLowerCase(Locale.ROOT).split(" "));
    return switch (query) {
      case "pinot", "PINOT" -> words.contains("pinot");
      case "kafka AND lucene" -> words.contains("kafka") && words.contains("lucene");
      case "\"apache pinot\"" -> body.toLowerCase(Locale.ROOT).matches("(.* )?apache pinot( .*)?");
      case "sea*" -> words.stream().anyMatch(word -> word.startsWith("sea"));
      case "wine -red" -> words.contains("wine") && !words.contains("red");
      case "/gr.pe/" -> words.stream().anyMatch(word -> word.matches("gr.pe"));
      case "stream OR olap" -> words.contains("stream") || words.contains("olap");
      default -> false;
    };
  }

  private static long count(BrokerResponse response) {
    assertThat(response.exceptions()).isEmpty();
    return ((Number) response.resultTable().rows().get(0)[0]).longValue();
  }
}
