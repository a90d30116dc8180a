// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.mutable;

import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.segment.spi.ColumnMetadata;
import io.pinot.segment.spi.DataSource;
import io.pinot.segment.testing.SegmentValues;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.readers.GenericRow;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/// One writer indexes rows while readers take snapshots and check that everything a snapshot shows (document
/// count, dictionary length, metadata, inverted-index bitmaps, forward values, multi-value entry counts) is exactly
/// the state after the snapshot's first documents, computed from a reference segment holding all rows.
class MutableSegmentConcurrencyTest {
  private static final int NUM_ROWS = 70_000;

  @Test
  void snapshotsAreConsistentPrefixesWhileIndexing() throws Exception {
    TableConfig table = MutableTestData.table(false);
    List<GenericRow> rows = MutableTestData.rows(11, NUM_ROWS, 3000);
    MutableSegment reference = MutableTestData.segment(table, NUM_ROWS);
    MutableTestData.indexAll(reference, rows);
    MutableSegmentSnapshot all = reference.snapshot();
    List<Object> strings = SegmentValues.column(all, "dString");
    List<Object> ints = SegmentValues.column(all, "dInt");
    List<Object> tags = SegmentValues.column(all, "mString");
    int[] distinctStrings = prefixDistinct(strings);
    MutableSegment segment = MutableTestData.segment(table, NUM_ROWS);
    AtomicBoolean done = new AtomicBoolean();
    AtomicInteger checksWhileWriting = new AtomicInteger();
    ExecutorService executor = Executors.newFixedThreadPool(2);
    try {
      Future<Integer> reader = executor.submit(() -> {
        int previous = 0;
        int checks = 0;
        while (!done.get()) {
          MutableSegmentSnapshot snapshot = segment.snapshot();
          int numDocs = snapshot.numDocs();
          assertThat(numDocs).isGreaterThanOrEqualTo(previous);
          previous = numDocs;
          check(snapshot, strings, ints, tags, distinctStrings);
          checks++;
          checksWhileWriting.incrementAndGet();
        }
        return checks;
      });
      for (int i = 0; i < NUM_ROWS; i++) {
        segment.index(rows.get(i));
        if (i % 1000 == 0) {
          Thread.yield();
        }
      }
      done.set(true);
      assertThat(reader.get(60, TimeUnit.SECONDS)).isPositive();
    } finally {
      executor.shutdownNow();
    }
    assertThat(checksWhileWriting.get()).isGreaterThan(5);
    check(segment.snapshot(), strings, ints, tags, distinctStrings);
  }

  private static int[] prefixDistinct(List<Object> values) {
    int[] counts = new int[values.size() + 1];
    Set<Object> seen = new HashSet<>();
    for (int i = 0; i < values.size(); i++) {
      seen.add(values.get(i));
      counts[i + 1] = seen.size();
    }
    return counts;
  }

  private static void check(MutableSegmentSnapshot snapshot, List<Object> strings, List<Object> ints,
      List<Object> tags, int[] distinctStrings) {
    int numDocs = snapshot.numDocs();
    DataSource string = snapshot.dataSource("dString");
    assertThat(string.dictionary().length()).isEqualTo(distinctStrings[numDocs]);
    assertThat(string.metadata().cardinality()).isEqualTo(distinctStrings[numDocs]);
    assertThat(string.metadata().totalDocs()).isEqualTo(numDocs);
    if (numDocs == 0) {
      return;
    }
    int[] last = {numDocs - 1};
    int[] dictId = new int[1];
    string.forwardIndex().readDictIds(last, 1, dictId);
    assertThat(string.dictionary().get(dictId[0])).isEqualTo(strings.get(numDocs - 1));
    DataSource intColumn = snapshot.dataSource("dInt");
    Object value = ints.get(numDocs / 2);
    int id = intColumn.dictionary().indexOf(value);
    int expected = 0;
    int min = Integer.MAX_VALUE;
    for (int doc = 0; doc < numDocs; doc++) {
      expected += ints.get(doc).equals(value) ? 1 : 0;
      min = Math.min(min, (Integer) ints.get(doc));
    }
    assertThat(intColumn.invertedIndex().docIds(id).getCardinality()).isEqualTo(expected);
    assertThat(intColumn.metadata().minValue()).isEqualTo(min);
    ColumnMetadata multi = snapshot.dataSource("mString").metadata();
    long entries = 0;
    for (int doc = 0; doc < numDocs; doc++) {
      entries += ((List<?>) tags.get(doc)).size();
    }
    assertThat(multi.totalNumberOfEntries()).isEqualTo(entries);
    assertThat(snapshot.metadata().totalDocs()).isEqualTo(numDocs);
    List<Object> prefix = new ArrayList<>(strings.subList(0, numDocs));
    assertThat(SegmentValues.column(snapshot, "dString")).isEqualTo(prefix);
  }
}
