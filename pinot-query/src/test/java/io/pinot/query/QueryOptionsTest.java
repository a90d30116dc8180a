// SPDX-License-Identifier: Apache-2.0
package io.pinot.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pinot.common.datatable.DataTable;
import io.pinot.common.response.BrokerResponse;
import io.pinot.query.runtime.ServerQueryExecutor;
import io.pinot.query.runtime.ServerQueryExecutorConfig;
import io.pinot.query.runtime.ServerQueryRequest;
import io.pinot.query.testing.TestCluster;
import io.pinot.query.testing.TestData;
import io.pinot.segment.spi.IndexSegment;
import io.pinot.spi.exception.QueryErrorCode;
import io.pinot.spi.exception.QueryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/// Query options from `SET k = v;` and from the request's `queryOptions`, each proven to take effect on real
/// segments (4 segments of 800 rows on two in-JVM servers).
class QueryOptionsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path dir;

  private static TestCluster cluster;
  private final BrokerQueryCompiler compiler = new BrokerQueryCompiler();

  @BeforeAll
  static void setUp() {
    cluster = new TestCluster(dir, TestData.segments(11, new int[]{800, 800, 800, 800}), 2,
        ServerQueryExecutorConfig.defaults());
  }

  @AfterAll
  static void tearDown() throws Exception {
    cluster.close();
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
  void sqlOptionsOverrideRequestOptions() {
    CompiledQuery query = compiler.compile("SET timeoutMs = 250; SET numGroupsLimit = 7; SELECT COUNT(*) FROM t",
        Map.of("timeoutMs", "1000", "MAXEXECUTIONTHREADS", "2"));
    assertThat(query.queryOptions()).containsEntry("timeoutMs", "250").containsEntry("numGroupsLimit", "7")
        .containsEntry("maxExecutionThreads", "2");
    assertThat(query.timeoutMs()).isEqualTo(250L);
  }

  @ParameterizedTest
  @CsvSource({"timeoutMs,abc", "timeoutMs,0", "numGroupsLimit,0", "numGroupsLimit,3000000000",
      "maxExecutionThreads,-1", "enableNullHandling,yes", "useStarTree,maybe", "skipUpsert,1", "trace,on",
      "explainPlanVerbose,2"})
  void invalidValuesAreValidationErrorsNamingTheOption(String key, String value) {
    assertThatThrownBy(() -> compiler.compile("SELECT COUNT(*) FROM t", Map.of(key, value)))
        .isInstanceOfSatisfying(QueryException.class,
            e -> assertThat(e.errorCode()).isEqualTo(QueryErrorCode.QUERY_VALIDATION))
        .hasMessageContaining("query option[" + key + "]").hasMessageContaining(value);
    BrokerResponse response = cluster.query("SET " + key + " = '" + value + "'; SELECT COUNT(*) FROM events");
    assertThat(response.exceptions()).singleElement()
        .satisfies(e -> assertThat(e.errorCode()).isEqualTo(QueryErrorCode.QUERY_VALIDATION.id()));
  }

  @Test
  void invalidOptionsSentOnlyToTheServerAreRejectedThere() {
    IndexSegment segment = cluster.segments(0).get(0);
    DataTable table = cluster.server().execute(ServerQueryRequest.builder("SELECT COUNT(*) FROM events",
        "events_OFFLINE").queryOptions(Map.of("enableNullHandling", "yes")).schema(TestData.schema()).build(),
        List.of(segment));
    assertThat(table.exceptions()).containsOnlyKeys(QueryErrorCode.QUERY_VALIDATION.id());
  }

  @Test
  void unknownOptionsAreIgnored() {
    BrokerResponse response = cluster.query("SET someFutureOption = 'x'; SELECT COUNT(*) FROM events",
        Map.of("anotherUnknownOption", "42"));
    assertThat(response.exceptions()).isEmpty();
    assertThat(response.resultTable().rows().get(0)[0]).isEqualTo(3200L);
  }

  @Test
  void multistageEngineIsRefusedWithPinotsError() {
    for (String sql : List.of("SET useMultistageEngine = true; SELECT COUNT(*) FROM events",
        "SET useMultistageEngine = true; SELECT a.country FROM events a JOIN events b ON a.city = b.city")) {
      assertThatThrownBy(() -> compiler.compile(sql))
          .isInstanceOfSatisfying(QueryException.class,
              e -> assertThat(e.errorCode()).isEqualTo(QueryErrorCode.INTERNAL))
          .hasMessageContaining("Multi-Stage query engine not enabled")
          .hasMessageContaining("retry without the query option useMultistageEngine=true");
    }
    BrokerResponse refused = cluster.query("SELECT COUNT(*) FROM events", Map.of("useMultistageEngine", "TRUE"));
    assertThat(refused.exceptions()).singleElement().satisfies(e -> {
      assertThat(e.errorCode()).isEqualTo(450);
      assertThat(e.message()).startsWith("InternalError: V2 Multi-Stage query engine not enabled.");
    });
    assertThat(cluster.query("SET useMultistageEngine = false; SELECT COUNT(*) FROM events").exceptions())
        .isEmpty();
  }

  @Test
  void tinyTimeoutAnswersWithTheExecutionTimeoutError() {
    List<IndexSegment> segments = cluster.segments(0);
    String sql = "SELECT city, SUM(price) FROM events GROUP BY city";
    // The request arrived 50 ms ago with a budget of 60 s; the option cuts it to 5 ms, already spent.
    long receivedAt = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(50);
    DataTable timedOut = cluster.server().execute(ServerQueryRequest.builder("SET timeoutMs = 5; " + sql,
        "events_OFFLINE").timeoutMs(60_000).receivedAtNanos(receivedAt).schema(TestData.schema()).build(), segments);
    assertThat(timedOut.exceptions()).containsOnlyKeys(QueryErrorCode.EXECUTION_TIMEOUT.id());
    DataTable sameWithRequestOption = cluster.server().execute(ServerQueryRequest.builder(sql, "events_OFFLINE")
        .timeoutMs(60_000).receivedAtNanos(receivedAt).queryOptions(Map.of("timeoutMs", "5"))
        .schema(TestData.schema()).build(), segments);
    assertThat(sameWithRequestOption.exceptions()).containsOnlyKeys(QueryErrorCode.EXECUTION_TIMEOUT.id());
    DataTable withoutOption = cluster.server().execute(ServerQueryRequest.builder(sql, "events_OFFLINE")
        .timeoutMs(60_000).receivedAtNanos(receivedAt).schema(TestData.schema()).build(), segments);
    assertThat(withoutOption.exceptions()).isEmpty();
    BrokerResponse response = cluster.query("SET timeoutMs = 1; " + sql);
    assertThat(response.exceptions()).allSatisfy(
        e -> assertThat(e.errorCode()).isEqualTo(QueryErrorCode.EXECUTION_TIMEOUT.id()));
  }

  @Test
  void numGroupsLimitTrimsGroupsAndIsReported() {
    String sql = "SELECT city, COUNT(*) FROM events GROUP BY city LIMIT 1000";
    BrokerResponse all = cluster.query(sql);
    assertThat(all.numGroupsLimitReached()).isFalse();
    assertThat(all.resultTable().rows()).hasSize(200);
    BrokerResponse limited = cluster.query("SET numGroupsLimit = 10; " + sql);
    assertThat(limited.numGroupsLimitReached()).isTrue();
    // At most 10 groups per segment, 4 segments.
    assertThat(limited.resultTable().rows()).hasSizeBetween(10, 40);
    BrokerResponse fromRequest = cluster.query(sql, Map.of("numGroupsLimit", "10"));
    assertThat(fromRequest.numGroupsLimitReached()).isTrue();
    assertThat(fromRequest.resultTable().rows()).hasSize(limited.resultTable().rows().size());
  }

  @Test
  void maxExecutionThreadsBoundsTheHelperTasks() throws Exception {
    AtomicInteger submitted = new AtomicInteger();
    ThreadPoolExecutor pool = new ThreadPoolExecutor(4, 4, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>()) {
      @Override
      public void execute(Runnable command) {
        submitted.incrementAndGet();
        super.execute(command);
      }
    };
    try {
      ServerQueryExecutor server = new ServerQueryExecutor(pool,
          ServerQueryExecutorConfig.defaults().withMaxExecutionThreads(4));
      List<IndexSegment> segments = new ArrayList<>(cluster.segments(0));
      segments.addAll(cluster.segments(1));
      String sql = "SELECT SUM(price) FROM events WHERE city > 'city_050'";
      DataTable single = server.execute(ServerQueryRequest.builder("SET maxExecutionThreads = 1; " + sql,
          "events_OFFLINE").schema(TestData.schema()).build(), segments);
      assertThat(single.exceptions()).isEmpty();
      assertThat(submitted.get()).isZero();
      DataTable two = server.execute(ServerQueryRequest.builder(sql, "events_OFFLINE")
          .queryOptions(Map.of("maxExecutionThreads", "2")).schema(TestData.schema()).build(), segments);
      assertThat(two.exceptions()).isEmpty();
      assertThat(submitted.get()).isEqualTo(1);
      submitted.set(0);
      server.execute(ServerQueryRequest.builder(sql, "events_OFFLINE").schema(TestData.schema()).build(), segments);
      assertThat(submitted.get()).isEqualTo(3);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void enableNullHandlingReachesTheQueryContextOnBrokerAndServer() throws Exception {
    CompiledQuery query = compiler.compile("SET enableNullHandling = true; SELECT country FROM events")
        .resolve(TestData.schema());
    assertThat(query.context().nullHandlingEnabled()).isTrue();
    assertThat(compiler.compile("SELECT country FROM events").context().nullHandlingEnabled()).isFalse();
    assertThat(compiler.compile("SELECT country FROM events", Map.of("enableNullHandling", "true")).context()
        .nullHandlingEnabled()).isTrue();
    assertThat(serverTrace(cluster.query("SELECT COUNT(*) FROM events",
        Map.of("enableNullHandling", "true", "trace", "true")))).contains("{\"nullHandlingEnabled\":1}");
    assertThat(serverTrace(cluster.query("SET trace = true; SELECT COUNT(*) FROM events")))
        .contains("{\"nullHandlingEnabled\":0}");
  }

  @Test
  void traceFillsTraceInfoPerServer() throws Exception {
    BrokerResponse traced = cluster.query("SET trace = true; SELECT country, COUNT(*) FROM events GROUP BY country");
    assertThat(traced.traceInfo()).containsOnlyKeys("Server_0", "Server_1");
    for (String trace : traced.traceInfo().values()) {
      JsonNode threads = JSON.readTree(trace);
      assertThat(threads.isArray()).isTrue();
      JsonNode entries = threads.get(0).get("0");
      List<String> keys = new ArrayList<>();
      for (JsonNode entry : entries) {
        keys.add(entry.fieldNames().next());
        assertThat(entry.elements().next().isIntegralNumber()).isTrue();
      }
      assertThat(keys).containsExactly("QueryCompilation Time", "SegmentPruning Time", "QueryExecution Time",
          "numSegmentsProcessed", "numDocsScanned", "nullHandlingEnabled");
      assertThat(entries.get(3).get("numSegmentsProcessed").asInt()).isEqualTo(2);
      assertThat(entries.get(4).get("numDocsScanned").asInt()).isEqualTo(1600);
    }
    assertThat(cluster.query("SELECT COUNT(*) FROM events").traceInfo()).isEmpty();
    assertThat(cluster.query("SELECT COUNT(*) FROM events", Map.of("trace", "false")).traceInfo()).isEmpty();
  }

  @Test
  void useStarTreeAndSkipUpsertAreAccepted() {
    for (String option : List.of("useStarTree = false", "useStarTree = true", "skipUpsert = true")) {
      BrokerResponse response = cluster.query("SET " + option + "; SELECT COUNT(*), SUM(quantity) FROM events");
      assertThat(response.exceptions()).as(option).isEmpty();
      assertThat(response.resultTable().rows().get(0)[0]).isEqualTo(3200L);
    }
  }

  private static String serverTrace(BrokerResponse response) {
    assertThat(response.exceptions()).isEmpty();
    assertThat(response.traceInfo()).isNotEmpty();
    return response.traceInfo().values().iterator().next();
  }
}
