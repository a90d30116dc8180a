// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.creator;

import io.pinot.segment.format.MetadataProperties;
import io.pinot.segment.format.PackedInts;
import io.pinot.segment.format.SegmentFileWriter;
import io.pinot.segment.index.bloom.BloomFilterWriter;
import io.pinot.segment.index.dictionary.Dictionaries;
import io.pinot.segment.index.forward.ForwardIndexes;
import io.pinot.segment.index.fst.FstIndexWriter;
import io.pinot.segment.index.inverted.BitmapInvertedIndexWriter;
import io.pinot.segment.index.json.JsonIndexes;
import io.pinot.segment.index.nullvalue.NullValueVectorWriter;
import io.pinot.segment.index.range.BitSlicedRangeIndexWriter;
import io.pinot.segment.index.sorted.PackedSortedIndexReader;
import io.pinot.segment.index.text.TextDocuments;
import io.pinot.segment.index.text.TextIndexWriter;
import io.pinot.segment.partition.SegmentPartitions;
import io.pinot.segment.spi.ColumnMetadata;
import io.pinot.segment.spi.ColumnPartitionMetadata;
import io.pinot.segment.spi.Dictionary;
import io.pinot.spi.data.FieldSpec;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.roaringbitmap.RoaringBitmap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Writes every index of one column into `columns.psf`, in this order: dictionary, forward index, sorted index,
/// inverted index, range index, JSON index, FST index, text index, bloom filter, null value vector; and returns the
/// column's metadata (with its partitions). A sorted single-value dictionary column gets a sorted index, a forward
/// index that reads it, and, as in Pinot, neither an inverted nor a range index (the sorted index answers the same
/// lookups). A raw column with a range index, JSON or text index, bloom filter or partitions is dictionary-encoded
/// in memory after its forward index is written, to get its sorted distinct values. Stateless utilities.
final class ColumnIndexWriter {
  private static final Logger LOGGER = LoggerFactory.getLogger(ColumnIndexWriter.class);

  /// The metadata of a written column plus the extra facts of `metadata.properties`.
  record WrittenColumn(ColumnMetadata metadata, MetadataProperties.ColumnExtras extras) {
  }

  private ColumnIndexWriter() {
  }

  static WrittenColumn write(SegmentFileWriter out, ColumnPlan plan, ColumnBuffer buffer, int numDocs)
      throws IOException {
    WrittenColumn written = switch (buffer) {
      case SingleValueColumn single -> plan.dictionary() ? writeDictionaryEncoded(out, plan, single, numDocs)
          : writeRaw(out, plan, single.values(), null, numDocs);
      case MultiValueColumn multi -> {
        if (multi.numDocs() != numDocs) {
          throw new IllegalStateException("Column[" + plan.name() + "] holds " + multi.numDocs() + " docs, expected "
              + numDocs);
        }
        yield plan.dictionary() ? writeMultiValue(out, plan, multi, numDocs)
            : writeRaw(out, plan, multi.values(), multi.starts(), numDocs);
      }
    };
    RoaringBitmap nullDocs = buffer.nullDocs();
    if (nullDocs != null) {
      NullValueVectorWriter.write(out, plan.name(), nullDocs);
    }
    return written;
  }

  private static WrittenColumn writeDictionaryEncoded(SegmentFileWriter out, ColumnPlan plan,
      SingleValueColumn buffer, int numDocs) throws IOException {
    String name = plan.name();
    ValueCollector.EncodedValues encoded = buffer.values().encode();
    int cardinality = encoded.cardinality();
    int[] dictIds = encoded.dictIds();
    int bits = PackedInts.bitsForCardinality(cardinality);
    Dictionaries.write(out, name, encoded.dictionaryBuffer());
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
    if (plan.rangeIndex() && !sorted) {
      BitSlicedRangeIndexWriter.write(out, name, dictIds, numDocs, cardinality, null);
    }
    if (plan.jsonIndex() != null) {
      JsonIndexes.write(out, name, plan.jsonIndex(), encoded.dictionary(), dictIds, numDocs);
    }
    textAndFstIndexes(out, plan, encoded.dictionary(), dictIds, null, numDocs);
    ColumnPartitionMetadata partitions = distinctValueIndexes(out, plan, encoded.dictionary());
    FieldSpec spec = plan.spec();
    ColumnMetadata metadata = new ColumnMetadata(name, spec.dataType(), spec.category(), true, numDocs, cardinality,
        sorted, true, bits, 0, numDocs, encoded.min(), encoded.max(), inverted, partitions, false);
    return new WrittenColumn(metadata, extras(spec, encoded.maxValueLength()));
  }

  private static WrittenColumn writeMultiValue(SegmentFileWriter out, ColumnPlan plan, MultiValueColumn buffer,
      int numDocs) throws IOException {
    String name = plan.name();
    int[] starts = buffer.starts();
    ValueCollector.EncodedValues encoded = buffer.values().encode();
    int cardinality = encoded.cardinality();
    int bits = PackedInts.bitsForCardinality(cardinality);
    Dictionaries.write(out, name, encoded.dictionaryBuffer());
    ForwardIndexes.writeMultiValue(out, name, starts, numDocs, encoded.dictIds(), bits);
    if (plan.invertedIndex()) {
      BitmapInvertedIndexWriter.write(out, name, cardinality, encoded.dictIds(), numDocs, starts);
    }
    textAndFstIndexes(out, plan, encoded.dictionary(), encoded.dictIds(), starts, numDocs);
    ColumnPartitionMetadata partitions = distinctValueIndexes(out, plan, encoded.dictionary());
    FieldSpec spec = plan.spec();
    ColumnMetadata metadata = new ColumnMetadata(name, spec.dataType(), spec.category(), false, numDocs,
        cardinality, false, true, bits, maxValues(starts, numDocs), starts[numDocs], encoded.min(), encoded.max(),
        plan.invertedIndex(), partitions, false);
    return new WrittenColumn(metadata, extras(spec, encoded.maxValueLength()));
  }

  private static WrittenColumn writeRaw(SegmentFileWriter out, ColumnPlan plan, ValueCollector values,
      int @Nullable [] starts, int numDocs) throws IOException {
    String name = plan.name();
    ValueCollector.RawStats stats = values.writeRaw(out, name, plan.rawCodec(), starts, numDocs);
    FieldSpec spec = plan.spec();
    boolean singleValue = starts == null;
    if (plan.sortedRequested() && !(singleValue && stats.sorted())) {
      LOGGER.info("Column[{}] is configured as sortedColumn but its values are not sorted", name);
    }
    ColumnPartitionMetadata partitions = null;
    if (plan.rangeIndex() || plan.bloomFilter() != null || plan.partition() != null || plan.jsonIndex() != null
        || plan.textIndex() != null) {
      ValueCollector.EncodedValues encoded = values.encode();
      if (plan.rangeIndex() && singleValue) {
        BitSlicedRangeIndexWriter.write(out, name, encoded.dictIds(), numDocs, encoded.cardinality(),
            encoded.dictionaryBuffer());
      }
      if (plan.jsonIndex() != null && singleValue) {
        JsonIndexes.write(out, name, plan.jsonIndex(), encoded.dictionary(), encoded.dictIds(), numDocs);
      }
      textAndFstIndexes(out, plan, encoded.dictionary(), encoded.dictIds(), starts, numDocs);
      partitions = distinctValueIndexes(out, plan, encoded.dictionary());
    }
    long totalEntries = singleValue ? numDocs : starts[numDocs];
    ColumnMetadata metadata = new ColumnMetadata(name, spec.dataType(), spec.category(), singleValue, numDocs, -1,
        singleValue && stats.sorted(), false, 0, singleValue ? 0 : maxValues(starts, numDocs), totalEntries,
        stats.min(), stats.max(), false, partitions, false);
    return new WrittenColumn(metadata, extras(spec, stats.maxValueLength()));
  }

  /// Writes the FST index (dictionary columns) and the text index from the column's values given as dictionary ids
  /// (`starts` null for a single-value column).
  private static void textAndFstIndexes(SegmentFileWriter out, ColumnPlan plan, Dictionary dictionary, int[] dictIds,
      int @Nullable [] starts, int numDocs) throws IOException {
    if (plan.fstIndex() && plan.dictionary()) {
      FstIndexWriter.write(out, plan.name(), dictionary);
    }
    if (plan.textIndex() != null) {
      TextIndexWriter.write(out, plan.name(), plan.textIndex(),
          TextDocuments.ofDictIds(dictionary, dictIds, starts, numDocs));
    }
  }

  /// Writes the bloom filter and computes the partitions, both from the column's sorted distinct values.
  private static @Nullable ColumnPartitionMetadata distinctValueIndexes(SegmentFileWriter out, ColumnPlan plan,
      Dictionary distinct) throws IOException {
    if (plan.bloomFilter() != null) {
      BloomFilterWriter.write(out, plan.name(), distinct, plan.spec().dataType().storedType(), plan.bloomFilter());
    }
    return plan.partition() == null ? null : SegmentPartitions.compute(plan.name(), plan.partition(), distinct);
  }

  static int maxValues(int[] starts, int numDocs) {
    int maxValues = 0;
    for (int doc = 0; doc < numDocs; doc++) {
      maxValues = Math.max(maxValues, starts[doc + 1] - starts[doc]);
    }
    return maxValues;
  }

  static MetadataProperties.ColumnExtras extras(FieldSpec spec, int maxValueLength) {
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
