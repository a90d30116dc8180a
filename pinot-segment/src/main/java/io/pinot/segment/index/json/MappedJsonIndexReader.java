// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.json;

import io.pinot.segment.format.SegmentFormat;
import io.pinot.segment.index.dictionary.Dictionaries;
import io.pinot.segment.memory.DataBuffer;
import io.pinot.segment.spi.Dictionary;
import io.pinot.segment.spi.JsonFilter;
import io.pinot.segment.spi.JsonIndexReader;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;
import org.roaringbitmap.PeekableIntIterator;
import org.roaringbitmap.buffer.BufferFastAggregation;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;
import org.roaringbitmap.buffer.MutableRoaringBitmap;

/// The JSON index over mapped memory (`JSNI` buffer, layout in [JsonIndexWriter]): evaluates a [JsonFilter] on
/// flattened records with bitmap operations, as Pinot's `ImmutableJsonIndexReader` does, then maps the matching
/// flattened ids to documents. A path is normalized as in Pinot (`$.a` to `.a`, a legacy `a` to `.a`, `[*]` to
/// `.`); an array index (`$.a[1].b`) adds the condition `.a.$index = 1` on the same record. `IS NULL` is evaluated
/// on documents (the complement of the documents having the path) and only as the whole filter. Bitmaps are
/// zero-copy views that must not outlive the segment. Thread-safe (immutable).
public final class MappedJsonIndexReader implements JsonIndexReader {
  /// An empty bitmap over its own serialized bytes: immutable, so it can be shared.
  private static final ImmutableRoaringBitmap EMPTY = emptyBitmap();
  private static final int BATCH = 256;

  private final DataBuffer buffer;
  private final int numDocs;
  private final int numFlattened;
  private final int numTerms;
  private final boolean identity;
  private final long mappingOffset;
  private final long postingsOffset;
  private final Dictionary terms;

  public MappedJsonIndexReader(DataBuffer buffer) {
    if (buffer.getInt(0) != SegmentFormat.tagValue(JsonIndexWriter.TAG)) {
      throw new IllegalStateException("Not a JSON index buffer");
    }
    if (buffer.getInt(4) != JsonIndexWriter.VERSION) {
      throw new IllegalStateException("Unsupported JSON index version " + buffer.getInt(4));
    }
    this.buffer = buffer;
    this.numDocs = buffer.getInt(8);
    this.numFlattened = buffer.getInt(12);
    this.numTerms = buffer.getInt(16);
    this.identity = (buffer.getInt(20) & JsonIndexWriter.FLAG_IDENTITY) != 0;
    long dictionaryOffset = buffer.getLong(24);
    long dictionaryLength = buffer.getLong(32);
    this.mappingOffset = buffer.getLong(40);
    this.postingsOffset = buffer.getLong(48);
    if (numDocs < 0 || numFlattened < 0 || numTerms < 0
        || postingsOffset + 8L * (numTerms + 1) > buffer.size()
        || dictionaryOffset + dictionaryLength > buffer.size()) {
      throw new IllegalStateException("JSON index header does not fit its buffer");
    }
    this.terms = Dictionaries.open(buffer.view(dictionaryOffset, dictionaryLength));
    if (terms.length() != numTerms) {
      throw new IllegalStateException("JSON index has " + terms.length() + " terms, header says " + numTerms);
    }
  }

  private static ImmutableRoaringBitmap emptyBitmap() {
    MutableRoaringBitmap empty = new MutableRoaringBitmap();
    ByteBuffer bytes = ByteBuffer.allocate(empty.serializedSizeInBytes());
    empty.serialize(bytes);
    bytes.flip();
    return new ImmutableRoaringBitmap(bytes.asReadOnlyBuffer());
  }

  public int numDocs() {
    return numDocs;
  }

  @Override
  public int numFlattenedDocs() {
    return numFlattened;
  }

  /// Number of posting lists (keys and key-value pairs).
  public int numTerms() {
    return numTerms;
  }

  @Override
  public MutableRoaringBitmap matchingDocIds(JsonFilter filter) {
    if (filter instanceof JsonFilter.IsNull isNull) {
      MutableRoaringBitmap docs = toDocIds(flattenedIds(new JsonFilter.IsNotNull(isNull.path())));
      docs.flip(0L, numDocs);
      return docs;
    }
    return toDocIds(flattenedIds(filter));
  }

  /// The flattened ids matching a filter (may be a zero-copy view; never modified).
  ImmutableRoaringBitmap flattenedIds(JsonFilter filter) {
    return switch (filter) {
      case JsonFilter.And and -> {
        ImmutableRoaringBitmap result = null;
        for (JsonFilter child : and.children()) {
          ImmutableRoaringBitmap ids = flattenedIds(child);
          result = result == null ? ids : ImmutableRoaringBitmap.and(result, ids);
          if (result.isEmpty()) {
            yield EMPTY;
          }
        }
        yield result == null ? EMPTY : result;
      }
      case JsonFilter.Or or -> {
        List<ImmutableRoaringBitmap> children = new ArrayList<>(or.children().size());
        for (JsonFilter child : or.children()) {
          children.add(flattenedIds(child));
        }
        yield BufferFastAggregation.or(children.toArray(new ImmutableRoaringBitmap[0]));
      }
      case JsonFilter.Leaf leaf -> leaf(leaf);
    };
  }

  private ImmutableRoaringBitmap leaf(JsonFilter.Leaf leaf) {
    if (leaf instanceof JsonFilter.IsNull) {
      throw new IllegalArgumentException("IS NULL cannot be nested in a JSON_MATCH filter");
    }
    String path = leaf.path();
    String key = path.startsWith("$") ? path.substring(1) : "." + path;
    MutableRoaringBitmap arrayRecords = null;
    int bracket;
    while ((bracket = key.indexOf('[')) >= 0) {
      int close = key.indexOf(']', bracket + 2);
      if (close < 0) {
        throw new IllegalArgumentException("Missing right bracket in JSON path[" + path + "]");
      }
      String left = key.substring(0, bracket);
      String index = key.substring(bracket + 1, close);
      if (!index.equals("*")) {
        int term = termId(left + JsonFlattener.ARRAY_INDEX_KEY + JsonIndexWriter.KEY_VALUE_SEPARATOR + index);
        if (term < 0) {
          return EMPTY;
        }
        arrayRecords = arrayRecords == null ? posting(term).toMutableRoaringBitmap() : and(arrayRecords, term);
      }
      key = left + "." + key.substring(close + 1);
    }
    ImmutableRoaringBitmap matching = onKey(leaf, key);
    return arrayRecords == null ? matching : ImmutableRoaringBitmap.and(matching, arrayRecords);
  }

  private ImmutableRoaringBitmap onKey(JsonFilter.Leaf leaf, String key) {
    return switch (leaf) {
      case JsonFilter.Eq eq -> valuePosting(key, eq.value());
      case JsonFilter.In in -> union(key, in.values());
      case JsonFilter.IsNotNull notNull -> keyPosting(key);
      case JsonFilter.IsNull isNull -> throw new IllegalStateException("IS NULL is evaluated on documents");
      case JsonFilter.NotEq notEq -> ImmutableRoaringBitmap.andNot(keyPosting(key), valuePosting(key, notEq.value()));
      case JsonFilter.NotIn notIn -> ImmutableRoaringBitmap.andNot(keyPosting(key), union(key, notIn.values()));
      case JsonFilter.Range range -> scanValues(key, new RangeTest(range));
      case JsonFilter.RegexpLike regexp -> scanValues(key, new RegexpTest(regexp.pattern()));
    };
  }

  private MutableRoaringBitmap and(MutableRoaringBitmap bitmap, int term) {
    bitmap.and(posting(term));
    return bitmap;
  }

  private ImmutableRoaringBitmap keyPosting(String key) {
    int term = termId(key);
    return term < 0 ? EMPTY : posting(term);
  }

  private ImmutableRoaringBitmap valuePosting(String key, String value) {
    int term = termId(key + JsonIndexWriter.KEY_VALUE_SEPARATOR + value);
    return term < 0 ? EMPTY : posting(term);
  }

  private ImmutableRoaringBitmap union(String key, List<String> values) {
    List<ImmutableRoaringBitmap> bitmaps = new ArrayList<>(values.size());
    for (String value : values) {
      int term = termId(key + JsonIndexWriter.KEY_VALUE_SEPARATOR + value);
      if (term >= 0) {
        bitmaps.add(posting(term));
      }
    }
    return bitmaps.isEmpty() ? EMPTY : BufferFastAggregation.or(bitmaps.toArray(new ImmutableRoaringBitmap[0]));
  }

  /// The union of the posting lists of the key's values that pass `test`.
  private ImmutableRoaringBitmap scanValues(String key, ValueTest test) {
    int keyTerm = termId(key);
    if (keyTerm < 0) {
      return EMPTY;
    }
    int end = terms.insertionIndexOf(key + (char) (JsonIndexWriter.KEY_VALUE_SEPARATOR + 1));
    end = end >= 0 ? end : -end - 1;
    int valueStart = key.length() + 1;
    List<ImmutableRoaringBitmap> bitmaps = new ArrayList<>();
    for (int term = keyTerm + 1; term < end; term++) {
      if (test.matches(terms.getStringValue(term).substring(valueStart))) {
        bitmaps.add(posting(term));
      }
    }
    return bitmaps.isEmpty() ? EMPTY : BufferFastAggregation.or(bitmaps.toArray(new ImmutableRoaringBitmap[0]));
  }

  private int termId(String term) {
    return terms.indexOf(term);
  }

  private ImmutableRoaringBitmap posting(int term) {
    long start = buffer.getLong(postingsOffset + 8L * term);
    long end = buffer.getLong(postingsOffset + 8L * (term + 1));
    return new ImmutableRoaringBitmap(buffer.asByteBuffer(start, end - start));
  }

  /// The documents owning the flattened ids.
  private MutableRoaringBitmap toDocIds(ImmutableRoaringBitmap flattened) {
    if (identity) {
      return flattened.toMutableRoaringBitmap();
    }
    MutableRoaringBitmap docs = new MutableRoaringBitmap();
    int[] batch = new int[BATCH];
    int size = 0;
    PeekableIntIterator iterator = flattened.getIntIterator();
    int doc = 0;
    while (iterator.hasNext()) {
      doc = docOf(iterator.next(), doc);
      batch[size++] = doc;
      if (size == BATCH) {
        docs.addN(batch, 0, size);
        size = 0;
      }
      // The document's other records add nothing.
      iterator.advanceIfNeeded(flattenedStart(doc + 1));
    }
    docs.addN(batch, 0, size);
    return docs;
  }

  /// The document owning flattened id `id`: the last document at or after `from` starting at or before it. Ids are
  /// visited in increasing order, so the search gallops forward from the previous document (usually one or two
  /// reads), then bisects.
  private int docOf(int id, int from) {
    int low = from;
    int step = 1;
    int high = from + 1;
    while (high < numDocs && flattenedStart(high) <= id) {
      low = high;
      step <<= 1;
      high = (int) Math.min((long) low + step, numDocs);
    }
    high = Math.min(high, numDocs);
    while (high - low > 1) {
      int mid = (low + high) >>> 1;
      if (flattenedStart(mid) <= id) {
        low = mid;
      } else {
        high = mid;
      }
    }
    return low;
  }

  private int flattenedStart(int doc) {
    return buffer.getInt(mappingOffset + 4L * doc);
  }

  /// A test on the text of a value.
  private interface ValueTest {
    boolean matches(String value);
  }

  private static final class RegexpTest implements ValueTest {
    private final Matcher matcher;

    RegexpTest(String pattern) {
      try {
        this.matcher = Pattern.compile(pattern).matcher("");
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException("Invalid regular expression[" + pattern + "]: " + e.getDescription(), e);
      }
    }

    @Override
    public boolean matches(String value) {
      return matcher.reset(value).matches();
    }
  }

  /// Range bounds compared as doubles (numeric ranges; values that are not numbers fail) or as strings.
  private record RangeTest(JsonFilter.Range range, double lower, double upper) implements ValueTest {
    RangeTest(JsonFilter.Range range) {
      this(range, bound(range, range.lower()), bound(range, range.upper()));
    }

    private static double bound(JsonFilter.Range range, @Nullable String value) {
      if (!range.numeric() || value == null) {
        return Double.NaN;
      }
      try {
        return Double.parseDouble(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("Range bound[" + value + "] is not a number", e);
      }
    }

    @Override
    public boolean matches(String value) {
      return range.numeric() ? matchesNumber(value) : matchesText(value);
    }

    private boolean matchesNumber(String value) {
      double number;
      try {
        number = Double.parseDouble(value);
      } catch (NumberFormatException e) {
        return false;
      }
      if (range.lower() != null && (range.lowerInclusive() ? number < lower : number <= lower)) {
        return false;
      }
      return range.upper() == null || (range.upperInclusive() ? number <= upper : number < upper);
    }

    private boolean matchesText(String value) {
      if (range.lower() != null) {
        int cmp = value.compareTo(range.lower());
        if (range.lowerInclusive() ? cmp < 0 : cmp <= 0) {
          return false;
        }
      }
      if (range.upper() == null) {
        return true;
      }
      int cmp = value.compareTo(range.upper());
      return range.upperInclusive() ? cmp <= 0 : cmp < 0;
    }
  }
}
