// SPDX-License-Identifier: Apache-2.0
package io.pinot.spi.data.readers;

import java.io.Closeable;
import java.io.IOException;

/// Reads input records one at a time (a CSV or JSON file, a list in memory...).
///
/// Call protocol: `while (hasNext()) { next(row); }`, then [#close()]. [#rewind()] restarts from the first
/// record (segment creation reads the input twice: statistics, then indexes). Not thread-safe.
public interface RecordReader extends Closeable {
  boolean hasNext();

  /// Fills `reuse` (cleared first) with the next record and returns it.
  ///
  /// @throws RecordReadException when the record cannot be read; the message names the position
  GenericRow next(GenericRow reuse) throws IOException;

  /// Restarts reading from the first record.
  void rewind() throws IOException;

  /// Where the last record returned came from, for error messages: `file events_0.csv line 17`.
  String position();
}
