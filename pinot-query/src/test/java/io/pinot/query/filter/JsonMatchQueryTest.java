// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pinot.common.response.BrokerResponse;
import io.pinot.common.utils.JsonUtils;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.Schema;
import io.pinot.spi.exception.QueryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// `JSON_MATCH` through the whole query path (SQL parsing of the filter text, planning on each segment, reduce):
/// the JSON index answers it without scanning, with the same documents as an independent evaluation over the rows'
/// Java objects, including conditions on the same array element, and with Pinot's errors.
class JsonMatchQueryTest {
  private static final String SCHEMA = """
      {"schemaName": "people", "dimensionFieldSpecs": [
         {"name": "id", "dataType": "INT"},
         {"name": "country", "dataType": "STRING"},
         {"name": "person", "dataType": "JSON"},
         {"name": "payload", "dataType": "STRING", "maxLength": 100000},
         {"name": "other", "dataType": "JSON"}]}""";
  private static final String TABLE = """
      {"tableName": "people", "tableType": "OFFLINE",
       "tableIndexConfig": {"jsonIndexColumns": ["person"], "noDictionaryColumns": ["payload"]},
       "fieldConfigList": [{"name": "payload", "encodingType": "RAW", "indexes": {"json": {}}}]}""";

  @TempDir
  static Path dir;

  private static IndexTestCluster cluster;
  private static final List<Person> PEOPLE = new ArrayList<>();

  /// One row's JSON document as Java values.
  record Person(int id, String country, String name, int age, List<String> tags, List<Address> addresses) {
  }

  record Address(String country, int number) {
  }

  @BeforeAll
  static void setUp() throws Exception {
    Random random = new Random(21);
    List<List<Map<String, Object>>> segments = new ArrayList<>();
    int id = 0;
    for (int s = 0; s < 3; s++) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (int i = 0; i < 1500; i++) {
        List<Address> addresses = new ArrayList<>();
        for (int a = random.nextInt(4); a > 0; a--) {
          addresses.add(new Address(random.nextBoolean() ? "us" : "ca", random.nextInt(4)));
        }
        Person person = new Person(id++, "c" + random.nextInt(5), "n" + random.nextInt(10), 18 + random.nextInt(50),
            List.of("t" + random.nextInt(3), "t" + random.nextInt(3)), addresses);
        PEOPLE.add(person);
        Map<String, Object> row = new HashMap<>();
        row.put("id", person.id());
        row.put("country", person.country());
        String json = JsonUtils.toJson(Map.of("name", person.name(), "age", person.age(), "tags", person.tags(),
            "addresses", addresses.stream().map(address -> Map.of("country", address.country(), "number",
                address.number())).toList()));
        row.put("person", json);
        row.put("payload", json);
        row.put("other", json);
        rows.add(row);
      }
      segments.add(rows);
    }
    cluster = new IndexTestCluster(dir, JsonUtils.fromJson(SCHEMA, Schema.class),
        JsonUtils.fromJson(TABLE, TableConfig.class), segments);
  }

  @AfterAll
  static void tearDown() throws Exception {
    cluster.close();
  }

  private static void assertMatches(String filter, Predicate<Person> expected) {
    for (String column : List.of("person", "payload")) {
      String where = "JSON_MATCH(" + column + ", '" + filter.replace("'", "''") + "')";
      BrokerResponse count = cluster.query("SELECT COUNT(*) FROM people WHERE " + where);
      assertThat(count.exceptions()).as(where).isEmpty();
      long expectedCount = PEOPLE.stream().filter(expected).count();
      assertThat(((Number) count.resultTable().rows().get(0)[0]).longValue()).as(where).isEqualTo(expectedCount);
      assertThat(count.numEntriesScannedInFilter()).as("entries scanned for %s", where).isZero();
      BrokerResponse ids = cluster.query("SELECT id FROM people WHERE " + where + " ORDER BY id LIMIT 100000");
      List<Object> actualIds = ids.resultTable().rows().stream().map(row -> row[0]).toList();
      List<Object> expectedIds = PEOPLE.stream().filter(expected).map(person -> (Object) person.id()).toList();
      assertThat(actualIds).as(where).isEqualTo(expectedIds);
    }
  }

  @Test
  void equalityInAndNegations() {
    assertMatches("\"$.name\" = 'n3'", p -> p.name().equals("n3"));
    assertMatches("name = 'n3'", p -> p.name().equals("n3"));
    assertMatches("\"$.age\" = 30", p -> p.age() == 30);
    assertMatches("\"$.name\" IN ('n1', 'n2', 'zz')", p -> p.name().equals("n1") || p.name().equals("n2"));
    assertMatches("\"$.name\" != 'n3'", p -> !p.name().equals("n3"));
    assertMatches("\"$.name\" <> 'n3'", p -> !p.name().equals("n3"));
    assertMatches("\"$.name\" NOT IN ('n1', 'n2')", p -> !p.name().equals("n1") && !p.name().equals("n2"));
    assertMatches("'n4' = \"$.name\"", p -> p.name().equals("n4"));
  }

  @Test
  void arraysMatchElementByElement() {
    assertMatches("\"$.addresses[*].country\" = 'us' AND \"$.addresses[*].number\" = 2",
        p -> p.addresses().stream().anyMatch(a -> a.country().equals("us") && a.number() == 2));
    assertMatches("\"$.addresses[0].country\" = 'ca'",
        p -> !p.addresses().isEmpty() && p.addresses().get(0).country().equals("ca"));
    assertMatches("\"$.tags[1]\" = 't2'", p -> p.tags().get(1).equals("t2"));
    assertMatches("\"$.tags[*]\" = 't0' AND \"$.name\" = 'n1'", p -> p.tags().contains("t0") && p.name().equals("n1"));
    assertMatches("\"$.addresses[*].number\" IS NOT NULL", p -> !p.addresses().isEmpty());
    assertMatches("\"$.addresses[*].number\" IS NULL", p -> p.addresses().isEmpty());
  }

  @Test
  void rangesRegexpAndBooleanCombinations() {
    assertMatches("\"$.age\" > 30 AND \"$.age\" <= 40", p -> p.age() > 30 && p.age() <= 40);
    assertMatches("\"$.age\" BETWEEN 20 AND 25", p -> p.age() >= 20 && p.age() <= 25);
    assertMatches("\"$.age\" < 19 OR (\"$.name\" = 'n9' AND \"$.age\" >= 60)",
        p -> p.age() < 19 || p.name().equals("n9") && p.age() >= 60);
    assertMatches("REGEXP_LIKE(\"$.name\", 'n[0-2]')", p -> p.name().matches("n[0-2]"));
    assertMatches("\"$.addresses[*].number\" >= 3", p -> p.addresses().stream().anyMatch(a -> a.number() >= 3));
  }

  @Test
  void combinesWithOtherPredicatesAndGroupBy() {
    String jsonMatch = "JSON_MATCH(person, '\"$.name\" = ''n3''')";
    BrokerResponse response = cluster.query("SELECT country, COUNT(*) FROM people WHERE " + jsonMatch
        + " AND id < 3000 GROUP BY country ORDER BY country");
    assertThat(response.exceptions()).isEmpty();
    Map<String, Long> expected = new java.util.TreeMap<>();
    for (Person person : PEOPLE) {
      if (person.name().equals("n3") && person.id() < 3000) {
        expected.merge(person.country(), 1L, Long::sum);
      }
    }
    assertThat(response.resultTable().rows()).hasSize(expected.size());
    int i = 0;
    for (Map.Entry<String, Long> entry : expected.entrySet()) {
      assertThat(response.resultTable().rows().get(i)[0]).isEqualTo(entry.getKey());
      assertThat(((Number) response.resultTable().rows().get(i++)[1]).longValue()).isEqualTo(entry.getValue());
    }
    long notMatching = PEOPLE.stream().filter(p -> !p.name().equals("n3") || p.country().equals("c1")).count();
    BrokerResponse negated = cluster.query("SELECT COUNT(*) FROM people WHERE NOT " + jsonMatch
        + " OR country = 'c1'");
    assertThat(((Number) negated.resultTable().rows().get(0)[0]).longValue()).isEqualTo(notMatching);
  }

  @Test
  void errorsAreThoseOfPinot() {
    BrokerResponse noIndex = cluster.query("SELECT COUNT(*) FROM people WHERE JSON_MATCH(other, '\"$.a\" = 1')");
    assertThat(noIndex.exceptions()).isNotEmpty();
    assertThat(noIndex.exceptions().get(0).errorCode()).isEqualTo(200);
    assertThat(noIndex.exceptions().get(0).message())
        .contains("Cannot apply JSON_MATCH on column: other without json index");
    for (String filter : List.of("\"$.a\" = ", "\"$.a\" LIKE ''x%''", "NOT \"$.a\" = 1",
        "\"$.a\" IS NULL AND \"$.b\" = 1", "1 = 1", "\"$.a\" = \"$.b\"")) {
      assertThatThrownBy(() -> cluster.query("SELECT COUNT(*) FROM people WHERE JSON_MATCH(person, '" + filter
          + "')")).as(filter).isInstanceOfSatisfying(QueryException.class, e -> {
            assertThat(e.errorCode().id()).isEqualTo(700);
            assertThat(e.getMessage()).startsWith("Invalid json match filter: ");
          });
    }
    assertThatThrownBy(() -> cluster.query("SELECT COUNT(*) FROM people WHERE JSON_MATCH(person)"))
        .isInstanceOfSatisfying(QueryException.class, e -> assertThat(e.errorCode().id()).isEqualTo(150));
  }
}
