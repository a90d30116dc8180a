// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.filter;

import io.pinot.query.context.Predicate;
import io.pinot.segment.spi.ForwardIndexReader;
import io.pinot.spi.data.DataType;

/// Scans a raw (no-dictionary) multi-value column: reads each candidate document's values and tests them with the
/// positive form of the predicate (the per-value comparisons of [RawScanPredicate]). A document matches an
/// inclusive predicate when any value matches, an exclusive one (NOT_EQ, NOT_IN) when no value is excluded.
/// Not thread-safe: one per segment execution.
final class RawMvScanPredicate implements ScanPredicate {
  private final ForwardIndexReader forwardIndex;
  private final RawScanPredicate positive;
  private final boolean exclusive;
  private final DataType storedType;
  private final long[] longs;
  private final double[] doubles;
  private final String[] strings;
  private final byte[][] bytes;
  private long numEntriesScanned;

  RawMvScanPredicate(Predicate predicate, ForwardIndexReader forwardIndex, DataType logicalType, String column,
      int maxValuesPerDoc) {
    this.forwardIndex = forwardIndex;
    this.positive = (RawScanPredicate) RawScanPredicate.create(predicate, forwardIndex, logicalType, column);
    this.exclusive = predicate.exclusive();
    this.storedType = logicalType.storedType();
    int capacity = Math.max(1, maxValuesPerDoc);
    this.longs = new long[capacity];
    this.doubles = new double[capacity];
    this.strings = new String[capacity];
    this.bytes = new byte[capacity][];
  }

  @Override
  public int filter(int[] docIds, int length) {
    int kept = 0;
    for (int i = 0; i < length; i++) {
      int docId = docIds[i];
      if (anyMatches(docId) != exclusive) {
        docIds[kept++] = docId;
      }
    }
    return kept;
  }

  private boolean anyMatches(int docId) {
    int count;
    boolean any = false;
    switch (positive) {
      case RawScanPredicate.LongScan scan -> {
        count = forwardIndex.getLongValuesMV(docId, longs);
        for (int k = 0; k < count && !any; k++) {
          any = scan.test(longs[k]);
        }
      }
      case RawScanPredicate.DoubleScan scan -> {
        count = forwardIndex.getDoubleValuesMV(docId, doubles);
        for (int k = 0; k < count && !any; k++) {
          any = scan.test(storedType == DataType.FLOAT ? (float) doubles[k] : doubles[k]);
        }
      }
      case RawScanPredicate.ObjectScan scan -> {
        if (storedType == DataType.BYTES) {
          count = forwardIndex.getBytesValuesMV(docId, bytes);
          for (int k = 0; k < count && !any; k++) {
            any = scan.matches(bytes[k]);
          }
        } else {
          count = forwardIndex.getStringValuesMV(docId, strings);
          for (int k = 0; k < count && !any; k++) {
            any = scan.matches(strings[k]);
          }
        }
      }
    }
    numEntriesScanned += count;
    return any;
  }

  @Override
  public long numEntriesScanned() {
    return numEntriesScanned;
  }
}
