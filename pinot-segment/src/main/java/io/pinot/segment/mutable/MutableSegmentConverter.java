// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.mutable;

import io.pinot.segment.creator.SegmentCreationResult;
import io.pinot.segment.creator.SegmentCreator;
import io.pinot.segment.creator.SegmentGeneratorConfig;
import io.pinot.segment.creator.name.FixedSegmentNameGenerator;
import java.io.IOException;
import java.nio.file.Path;

/// Commits a mutable segment: builds the immutable segment holding a snapshot's documents with the regular
/// [SegmentCreator] (same table config and schema, so the same dictionaries, indexes and metadata as a batch
/// build), reading them through a [MutableSegmentRecordReader] ordered by the table's `sortedColumn`, under the
/// mutable segment's name. Stateless utilities.
public final class MutableSegmentConverter {
  private MutableSegmentConverter() {
  }

  /// Builds `outputDir/<segmentName>` from the snapshot's documents.
  ///
  /// @throws IOException when writing the segment fails
  public static SegmentCreationResult convert(MutableSegmentSnapshot snapshot, Path outputDir) throws IOException {
    MutableSegmentConfig config = snapshot.segmentConfig();
    SegmentGeneratorConfig generatorConfig = SegmentGeneratorConfig.builder().tableConfig(config.tableConfig())
        .schema(config.schema()).outputDir(outputDir)
        .segmentNameGenerator(new FixedSegmentNameGenerator(snapshot.segmentName()))
        .inputDescription("mutable segment " + snapshot.segmentName()).build();
    try (MutableSegmentRecordReader reader = new MutableSegmentRecordReader(snapshot)) {
      return SegmentCreator.create(generatorConfig, reader);
    }
  }
}
