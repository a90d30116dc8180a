// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.filter;

import io.pinot.segment.spi.ForwardIndexReader;

/// Reads a forward index for sparse doc ids through the reader's contiguous fast path: when the ids span
/// at most [#MAX_SPAN_FACTOR] times as many documents as requested, the whole span is read in one
/// contiguous call and the wanted values gathered, which beats one random read per document (bit
/// unpacking and bounds checks per value). Holds scratch buffers: not thread-safe, one per column reader.
public final class SpanReader {
  /// Spans up to this many times the number of ids are read contiguously.
  public static final int MAX_SPAN_FACTOR = 8;

  private final ForwardIndexReader reader;
  private int[] spanDocIds = new int[0];
  private int spanStart = -1;
  private int spanLength;
  private int[] intBuffer = new int[0];
  private long[] longBuffer = new long[0];
  private double[] doubleBuffer = new double[0];

  public SpanReader(ForwardIndexReader reader) {
    this.reader = reader;
  }

  public ForwardIndexReader reader() {
    return reader;
  }

  /// The span of the ids when reading it contiguously pays, else 0.
  private int span(int[] docIds, int length) {
    if (length < 2) {
      return 0;
    }
    int span = docIds[length - 1] - docIds[0] + 1;
    return span != length && span <= MAX_SPAN_FACTOR * length ? span : 0;
  }

  private int[] spanIds(int start, int span) {
    if (spanStart != start || spanLength != span) {
      if (spanDocIds.length < span) {
        spanDocIds = new int[Math.max(span, 1024)];
      }
      for (int i = 0; i < span; i++) {
        spanDocIds[i] = start + i;
      }
      spanStart = start;
      spanLength = span;
    }
    return spanDocIds;
  }

  public void readDictIds(int[] docIds, int length, int[] out) {
    int span = span(docIds, length);
    if (span == 0) {
      reader.readDictIds(docIds, length, out);
      return;
    }
    int start = docIds[0];
    if (intBuffer.length < span) {
      intBuffer = new int[Math.max(span, 1024)];
    }
    reader.readDictIds(spanIds(start, span), span, intBuffer);
    for (int i = 0; i < length; i++) {
      out[i] = intBuffer[docIds[i] - start];
    }
  }

  public void readIntValues(int[] docIds, int length, int[] out) {
    int span = span(docIds, length);
    if (span == 0) {
      reader.readIntValues(docIds, length, out);
      return;
    }
    int start = docIds[0];
    if (intBuffer.length < span) {
      intBuffer = new int[Math.max(span, 1024)];
    }
    reader.readIntValues(spanIds(start, span), span, intBuffer);
    for (int i = 0; i < length; i++) {
      out[i] = intBuffer[docIds[i] - start];
    }
  }

  public void readLongValues(int[] docIds, int length, long[] out) {
    int span = span(docIds, length);
    if (span == 0) {
      reader.readLongValues(docIds, length, out);
      return;
    }
    int start = docIds[0];
    if (longBuffer.length < span) {
      longBuffer = new long[Math.max(span, 1024)];
    }
    reader.readLongValues(spanIds(start, span), span, longBuffer);
    for (int i = 0; i < length; i++) {
      out[i] = longBuffer[docIds[i] - start];
    }
  }

  public void readDoubleValues(int[] docIds, int length, double[] out) {
    int span = span(docIds, length);
    if (span == 0) {
      reader.readDoubleValues(docIds, length, out);
      return;
    }
    int start = docIds[0];
    if (doubleBuffer.length < span) {
      doubleBuffer = new double[Math.max(span, 1024)];
    }
    reader.readDoubleValues(spanIds(start, span), span, doubleBuffer);
    for (int i = 0; i < length; i++) {
      out[i] = doubleBuffer[docIds[i] - start];
    }
  }
}
