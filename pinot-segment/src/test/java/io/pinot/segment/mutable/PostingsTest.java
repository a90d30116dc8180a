// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.mutable;

import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.segment.spi.InvertedIndexReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.roaringbitmap.buffer.BufferFastAggregation;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;
import org.roaringbitmap.buffer.MutableRoaringBitmap;

class PostingsTest {
  /// Doc ids of a list built from `docs`, read at `numDocs`.
  private static int[] read(int[] docs, int numDocs) {
    Postings postings = Postings.of(docs[0]);
    for (int i = 1; i < docs.length; i++) {
      postings = postings.add(docs[i]);
    }
    return postings.toBitmap(numDocs).toArray();
  }

  @ParameterizedTest(name = "{0} docs")
  @ValueSource(ints = {1, 2, 4, 5, 4096, 4097, 65_535, 65_536, 65_537, 200_000})
  void everyBlockAndClipBoundary(int count) {
    int[] docs = new int[count];
    for (int i = 0; i < count; i++) {
      docs[i] = i * 3 / 2;
    }
    int last = docs[count - 1];
    assertThat(read(docs, last + 1)).isEqualTo(docs);
    for (int limit : new int[] {0, 1, 65_535, 65_536, 65_537, 131_072, last, last + 1}) {
      int[] expected = Arrays.stream(docs).filter(doc -> doc < limit).toArray();
      assertThat(read(docs, limit)).as("limit " + limit).isEqualTo(expected);
    }
  }

  @Test
  void repeatedDocIsAddedOnce() {
    Postings postings = Postings.of(7).add(7).add(9).add(9);
    assertThat(postings.toBitmap(100).toArray()).containsExactly(7, 9);
  }

  @Test
  void sparseDocsAcrossManyBlocks() {
    int[] docs = {0, 70_000, 140_000, 140_001, 1_000_000, 5_000_000};
    assertThat(read(docs, 5_000_001)).containsExactly(docs);
    assertThat(read(docs, 140_001)).containsExactly(0, 70_000, 140_000);
  }

  @Test
  void engineStyleOperationsNeverChangeSharedContainers() {
    MutableInvertedIndex index = new MutableInvertedIndex();
    int numDocs = 300_000;
    for (int doc = 0; doc < numDocs; doc++) {
      index.add(doc % 3 == 0 ? 0 : 1, doc);
    }
    InvertedIndexReader reader = index.view(numDocs, 2);
    ImmutableRoaringBitmap zero = reader.docIds(0);
    long expected = zero.getLongCardinality();
    MutableRoaringBitmap union = BufferFastAggregation.or(zero, reader.docIds(1));
    union.flip(0L, numDocs);
    MutableRoaringBitmap copy = zero.toMutableRoaringBitmap();
    copy.flip(0L, numDocs);
    copy.or(reader.docIds(1));
    MutableRoaringBitmap and = ImmutableRoaringBitmap.and(zero, copy);
    and.add(1L, 100_000L);
    assertThat(union.isEmpty()).isTrue();
    assertThat(reader.docIds(0).getLongCardinality()).isEqualTo(expected).isEqualTo(100_000);
    assertThat(zero.getLongCardinality()).isEqualTo(expected);
  }

  /// A writer appends documents with dictionary ids from a fixed pseudo-random sequence while readers check, at
  /// the document count they read, that each bitmap holds exactly the documents of that id below the count.
  @Test
  void concurrentReadersSeeExactPrefixes() throws Exception {
    int numDocs = 400_000;
    int cardinality = 5;
    int[] ids = new int[numDocs];
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < numDocs; i++) {
      ids[i] = random.nextInt(10) < 7 ? 0 : 1 + random.nextInt(cardinality - 1);
    }
    MutableInvertedIndex index = new MutableInvertedIndex();
    AtomicInteger published = new AtomicInteger();
    AtomicBoolean done = new AtomicBoolean();
    AtomicInteger checksWhileWriting = new AtomicInteger();
    ExecutorService executor = Executors.newFixedThreadPool(3);
    try {
      List<Future<Integer>> readers = new ArrayList<>();
      for (int r = 0; r < 2; r++) {
        readers.add(executor.submit(() -> {
          int checks = 0;
          while (!done.get() || checks == 0) {
            int count = published.get();
            InvertedIndexReader reader = index.view(count, cardinality);
            for (int id = 0; id < cardinality && count > 0; id++) {
              int[] docs = reader.docIds(id).toArray();
              int previous = -1;
              for (int doc : docs) {
                if (doc <= previous || doc >= count || ids[doc] != id) {
                  throw new AssertionError("doc " + doc + " in the bitmap of id " + id + " at count " + count);
                }
                previous = doc;
              }
              int expected = 0;
              for (int doc = Math.max(0, count - 2000); doc < count; doc++) {
                expected += ids[doc] == id ? 1 : 0;
              }
              int tail = 0;
              for (int i = docs.length - 1; i >= 0 && docs[i] >= count - 2000; i--) {
                tail++;
              }
              assertThat(tail).as("documents of id %d in the last 2000 below %d", id, count).isEqualTo(expected);
            }
            checks++;
            if (!done.get()) {
              checksWhileWriting.incrementAndGet();
            }
          }
          return checks;
        }));
      }
      Future<?> writer = executor.submit(() -> {
        for (int doc = 0; doc < numDocs; doc++) {
          index.add(ids[doc], doc);
          published.set(doc + 1);
          if (doc % 2000 == 0) {
            // Two cores: let the readers run while documents arrive.
            Thread.yield();
          }
        }
        done.set(true);
      });
      writer.get(60, TimeUnit.SECONDS);
      for (Future<Integer> reader : readers) {
        assertThat(reader.get(60, TimeUnit.SECONDS)).isPositive();
      }
      assertThat(checksWhileWriting.get()).isGreaterThan(10);
    } finally {
      executor.shutdownNow();
    }
    InvertedIndexReader reader = index.view(numDocs, cardinality);
    long total = 0;
    for (int id = 0; id < cardinality; id++) {
      total += reader.docIds(id).getLongCardinality();
    }
    assertThat(total).isEqualTo(numDocs);
  }
}
