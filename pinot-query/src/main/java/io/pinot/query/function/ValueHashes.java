// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.function;

import com.clearspring.analytics.hash.MurmurHash;
import io.pinot.segment.spi.Dictionary;

/// 64-bit hashes of column values for the HyperLogLog++ sketch of DISTINCTCOUNTHLLPLUS: integral values by their
/// `long`, floating values by their double bits (0.0 and -0.0 alike), each through SplitMix64's finalizer;
/// strings and bytes by stream-lib's 64-bit MurmurHash of their bytes. A dictionary value and the same raw value hash
/// alike, so segments of either encoding merge. Stateless and thread-safe.
final class ValueHashes {
  private ValueHashes() {
  }

  /// SplitMix64's finalizer over `value` plus the golden-ratio increment: a bijective mix with full avalanche that
  /// does not map 0 to 0 (a zero hash would overflow stream-lib's 5-bit registers).
  static long mix(long value) {
    long z = value + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  static long ofDouble(double value) {
    return mix(Double.doubleToLongBits(value == 0.0 ? 0.0 : value));
  }

  static long ofString(String value) {
    return MurmurHash.hash64(value);
  }

  static long ofBytes(byte[] value) {
    return MurmurHash.hash64(value, value.length);
  }

  /// The hashes of the first `length` values of a single-value slot into `out` (at least `length` long).
  static void hash(ValueBlock block, int slot, int length, long[] out) {
    switch (block.storedType(slot)) {
      case INT -> {
        int[] values = block.intValues(slot);
        for (int i = 0; i < length; i++) {
          out[i] = mix(values[i]);
        }
      }
      case LONG -> {
        long[] values = block.longValues(slot);
        for (int i = 0; i < length; i++) {
          out[i] = mix(values[i]);
        }
      }
      case FLOAT, DOUBLE -> {
        double[] values = block.doubleValues(slot);
        for (int i = 0; i < length; i++) {
          out[i] = ofDouble(values[i]);
        }
      }
      case BYTES -> {
        byte[][] values = block.bytesValues(slot);
        for (int i = 0; i < length; i++) {
          out[i] = ofBytes(values[i]);
        }
      }
      default -> {
        String[] values = block.stringValues(slot);
        for (int i = 0; i < length; i++) {
          out[i] = ofString(values[i]);
        }
      }
    }
  }

  /// The hash of one dictionary value.
  static long ofDictionaryValue(Dictionary dictionary, int dictId) {
    return switch (dictionary.valueType().storedType()) {
      case INT, LONG -> mix(dictionary.getLongValue(dictId));
      case FLOAT, DOUBLE -> ofDouble(dictionary.getDoubleValue(dictId));
      case BYTES -> ofBytes(dictionary.getBytesValue(dictId));
      default -> ofString(dictionary.getStringValue(dictId));
    };
  }
}
