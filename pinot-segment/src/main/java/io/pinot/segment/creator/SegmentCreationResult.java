// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.creator;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/// The outcome of building one segment.
///
/// @param segmentName the generated name
/// @param segmentDir the segment directory (`outputDir/<segmentName>`)
/// @param numDocs number of records stored
/// @param numSkippedRecords number of records skipped because they could not be read or converted (only with
///     `continueOnError`)
/// @param skippedSamples the first skipped records as `position: reason` (at most [SegmentCreator#MAX_SAMPLES])
public record SegmentCreationResult(String segmentName, Path segmentDir, int numDocs, long numSkippedRecords,
    List<String> skippedSamples) {
  public SegmentCreationResult {
    Objects.requireNonNull(segmentName, "segmentName is null");
    Objects.requireNonNull(segmentDir, "segmentDir is null");
    skippedSamples = List.copyOf(skippedSamples);
  }
}
