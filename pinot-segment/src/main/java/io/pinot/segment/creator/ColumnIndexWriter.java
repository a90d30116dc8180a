// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.creator;

import io.pinot.segment.format.MetadataProperties;
import io.pinot.segment.format.PackedInts;
import io.pinot.segment.format.SegmentFileWriter;
import io.pinot.segment.index.forward.ForwardIndexes;
import io.pinot.segment.index.inverted.BitmapInvertedIndexWriter;
import io.pinot.segment.index.sorted.PackedSortedIndexReader;
import io.pinot.segment.spi.ColumnMetadata;
import io.pinot.spi.data.FieldSpec;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Writes every index of one column into `columns.psf` (dictionary, forward index, sorted index, inverted index,
/// in that order) and returns the column's metadata. A sorted single-value dictionary column gets a sorted index,
/// a forward index that reads it, and, as in Pinot, no inverted index (the sorted index answers the same
/// lookups). Stateless utilities.
final class ColumnIndexWriter {
  private static final Logger LOGGER = LoggerFactory.getLogger(ColumnIndexWriter.class);

  /// The metadata of a written column plus the extra facts of `metadata.properties`.
  record WrittenColumn(ColumnMetadata metadata, MetadataProperties.ColumnExtras extras) {
  }

  private ColumnIndexWriter() {
  }

  static WrittenColumn write(SegmentFileWriter out, ColumnPlan plan, ColumnBuffer buffer, int numDocs)
      throws IOException {
    return switch (buffer) {
      case SingleValueColumn single -> plan.dictionary() ? writeDictionaryEncoded(out, plan, single, numDocs)
          : writeRaw(out, plan, single, numDocs);
      case MultiValueColumn multi -> writeMultiValue(out, plan, multi, numDocs);
    };
  }

  private static WrittenColumn writeDictionaryEncoded(SegmentFileWriter out, ColumnPlan plan,
      SingleValueColumn buffer, int numDocs) throws IOException {
    String name = plan.name();
    ValueCollector.EncodedValues encoded = buffer.values().encode();
    int cardinality = encoded.cardinality();
    int[] dictIds = encoded.dictIds();
    int bits = PackedInts.bitsForCardinality(cardinality);
    encoded.dictionary().write(out, name);
    boolean sorted = nonDecreasing(dictIds, numDocs);
    if (sorted) {
      ForwardIndexes.writeSorted(out, name, numDocs, cardinality);
      PackedSortedIndexReader.write(out, name, dictIds, numDocs, cardinality);
    } else {
      ForwardIndexes.writeSingleValue(out, name, dictIds, numDocs, bits);
    }
    if (!sorted && plan.sortedRequested()) {
      LOGGER.info("Column[{}] is configured as sortedColumn but its values are not sorted", name);
    }
    boolean inverted = plan.invertedIndex() && !sorted;
    if (inverted) {
      BitmapInvertedIndexWriter.write(out, name, cardinality, dictIds, numDocs, null);
    }
    FieldSpec spec = plan.spec();
    ColumnMetadata metadata = new ColumnMetadata(name, spec.dataType(), spec.category(), true, numDocs, cardinality,
        sorted, true, bits, 0, numDocs, encoded.min(), encoded.max(), inverted);
    return new WrittenColumn(metadata, extras(spec, encoded.maxValueLength()));
  }

  private static WrittenColumn writeRaw(SegmentFileWriter out, ColumnPlan plan, SingleValueColumn buffer,
      int numDocs) throws IOException {
    ValueCollector.RawStats stats = buffer.values().writeRaw(out, plan.name());
    FieldSpec spec = plan.spec();
    if (plan.sortedRequested() && !stats.sorted()) {
      LOGGER.info("Column[{}] is configured as sortedColumn but its values are not sorted", plan.name());
    }
    ColumnMetadata metadata = new ColumnMetadata(plan.name(), spec.dataType(), spec.category(), true, numDocs, -1,
        stats.sorted(), false, 0, 0, numDocs, stats.min(), stats.max(), false);
    return new WrittenColumn(metadata, extras(spec, stats.maxValueLength()));
  }

  private static WrittenColumn writeMultiValue(SegmentFileWriter out, ColumnPlan plan, MultiValueColumn buffer,
      int numDocs) throws IOException {
    String name = plan.name();
    if (buffer.numDocs() != numDocs) {
      throw new IllegalStateException("Column[" + name + "] holds " + buffer.numDocs() + " docs, expected " + numDocs);
    }
    int[] starts = buffer.starts();
    ValueCollector.EncodedValues encoded = buffer.values().encode();
    int cardinality = encoded.cardinality();
    int bits = PackedInts.bitsForCardinality(cardinality);
    encoded.dictionary().write(out, name);
    ForwardIndexes.writeMultiValue(out, name, starts, numDocs, encoded.dictIds(), bits);
    if (plan.invertedIndex()) {
      BitmapInvertedIndexWriter.write(out, name, cardinality, encoded.dictIds(), numDocs, starts);
    }
    int maxValues = 0;
    for (int doc = 0; doc < numDocs; doc++) {
      maxValues = Math.max(maxValues, starts[doc + 1] - starts[doc]);
    }
    FieldSpec spec = plan.spec();
    ColumnMetadata metadata = new ColumnMetadata(name, spec.dataType(), spec.category(), false, numDocs,
        cardinality, false, true, bits, maxValues, starts[numDocs], encoded.min(), encoded.max(),
        plan.invertedIndex());
    return new WrittenColumn(metadata, extras(spec, encoded.maxValueLength()));
  }

  private static MetadataProperties.ColumnExtras extras(FieldSpec spec, int maxValueLength) {
    int length = spec.dataType().storedType().size() > 0 ? spec.dataType().storedType().size() : maxValueLength;
    return new MetadataProperties.ColumnExtras(length, MetadataProperties.valueToText(spec.defaultValue()));
  }

  private static boolean nonDecreasing(int[] values, int count) {
    for (int i = 1; i < count; i++) {
      if (values[i - 1] > values[i]) {
        return false;
      }
    }
    return true;
  }
}
