// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.creator;

import io.pinot.spi.data.readers.GenericRow;
import io.pinot.spi.data.readers.RecordReadException;
import io.pinot.spi.data.readers.RecordReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/// The read pass of segment creation: reads every record once and appends each schema column's value to its
/// [ColumnBuffer]. A record that cannot be read or converted either fails the build with a
/// [RecordReadException] naming the input position and the column, or (with `continueOnError`) is rolled back in
/// every column, counted and sampled. Not thread-safe.
final class RecordIngestor {
  private final List<ColumnPlan> plans;
  private final String[] names;
  private final ColumnBuffer[] buffers;
  private final boolean continueOnError;
  private final List<String> skippedSamples = new ArrayList<>();
  private int numDocs;
  private long numSkipped;

  RecordIngestor(List<ColumnPlan> plans, boolean continueOnError) {
    this.plans = List.copyOf(plans);
    this.names = new String[plans.size()];
    this.buffers = new ColumnBuffer[plans.size()];
    for (int i = 0; i < plans.size(); i++) {
      names[i] = plans.get(i).name();
      buffers[i] = ColumnBuffer.create(plans.get(i));
    }
    this.continueOnError = continueOnError;
  }

  /// Reads all remaining records of `reader`.
  void readAll(RecordReader reader) throws IOException {
    GenericRow row = new GenericRow();
    while (reader.hasNext()) {
      try {
        reader.next(row);
      } catch (RecordReadException e) {
        skip(e);
        continue;
      }
      addRecord(row, reader);
    }
  }

  private void addRecord(GenericRow row, RecordReader reader) {
    int column = 0;
    try {
      for (; column < buffers.length; column++) {
        buffers[column].add(row.getValue(names[column]));
      }
      numDocs++;
    } catch (IllegalArgumentException e) {
      for (ColumnBuffer buffer : buffers) {
        buffer.rollback(numDocs);
      }
      skip(new RecordReadException(reader.position(), "Column[" + names[column] + "]: " + e.getMessage(), e));
    }
  }

  private void skip(RecordReadException error) {
    if (!continueOnError) {
      throw error;
    }
    numSkipped++;
    if (skippedSamples.size() < SegmentCreator.MAX_SAMPLES) {
      skippedSamples.add(error.getMessage());
    }
  }

  int numDocs() {
    return numDocs;
  }

  long numSkipped() {
    return numSkipped;
  }

  List<String> skippedSamples() {
    return List.copyOf(skippedSamples);
  }

  List<ColumnPlan> plans() {
    return plans;
  }

  /// Hands over the buffer of column `index` and forgets it, so that its memory can be reclaimed once written.
  ColumnBuffer takeBuffer(int index) {
    ColumnBuffer buffer = buffers[index];
    if (buffer == null) {
      throw new IllegalStateException("Column[" + names[index] + "] was already written");
    }
    buffers[index] = null;
    return buffer;
  }
}
