// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.function;

/// MurmurHash2 (32-bit with Pinot's and Kafka's seed `0x9747b28c`, and 64-bit MurmurHash64A) and MurmurHash3
/// (x86 32-bit and x64 128-bit), written from the published algorithms; byte-for-byte what Pinot's
/// `MurmurHashFunctions` and Guava's `murmur3_32_fixed`/`murmur3_128` compute. Stateless.
public final class MurmurHash {
  private static final long C1 = 0x87c37b91114253d5L;
  private static final long C2 = 0x4cf5ad432745937fL;

  private MurmurHash() {
  }

  /// 32-bit MurmurHash2 with seed `0x9747b28c` (Pinot's `murmurHash2`, Kafka's partitioner hash).
  public static int murmur2(byte[] data) {
    int m = 0x5bd1e995;
    int length = data.length;
    int h = 0x9747b28c ^ length;
    int blocks = length / 4;
    for (int i = 0; i < blocks; i++) {
      int k = littleEndianInt(data, i * 4);
      k *= m;
      k ^= k >>> 24;
      k *= m;
      h *= m;
      h ^= k;
    }
    int tail = length & ~3;
    switch (length % 4) {
      case 3:
        h ^= (data[tail + 2] & 0xff) << 16;
        h ^= (data[tail + 1] & 0xff) << 8;
        h ^= data[tail] & 0xff;
        h *= m;
        break;
      case 2:
        h ^= (data[tail + 1] & 0xff) << 8;
        h ^= data[tail] & 0xff;
        h *= m;
        break;
      case 1:
        h ^= data[tail] & 0xff;
        h *= m;
        break;
      default:
        break;
    }
    h ^= h >>> 13;
    h *= m;
    h ^= h >>> 15;
    return h;
  }

  /// 64-bit MurmurHash2 (MurmurHash64A) of `data` with `seed` (Pinot's default seed is `0xe17a1465`).
  public static long murmur2Bit64(byte[] data, int seed) {
    long m = 0xc6a4a7935bd1e995L;
    int r = 47;
    int length = data.length;
    long h = (seed & 0xffffffffL) ^ (length * m);
    int blocks = length / 8;
    for (int i = 0; i < blocks; i++) {
      long k = littleEndianLong(data, i * 8);
      k *= m;
      k ^= k >>> r;
      k *= m;
      h ^= k;
      h *= m;
    }
    int tail = length & ~7;
    int remaining = length % 8;
    if (remaining > 0) {
      for (int i = remaining - 1; i >= 0; i--) {
        h ^= (long) (data[tail + i] & 0xff) << (8 * i);
      }
      h *= m;
    }
    h ^= h >>> r;
    h *= m;
    h ^= h >>> r;
    return h;
  }

  /// MurmurHash3 x86 32-bit.
  public static int murmur3x86Bit32(byte[] data, int seed) {
    int c1 = 0xcc9e2d51;
    int c2 = 0x1b873593;
    int h = seed;
    int blocks = data.length / 4;
    for (int i = 0; i < blocks; i++) {
      int k = littleEndianInt(data, i * 4);
      k *= c1;
      k = Integer.rotateLeft(k, 15);
      k *= c2;
      h ^= k;
      h = Integer.rotateLeft(h, 13);
      h = h * 5 + 0xe6546b64;
    }
    int k = 0;
    int tail = blocks * 4;
    for (int i = data.length - tail - 1; i >= 0; i--) {
      k ^= (data[tail + i] & 0xff) << (8 * i);
    }
    if (data.length - tail > 0) {
      k *= c1;
      k = Integer.rotateLeft(k, 15);
      k *= c2;
      h ^= k;
    }
    h ^= data.length;
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }

  /// MurmurHash3 x64 128-bit: `{h1, h2}`. The seed is sign-extended, as Guava's `murmur3_128` does.
  public static long[] murmur3x64Bit128(byte[] data, int seed) {
    long h1 = seed;
    long h2 = seed;
    int blocks = data.length / 16;
    for (int i = 0; i < blocks; i++) {
      long k1 = littleEndianLong(data, i * 16);
      long k2 = littleEndianLong(data, i * 16 + 8);
      h1 ^= mixK1(k1);
      h1 = Long.rotateLeft(h1, 27);
      h1 += h2;
      h1 = h1 * 5 + 0x52dce729;
      h2 ^= mixK2(k2);
      h2 = Long.rotateLeft(h2, 31);
      h2 += h1;
      h2 = h2 * 5 + 0x38495ab5;
    }
    int tail = blocks * 16;
    int remaining = data.length - tail;
    long k1 = 0;
    long k2 = 0;
    for (int i = remaining - 1; i >= 8; i--) {
      k2 ^= (long) (data[tail + i] & 0xff) << (8 * (i - 8));
    }
    for (int i = Math.min(remaining, 8) - 1; i >= 0; i--) {
      k1 ^= (long) (data[tail + i] & 0xff) << (8 * i);
    }
    if (remaining > 8) {
      h2 ^= mixK2(k2);
    }
    if (remaining > 0) {
      h1 ^= mixK1(k1);
    }
    h1 ^= data.length;
    h2 ^= data.length;
    h1 += h2;
    h2 += h1;
    h1 = fmix(h1);
    h2 = fmix(h2);
    h1 += h2;
    h2 += h1;
    return new long[] {h1, h2};
  }

  private static long mixK1(long k) {
    return Long.rotateLeft(k * C1, 31) * C2;
  }

  private static long mixK2(long k) {
    return Long.rotateLeft(k * C2, 33) * C1;
  }

  private static long fmix(long value) {
    long k = value;
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }

  private static int littleEndianInt(byte[] data, int offset) {
    return (data[offset] & 0xff) | (data[offset + 1] & 0xff) << 8 | (data[offset + 2] & 0xff) << 16
        | (data[offset + 3] & 0xff) << 24;
  }

  private static long littleEndianLong(byte[] data, int offset) {
    return (littleEndianInt(data, offset) & 0xffffffffL) | (long) littleEndianInt(data, offset + 4) << 32;
  }
}
