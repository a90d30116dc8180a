// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.creator;

import io.pinot.segment.format.SegmentFileWriter;
import io.pinot.segment.index.bloom.BloomFilterWriter;
import io.pinot.segment.index.inverted.BitmapInvertedIndexWriter;
import io.pinot.segment.index.range.BitSlicedRangeIndexWriter;
import io.pinot.segment.spi.ColumnMetadata;
import io.pinot.segment.spi.DataSource;
import io.pinot.segment.spi.Dictionary;
import io.pinot.segment.spi.ForwardIndexReader;
import io.pinot.spi.config.table.BloomFilterConfig;
import io.pinot.spi.data.DataType;
import java.io.IOException;
import java.util.Arrays;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/// Builds indexes of a column of an existing segment from its readers, for reloads (see
/// `io.pinot.segment.preprocess.SegmentPreprocessor`): inverted indexes and range indexes from the dictionary ids
/// of the forward index, range indexes of raw numeric columns from their values, bloom filters from the dictionary
/// or the distinct raw values, and whole default-value columns for columns added to the schema. The buffers are the
/// same as segment creation writes. Stateless utilities.
public final class ColumnIndexRebuilder {
  private static final int BLOCK = 8192;

  private ColumnIndexRebuilder() {
  }

  /// The written default-value column: its metadata and the extras of `metadata.properties`.
  public record DefaultColumn(ColumnMetadata metadata, String lengthOfEachEntry, String defaultNullValue) {
  }

  /// Writes the inverted index of a dictionary-encoded column.
  public static void writeInvertedIndex(SegmentFileWriter out, String column, DataSource source, int numDocs)
      throws IOException {
    Dictionary dictionary = requireDictionary(column, source);
    if (source.metadata().singleValue()) {
      BitmapInvertedIndexWriter.write(out, column, dictionary.length(), dictIds(source.forwardIndex(), numDocs),
          numDocs, null);
      return;
    }
    ForwardIndexReader forward = source.forwardIndex();
    int[] starts = new int[numDocs + 1];
    int[] flat = new int[Math.max(16, (int) Math.min(Integer.MAX_VALUE - 16,
        source.metadata().totalNumberOfEntries()))];
    int[] scratch = new int[Math.max(1, source.metadata().maxNumberOfMultiValues())];
    int total = 0;
    for (int doc = 0; doc < numDocs; doc++) {
      int n = forward.getDictIdsMV(doc, scratch);
      if (total + n > flat.length) {
        flat = Arrays.copyOf(flat, ValueCollector.grow(Math.max(flat.length, total + n)));
      }
      System.arraycopy(scratch, 0, flat, total, n);
      total += n;
      starts[doc + 1] = total;
    }
    BitmapInvertedIndexWriter.write(out, column, dictionary.length(), flat, numDocs, starts);
  }

  /// Writes the range index of a single-value column: over dictionary ids, or over the sorted distinct values of a
  /// raw numeric column (embedded in the index).
  public static void writeRangeIndex(SegmentFileWriter out, String column, DataSource source, int numDocs)
      throws IOException {
    Dictionary dictionary = source.dictionary();
    if (dictionary != null) {
      BitSlicedRangeIndexWriter.write(out, column, dictIds(source.forwardIndex(), numDocs), numDocs,
          dictionary.length(), null);
      return;
    }
    ValueCollector.EncodedValues encoded = rawValues(source, numDocs).encode();
    BitSlicedRangeIndexWriter.write(out, column, encoded.dictIds(), numDocs, encoded.cardinality(),
        encoded.dictionaryBuffer());
  }

  /// Writes the bloom filter of a column from its dictionary or its distinct raw values.
  public static void writeBloomFilter(SegmentFileWriter out, String column, DataSource source, int numDocs,
      BloomFilterConfig config) throws IOException {
    DataType storedType = source.metadata().dataType().storedType();
    Dictionary distinct = source.dictionary();
    if (distinct == null) {
      if (!source.metadata().singleValue()) {
        throw new IllegalArgumentException("Column[" + column + "]: bloom filters of raw multi-value columns are "
            + "built at segment creation only");
      }
      distinct = rawValues(source, numDocs).encode().dictionary();
    }
    BloomFilterWriter.write(out, column, distinct, storedType, config);
  }

  /// Writes a column all of whose `numDocs` documents hold the field's default value (cardinality 1, sorted), as a
  /// column added to the schema after the segment was built appears in it; with null handling every document is
  /// recorded as null.
  public static DefaultColumn writeDefaultColumn(SegmentFileWriter out, ColumnPlan plan, int numDocs)
      throws IOException {
    ColumnPlan dictionaryPlan = new ColumnPlan(plan.spec(), true, plan.rawCodec(), plan.invertedIndex(),
        plan.rangeIndex(), plan.bloomFilter(), plan.sortedRequested(), plan.nullHandling(), plan.partition(),
        plan.jsonIndex(), plan.textIndex(), plan.fstIndex());
    ColumnBuffer buffer = ColumnBuffer.create(dictionaryPlan);
    for (int doc = 0; doc < numDocs; doc++) {
      buffer.add(null);
    }
    ColumnIndexWriter.WrittenColumn written = ColumnIndexWriter.write(out, dictionaryPlan, buffer, numDocs);
    ColumnMetadata metadata = written.metadata();
    ColumnMetadata generated = new ColumnMetadata(metadata.name(), metadata.dataType(), metadata.fieldType(),
        metadata.singleValue(), metadata.totalDocs(), metadata.cardinality(), metadata.sorted(),
        metadata.hasDictionary(), metadata.bitsPerElement(), metadata.maxNumberOfMultiValues(),
        metadata.totalNumberOfEntries(), metadata.minValue(), metadata.maxValue(), metadata.hasInvertedIndex(),
        metadata.partitionMetadata(), true);
    return new DefaultColumn(generated, Integer.toString(written.extras().lengthOfEachEntry()),
        written.extras().defaultNullValue());
  }

  /// Writes a new column whose value of document `d` is `values.apply(d)` (a stored Java value, or null for a null
  /// document, which then holds the default value), as a reload adds a column derived from others (a timestamp
  /// index's `$ts$DAY`). Unlike [#writeDefaultColumn] the column is not marked auto-generated.
  public static DefaultColumn writeComputedColumn(SegmentFileWriter out, ColumnPlan plan, int numDocs,
      IntFunction<@Nullable Object> values) throws IOException {
    ColumnBuffer buffer = ColumnBuffer.create(plan);
    for (int doc = 0; doc < numDocs; doc++) {
      buffer.add(values.apply(doc));
    }
    ColumnIndexWriter.WrittenColumn written = ColumnIndexWriter.write(out, plan, buffer, numDocs);
    return new DefaultColumn(written.metadata(), Integer.toString(written.extras().lengthOfEachEntry()),
        written.extras().defaultNullValue());
  }

  private static Dictionary requireDictionary(String column, DataSource source) {
    Dictionary dictionary = source.dictionary();
    if (dictionary == null) {
      throw new IllegalArgumentException("Column[" + column + "] has no dictionary");
    }
    return dictionary;
  }

  /// All dictionary ids of a single-value column.
  private static int[] dictIds(ForwardIndexReader forward, int numDocs) {
    int[] ids = new int[numDocs];
    int[] docIds = new int[BLOCK];
    int[] block = new int[BLOCK];
    for (int first = 0; first < numDocs; first += BLOCK) {
      int length = Math.min(BLOCK, numDocs - first);
      for (int i = 0; i < length; i++) {
        docIds[i] = first + i;
      }
      forward.readDictIds(docIds, length, block);
      System.arraycopy(block, 0, ids, first, length);
    }
    return ids;
  }

  /// A collector holding every value of a raw single-value column, read block by block.
  private static ValueCollector rawValues(DataSource source, int numDocs) {
    ForwardIndexReader forward = source.forwardIndex();
    DataType logicalType = source.metadata().dataType();
    ValueCollector collector = switch (logicalType.storedType()) {
      case INT -> new IntValues(logicalType);
      case LONG -> new LongValues(logicalType);
      case FLOAT -> new FloatValues();
      case DOUBLE -> new DoubleValues();
      default -> new InternedValues(logicalType, Integer.MAX_VALUE);
    };
    int[] docIds = new int[BLOCK];
    Object[] boxed = new Object[BLOCK];
    for (int first = 0; first < numDocs; first += BLOCK) {
      int length = Math.min(BLOCK, numDocs - first);
      for (int i = 0; i < length; i++) {
        docIds[i] = first + i;
      }
      readBoxed(forward, logicalType.storedType(), docIds, length, boxed);
      for (int i = 0; i < length; i++) {
        collector.add(boxed[i]);
      }
    }
    return collector;
  }

  private static void readBoxed(ForwardIndexReader forward, DataType storedType, int[] docIds, int length,
      Object[] out) {
    switch (storedType) {
      case INT -> {
        int[] values = new int[length];
        forward.readIntValues(docIds, length, values);
        for (int i = 0; i < length; i++) {
          out[i] = values[i];
        }
      }
      case LONG -> {
        long[] values = new long[length];
        forward.readLongValues(docIds, length, values);
        for (int i = 0; i < length; i++) {
          out[i] = values[i];
        }
      }
      case FLOAT -> {
        float[] values = new float[length];
        forward.readFloatValues(docIds, length, values);
        for (int i = 0; i < length; i++) {
          out[i] = values[i];
        }
      }
      case DOUBLE -> {
        double[] values = new double[length];
        forward.readDoubleValues(docIds, length, values);
        for (int i = 0; i < length; i++) {
          out[i] = values[i];
        }
      }
      case BYTES -> {
        byte[][] values = new byte[length][];
        forward.readBytesValues(docIds, length, values);
        System.arraycopy(values, 0, out, 0, length);
      }
      default -> {
        String[] values = new String[length];
        forward.readStringValues(docIds, length, values);
        System.arraycopy(values, 0, out, 0, length);
      }
    }
  }
}
