// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.ingestion;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/// One segment built by a job: its input file, name, tarball, row counts (rows skipped under
/// `continueOnError`, with the positions of the first few; rows dropped by the table's `filterConfig`) and
/// creation time. Immutable.
public record SegmentReport(Path inputFile, int sequenceId, String segmentName, Path tarFile, long numDocs,
    long numSkippedRows, List<String> skippedSamples, long creationMillis, long numFilteredRows) {

  public SegmentReport {
    Objects.requireNonNull(inputFile, "inputFile is null");
    Objects.requireNonNull(segmentName, "segmentName is null");
    Objects.requireNonNull(tarFile, "tarFile is null");
    skippedSamples = List.copyOf(skippedSamples);
  }

  /// The same report with the tarball at its final location.
  public SegmentReport withTarFile(Path finalTarFile) {
    return new SegmentReport(inputFile, sequenceId, segmentName, finalTarFile, numDocs, numSkippedRows,
        skippedSamples, creationMillis, numFilteredRows);
  }
}
