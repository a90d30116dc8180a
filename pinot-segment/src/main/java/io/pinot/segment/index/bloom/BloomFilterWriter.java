// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.bloom;

import io.pinot.segment.format.IndexType;
import io.pinot.segment.format.SegmentFileWriter;
import io.pinot.segment.format.SegmentFormat;
import io.pinot.segment.spi.Dictionary;
import io.pinot.spi.config.table.BloomFilterConfig;
import io.pinot.spi.data.DataType;
import java.io.IOException;

/// Builds a bloom filter (`BLOM` buffer, read by [BloomFilterReaderImpl]) over the distinct values of a column.
///
/// Sizing: for `n` distinct values and target false-positive probability `p`, `m = ceil(-n ln p / (ln 2)^2)` bits
/// rounded up to whole 64-bit words and `k = max(1, round(m / n * ln 2))` probes; when `maxSizeInBytes` is set and
/// smaller, `m` is capped (the false-positive rate then rises) and `k` recomputed for the capped size. Probe `i`
/// of a value with hash `h1` sets bit `((h1 + i * h2) & Long.MAX_VALUE) % m`, `h2` derived from `h1` (double
/// hashing). Stateless utilities.
public final class BloomFilterWriter {
  static final int HEADER_SIZE = 24;

  private BloomFilterWriter() {
  }

  /// The number of bits for `numValues` values at false-positive probability `fpp`, capped at `maxSizeInBytes`
  /// (0: no cap); a multiple of 64, at least 64.
  public static long numBits(long numValues, double fpp, int maxSizeInBytes) {
    double bits = -Math.max(1, numValues) * Math.log(fpp) / (Math.log(2) * Math.log(2));
    long words = Math.max(1, (long) Math.ceil(bits / 64));
    if (maxSizeInBytes > 0) {
      words = Math.max(1, Math.min(words, maxSizeInBytes / 8));
    }
    return words * 64;
  }

  /// The number of probes for `numValues` values in `numBits` bits.
  public static int numHashes(long numValues, long numBits) {
    return (int) Math.max(1, Math.min(30, Math.round((double) numBits / Math.max(1, numValues) * Math.log(2))));
  }

  /// The filter words for the values of a sorted distinct-value dictionary.
  public static long[] build(Dictionary values, DataType storedType, long numBits, int numHashes) {
    long[] words = new long[(int) (numBits >>> 6)];
    int cardinality = values.length();
    for (int id = 0; id < cardinality; id++) {
      add(words, numBits, numHashes, hash(values, id, storedType));
    }
    return words;
  }

  /// Writes the bloom filter of a column's distinct values.
  public static void write(SegmentFileWriter out, String column, Dictionary values, DataType storedType,
      BloomFilterConfig config) throws IOException {
    long numBits = numBits(values.length(), config.effectiveFpp(), config.effectiveMaxSizeInBytes());
    int numHashes = numHashes(values.length(), numBits);
    long[] words = build(values, storedType, numBits, numHashes);
    out.beginIndex(column, IndexType.BLOOM_FILTER, SegmentFormat.TAG_BLOOM);
    out.writeInt(SegmentFormat.typeCode(storedType));
    out.writeInt(numHashes);
    out.writeLong(numBits);
    for (long word : words) {
      out.writeLong(word);
    }
    out.endIndex();
  }

  static void add(long[] words, long numBits, int numHashes, long hash) {
    long second = BloomHashing.secondHash(hash);
    long combined = hash;
    for (int i = 0; i < numHashes; i++) {
      long bit = (combined & Long.MAX_VALUE) % numBits;
      words[(int) (bit >>> 6)] |= 1L << bit;
      combined += second;
    }
  }

  private static long hash(Dictionary values, int id, DataType storedType) {
    return switch (storedType) {
      case INT -> BloomHashing.hashLong(values.getIntValue(id));
      case LONG -> BloomHashing.hashLong(values.getLongValue(id));
      case FLOAT -> BloomHashing.hashDouble(values.getFloatValue(id));
      case DOUBLE -> BloomHashing.hashDouble(values.getDoubleValue(id));
      case STRING, BYTES -> BloomHashing.hashBytes(values.getBytesValue(id));
      default -> BloomHashing.hash(values.get(id), storedType);
    };
  }
}
