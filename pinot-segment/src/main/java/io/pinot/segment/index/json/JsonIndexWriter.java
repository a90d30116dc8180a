// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.json;

import io.pinot.segment.format.IndexType;
import io.pinot.segment.format.SegmentFileWriter;
import io.pinot.segment.format.SegmentFormat;
import io.pinot.segment.index.dictionary.Dictionaries;
import io.pinot.segment.spi.Dictionary;
import io.pinot.spi.config.table.JsonIndexConfig;
import io.pinot.spi.data.DataType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.roaringbitmap.RoaringBitmap;

/// Builds the `JSNI` buffer (index type `json_index`) read by [MappedJsonIndexReader] from a column's values.
///
/// Every document is flattened by [JsonFlattener] into zero or more flattened records, numbered in document order
/// (the *flattened ids*); each record adds its id to the posting list of every `key` it holds and of every
/// `key + '\0' + value`. The posting lists are RoaringBitmaps over flattened ids, written in the sorted order of
/// their terms, so the terms of one key are contiguous (`key`, then `key\0...` up to `key\1`). A distinct value is
/// flattened once however many documents hold it.
///
/// Layout (little-endian, offsets relative to the buffer start, every section 8-byte aligned):
/// - header (56 bytes): tag `JSNI`, int32 version (1), int32 numDocs, int32 numFlattenedDocs, int32 numTerms,
///   int32 flags (bit 0: each document has exactly one flattened record, so flattened ids are doc ids and no
///   mapping is stored), int64 dictionaryOffset, int64 dictionaryLength, int64 mappingOffset (0 without mapping),
///   int64 postingsOffset;
/// - the terms as a `DVAR` STRING dictionary (term id = rank in `String#compareTo` order);
/// - the mapping: `int32 flattenedStarts[numDocs + 1]`, document `d` owning flattened ids
///   `[flattenedStarts[d], flattenedStarts[d + 1])`;
/// - `int64 postingOffsets[numTerms + 1]`, then the posting lists as portable run-optimized RoaringBitmaps
///   (term `t` is `[postingOffsets[t], postingOffsets[t + 1])`).
///
/// Not thread-safe; one writer per column.
public final class JsonIndexWriter {
  /// Tag of the buffer.
  public static final String TAG = "JSNI";
  /// Version written after the tag.
  public static final int VERSION = 1;
  /// Bytes before the dictionary.
  public static final int HEADER_SIZE = 56;
  /// Flag bit: flattened ids are doc ids.
  public static final int FLAG_IDENTITY = 1;
  /// Separates a key from its value in a term.
  public static final char KEY_VALUE_SEPARATOR = '\0';

  private final String column;
  private final JsonFlattener flattener;
  private final Map<String, Integer> termIds = new HashMap<>();
  private final List<String> terms = new ArrayList<>();
  private final List<RoaringBitmap> postings = new ArrayList<>();
  private int[] flattenedStarts = new int[1025];
  private int numDocs;
  private int numFlattened;

  public JsonIndexWriter(String column, JsonIndexConfig config) {
    this.column = column;
    this.flattener = new JsonFlattener(config);
  }

  /// Builds and writes the index of a column from its distinct values and each document's value id.
  ///
  /// @throws IllegalArgumentException when a value is not JSON (without `skipInvalidJson`) or flattens into too
  ///     many records
  public static void write(SegmentFileWriter out, String column, JsonIndexConfig config, Dictionary values,
      int[] valueIds, int numDocs) throws IOException {
    JsonIndexWriter writer = new JsonIndexWriter(column, config);
    int cardinality = values.length();
    int[][][] cache = cardinality < numDocs ? new int[cardinality][][] : null;
    for (int doc = 0; doc < numDocs; doc++) {
      int valueId = valueIds[doc];
      int[][] records = cache == null ? null : cache[valueId];
      if (records == null) {
        records = writer.termsOf(values.getStringValue(valueId), doc);
        if (cache != null) {
          cache[valueId] = records;
        }
      }
      writer.addDocument(records);
    }
    writer.writeTo(out);
  }

  /// Flattens one value into the term ids of each of its records.
  int[][] termsOf(String json, int doc) {
    List<Map<String, String>> records;
    try {
      records = flattener.flatten(json);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Column[" + column + "] doc[" + doc + "]: cannot build the JSON index: "
          + e.getMessage(), e);
    }
    int[][] result = new int[records.size()][];
    StringBuilder term = new StringBuilder();
    for (int r = 0; r < result.length; r++) {
      Map<String, String> record = records.get(r);
      int[] ids = new int[record.size() * 2];
      int i = 0;
      for (Map.Entry<String, String> entry : record.entrySet()) {
        ids[i++] = termId(entry.getKey());
        term.setLength(0);
        term.append(entry.getKey()).append(KEY_VALUE_SEPARATOR).append(entry.getValue());
        ids[i++] = termId(term.toString());
      }
      result[r] = ids;
    }
    return result;
  }

  /// Adds the next document's records (term ids per record).
  void addDocument(int[][] records) {
    if ((long) numFlattened + records.length > Integer.MAX_VALUE - 1) {
      throw new IllegalStateException("Column[" + column + "]: more than " + Integer.MAX_VALUE
          + " flattened JSON records in one segment");
    }
    for (int[] record : records) {
      for (int termId : record) {
        postings.get(termId).add(numFlattened);
      }
      numFlattened++;
    }
    if (numDocs + 2 > flattenedStarts.length) {
      flattenedStarts = Arrays.copyOf(flattenedStarts, flattenedStarts.length * 2);
    }
    numDocs++;
    flattenedStarts[numDocs] = numFlattened;
  }

  private int termId(String rawTerm) {
    String term = wellFormed(rawTerm);
    Integer id = termIds.get(term);
    if (id != null) {
      return id;
    }
    int next = terms.size();
    termIds.put(term, next);
    terms.add(term);
    postings.add(new RoaringBitmap());
    return next;
  }

  /// Writes the buffer.
  void writeTo(SegmentFileWriter out) throws IOException {
    int numTerms = terms.size();
    Integer[] order = new Integer[numTerms];
    for (int i = 0; i < numTerms; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> terms.get(a).compareTo(terms.get(b)));
    byte[][] sortedTerms = new byte[numTerms][];
    for (int rank = 0; rank < numTerms; rank++) {
      sortedTerms[rank] = terms.get(order[rank]).getBytes(StandardCharsets.UTF_8);
    }
    byte[] dictionary = Dictionaries.buildVariable(DataType.STRING, sortedTerms, numTerms);
    boolean identity = numFlattened == numDocs && identityMapping();
    long mappingOffset = identity ? 0 : SegmentFormat.align(HEADER_SIZE + (long) dictionary.length);
    long postingsOffset = SegmentFormat.align(identity ? HEADER_SIZE + (long) dictionary.length
        : mappingOffset + 4L * (numDocs + 1));
    out.beginIndex(column, IndexType.JSON_INDEX, TAG);
    long start = out.position() - 8;
    out.writeInt(numDocs);
    out.writeInt(numFlattened);
    out.writeInt(numTerms);
    out.writeInt(identity ? FLAG_IDENTITY : 0);
    out.writeLong(HEADER_SIZE);
    out.writeLong(dictionary.length);
    out.writeLong(mappingOffset);
    out.writeLong(postingsOffset);
    out.writeBytes(dictionary);
    if (!identity) {
      out.padTo(start + mappingOffset);
      for (int doc = 0; doc <= numDocs; doc++) {
        out.writeInt(flattenedStarts[doc]);
      }
    }
    out.padTo(start + postingsOffset);
    writePostings(out, order, postingsOffset);
    out.endIndex();
  }

  /// Writes the offsets table (at `postingsOffset` relative to the buffer start) and the posting lists.
  private void writePostings(SegmentFileWriter out, Integer[] order, long postingsOffset) throws IOException {
    int numTerms = order.length;
    long[] offsets = new long[numTerms + 1];
    long offset = postingsOffset + 8L * (numTerms + 1);
    for (int rank = 0; rank < numTerms; rank++) {
      RoaringBitmap bitmap = postings.get(order[rank]);
      bitmap.runOptimize();
      offsets[rank] = offset;
      offset += bitmap.serializedSizeInBytes();
    }
    offsets[numTerms] = offset;
    for (long value : offsets) {
      out.writeLong(value);
    }
    for (int rank = 0; rank < numTerms; rank++) {
      RoaringBitmap bitmap = postings.get(order[rank]);
      ByteBuffer buffer = ByteBuffer.allocate(bitmap.serializedSizeInBytes()).order(ByteOrder.LITTLE_ENDIAN);
      bitmap.serialize(buffer);
      buffer.flip();
      out.writeBuffer(buffer);
      postings.set(order[rank], null);
    }
  }

  /// The term with lone surrogates (which UTF-8 cannot encode) replaced by `?`, as ingestion does for strings, so
  /// that the sorted order of the terms is the order of their UTF-8 bytes' decoding.
  static String wellFormed(String term) {
    for (int i = 0; i < term.length(); i++) {
      if (Character.isSurrogate(term.charAt(i))) {
        return new String(term.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
      }
    }
    return term;
  }

  private boolean identityMapping() {
    for (int doc = 0; doc <= numDocs; doc++) {
      if (flattenedStarts[doc] != doc) {
        return false;
      }
    }
    return true;
  }
}
