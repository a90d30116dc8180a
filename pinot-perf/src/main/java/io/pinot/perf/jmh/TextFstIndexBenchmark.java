// SPDX-License-Identifier: Apache-2.0
package io.pinot.perf.jmh;

import io.pinot.common.utils.JsonUtils;
import io.pinot.segment.creator.SegmentCreator;
import io.pinot.segment.creator.SegmentGeneratorConfig;
import io.pinot.segment.creator.name.FixedSegmentNameGenerator;
import io.pinot.segment.loader.SegmentLoader;
import io.pinot.segment.readers.InMemoryRecordReader;
import io.pinot.segment.spi.Dictionary;
import io.pinot.segment.spi.ForwardIndexReader;
import io.pinot.segment.spi.FstIndexReader;
import io.pinot.segment.spi.IndexSegment;
import io.pinot.segment.spi.TextIndexReader;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.Schema;
import io.pinot.spi.data.readers.GenericRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/// The FST and text index kernels over a memory-mapped segment against the scans they replace. `url` (STRING,
/// about rows/5 distinct values, FST index): dictionary ids of a prefix regular expression and of a LIKE pattern
/// from the FST, next to a `java.util.regex` pass over the dictionary (what REGEXP_LIKE does without the index).
/// `body` (STRING sentences of 4 to 12 words, raw forward index, Lucene text index): TEXT_MATCH of a term, a phrase
/// and a boolean query, next to a regular-expression scan of every document for the same term. Scores are
/// operations per second.
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
    "--add-modules", "jdk.incubator.vector"})
public class TextFstIndexBenchmark {
  private static final String[] WORDS = {"apache", "pinot", "realtime", "distributed", "olap", "datastore", "kafka",
      "stream", "lucene", "search", "query", "segment", "index", "server", "broker", "table", "column", "filter",
      "latency", "throughput", "cluster", "replica", "tenant", "minion"};
  private static final Schema SCHEMA = JsonUtils.fromJson("""
      {"schemaName": "docs", "dimensionFieldSpecs": [{"name": "url", "dataType": "STRING"},
                                                     {"name": "body", "dataType": "STRING"}]}""", Schema.class);
  private static final TableConfig TABLE = JsonUtils.fromJson("""
      {"tableName": "docs", "tableType": "OFFLINE",
       "fieldConfigList": [{"name": "url", "indexTypes": ["FST"]},
                           {"name": "body", "encodingType": "RAW", "indexTypes": ["TEXT"]}]}""", TableConfig.class);

  @Param("500000")
  int rows;

  private Path dir;
  private IndexSegment segment;
  private FstIndexReader fst;
  private Dictionary urls;
  private TextIndexReader text;
  private ForwardIndexReader bodies;
  private final Matcher prefixRegex = Pattern.compile("^https://shop\\.example\\.com/c17/p1").matcher("");
  private final Matcher termRegex = Pattern.compile("\\bkafka\\b").matcher("");

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("pinot-jmh-text-fst");
    SplittableRandom random = new SplittableRandom(11);
    List<GenericRow> data = new ArrayList<>(rows);
    for (int i = 0; i < rows; i++) {
      GenericRow row = new GenericRow();
      row.putValue("url", "https://shop.example.com/c" + random.nextInt(50) + "/p" + random.nextInt(rows / 200 + 1));
      StringBuilder body = new StringBuilder();
      int words = 4 + random.nextInt(9);
      for (int w = 0; w < words; w++) {
        body.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
      }
      row.putValue("body", body.toString());
      data.add(row);
    }
    Path segmentDir = SegmentCreator.create(SegmentGeneratorConfig.builder().tableConfig(TABLE).schema(SCHEMA)
        .outputDir(dir).segmentNameGenerator(new FixedSegmentNameGenerator("docs_0")).build(),
        new InMemoryRecordReader(data)).segmentDir();
    segment = SegmentLoader.load(segmentDir);
    fst = segment.dataSource("url").fstIndex();
    urls = segment.dataSource("url").dictionary();
    text = segment.dataSource("body").textIndex();
    bodies = segment.dataSource("body").forwardIndex();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    segment.close();
    StorageBenchSegments.delete(dir);
  }

  /// `REGEXP_LIKE(url, '^https://shop\.example\.com/c17/p1')` from the FST.
  @Benchmark
  public int fstPrefixRegex() {
    return fst.regexpLikeDictIds("^https://shop\\.example\\.com/c17/p1").length;
  }

  /// The same regular expression tested on every dictionary value.
  @Benchmark
  public int dictionaryScanPrefixRegex() {
    int count = 0;
    for (int dictId = 0; dictId < urls.length(); dictId++) {
      if (prefixRegex.reset(urls.getStringValue(dictId)).find()) {
        count++;
      }
    }
    return count;
  }

  /// `url LIKE '%/c17/p12%'` from the FST (no literal prefix: the whole FST is walked).
  @Benchmark
  public int fstContainsLike() {
    return fst.likeDictIds("%/c17/p12%").length;
  }

  /// `TEXT_MATCH(body, 'kafka')` (about 30% of documents).
  @Benchmark
  public long textMatchTerm() {
    return text.docIds("kafka", null).getLongCardinality();
  }

  /// `TEXT_MATCH(body, '"apache pinot"')`.
  @Benchmark
  public long textMatchPhrase() {
    return text.docIds("\"apache pinot\"", null).getLongCardinality();
  }

  /// `TEXT_MATCH(body, 'lucene AND minion AND NOT broker')`.
  @Benchmark
  public long textMatchBoolean() {
    return text.docIds("lucene AND minion AND NOT broker", null).getLongCardinality();
  }

  /// `REGEXP_LIKE(body, '\bkafka\b')` over every document: the scan the text index replaces.
  @Benchmark
  public int regexScanOfEveryDocument() {
    int[] docIds = new int[4096];
    String[] values = new String[4096];
    int count = 0;
    for (int first = 0; first < rows; first += docIds.length) {
      int length = Math.min(docIds.length, rows - first);
      for (int i = 0; i < length; i++) {
        docIds[i] = first + i;
      }
      bodies.readStringValues(docIds, length, values);
      for (int i = 0; i < length; i++) {
        if (termRegex.reset(values[i]).find()) {
          count++;
        }
      }
    }
    return count;
  }
}
