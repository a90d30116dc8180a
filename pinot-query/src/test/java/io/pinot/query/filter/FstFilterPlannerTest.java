// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.common.utils.JsonUtils;
import io.pinot.query.context.Identifier;
import io.pinot.query.context.Predicate;
import io.pinot.query.context.QueryDeadline;
import io.pinot.segment.creator.SegmentCreator;
import io.pinot.segment.creator.SegmentGeneratorConfig;
import io.pinot.segment.loader.SegmentLoader;
import io.pinot.segment.readers.InMemoryRecordReader;
import io.pinot.segment.spi.DataSource;
import io.pinot.segment.spi.Dictionary;
import io.pinot.segment.spi.FstIndexReader;
import io.pinot.segment.spi.IndexSegment;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.Schema;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roaringbitmap.buffer.MutableRoaringBitmap;

/// The filter planner finds the dictionary ids of LIKE and case-sensitive REGEXP_LIKE predicates through the FST
/// index without reading a single dictionary value, falls back to a pass over the dictionary for case-insensitive or
/// untranslatable patterns and for columns without the index, and matches the same documents either way.
class FstFilterPlannerTest {
  private static final String[] WORDS = {"apache", "pinot", "lucene", "kafka", "olap"};

  @TempDir
  static Path dir;

  private static IndexSegment segment;
  private static int cardinality;

  @BeforeAll
  static void build() throws Exception {
    Schema schema = JsonUtils.fromJson("""
        {"schemaName": "t", "dimensionFieldSpecs": [{"name": "name", "dataType": "STRING"}]}""", Schema.class);
    TableConfig table = JsonUtils.fromJson("""
        {"tableName": "t", "tableType": "OFFLINE", "fieldConfigList": [{"name": "name", "indexTypes": ["FST"]}]}""",
        TableConfig.class);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      Map<String, Object> row = new HashMap<>();
      row.put("name", "v" + (i * 7919 % 600) + "-" + WORDS[i % WORDS.length]);
      rows.add(row);
    }
    SegmentGeneratorConfig config = SegmentGeneratorConfig.builder().schema(schema).tableConfig(table)
        .outputDir(dir).sequenceId(0).build();
    segment = SegmentLoader.load(SegmentCreator.create(config, new InMemoryRecordReader(rows)).segmentDir());
    cardinality = segment.dataSource("name").dictionary().length();
    assertThat(segment.dataSource("name").fstIndex()).isNotNull();
  }

  @AfterAll
  static void close() {
    segment.close();
  }

  @Test
  void likeAndRegexpLikeUseTheFstInsteadOfTheDictionary() {
    for (Predicate predicate : List.of(like("v1%"), like("%-olap"), like("v12_-%"), regexp("^v2.-a", false),
        regexp("pinot$", false), regexp("^v(1|3)0{2}-", false), regexp("nomatch", false))) {
      Counts withFst = new Counts();
      Counts withoutFst = new Counts();
      MutableRoaringBitmap indexed = plan(predicate, counting(withFst, true));
      MutableRoaringBitmap scanned = plan(predicate, counting(withoutFst, false));
      assertThat(indexed).as(predicate.toString()).isEqualTo(scanned);
      assertThat(withFst.fstCalls.get()).as(predicate.toString()).isEqualTo(1);
      assertThat(withFst.dictionaryReads.get()).as(predicate.toString()).isZero();
      assertThat(withoutFst.dictionaryReads.get()).isEqualTo(cardinality);
    }
  }

  @Test
  void caseInsensitiveAndUntranslatablePatternsScanTheDictionary() {
    for (Predicate predicate : List.of(regexp("^V1", true), regexp("(a)\\1", false), regexp("\\bpinot", false))) {
      Counts withFst = new Counts();
      MutableRoaringBitmap indexed = plan(predicate, counting(withFst, true));
      assertThat(indexed).as(predicate.toString()).isEqualTo(plan(predicate, counting(new Counts(), false)));
      assertThat(withFst.dictionaryReads.get()).as(predicate.toString()).isEqualTo(cardinality);
    }
    assertThat(plan(regexp("^V1", true), counting(new Counts(), true)).getCardinality()).isPositive();
  }

  private static Predicate like(String pattern) {
    return new Predicate.Like(new Identifier("name"), pattern);
  }

  private static Predicate regexp(String pattern, boolean caseInsensitive) {
    return new Predicate.RegexpLike(new Identifier("name"), pattern, caseInsensitive);
  }

  private static MutableRoaringBitmap plan(Predicate predicate, IndexSegment target) {
    DocIdSet set = new FilterPlanner(target, QueryDeadline.none()).plan(predicate);
    MutableRoaringBitmap docs = new MutableRoaringBitmap();
    DocIdIterator iterator = DocIdIterator.of(set, QueryDeadline.none());
    int[] buffer = new int[DocIdIterator.BLOCK_SIZE];
    int n;
    while ((n = iterator.next(buffer, buffer.length)) > 0) {
      docs.addN(buffer, 0, n);
    }
    return docs;
  }

  private static final class Counts {
    final AtomicInteger fstCalls = new AtomicInteger();
    final AtomicInteger dictionaryReads = new AtomicInteger();
  }

  /// The segment with the column's FST index (or none) and dictionary wrapped to count their use.
  private static IndexSegment counting(Counts counts, boolean keepFst) {
    DataSource real = segment.dataSource("name");
    Dictionary dictionary = proxy(Dictionary.class, real.dictionary(), name -> {
      if (name.equals("getStringValue") || name.equals("readStringValues") || name.equals("get")) {
        counts.dictionaryReads.incrementAndGet();
      }
      return null;
    });
    FstIndexReader fst = proxy(FstIndexReader.class, real.fstIndex(), name -> {
      counts.fstCalls.incrementAndGet();
      return null;
    });
    DataSource source = proxy(DataSource.class, real, name -> switch (name) {
      case "dictionary" -> dictionary;
      case "fstIndex" -> keepFst ? fst : NONE;
      default -> null;
    });
    return proxy(IndexSegment.class, segment, name -> name.equals("dataSource") ? source : null);
  }

  private static final Object NONE = new Object();

  /// A proxy delegating to `target` unless `override` returns a value for the method name ([#NONE] for null).
  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, T target, Function<String, Object> override) {
    return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
      Object replaced = override.apply(method.getName());
      if (replaced != null) {
        return replaced == NONE ? null : replaced;
      }
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    });
  }
}
