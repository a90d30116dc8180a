// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.function;

import static io.pinot.common.function.ScalarType.BYTES;
import static io.pinot.common.function.ScalarType.INT;
import static io.pinot.common.function.ScalarType.LONG;
import static io.pinot.common.function.ScalarType.STRING;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.Adler32;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

/// Hash functions with Pinot's names: digests as lower-case hex (`md5`, `sha`, `sha256`, `sha512`, `md2`, and
/// `sha224`, which is SHA3-224 in Pinot), MurmurHash (`murmurHash2`, `murmurHash2UTF8`, `murmurHash2Bit64`,
/// `murmurHash3Bit32`, `murmurHash3Bit64`, `murmurHash3Bit128`), FNV-1/FNV-1a (`fnv1Hash32`...,
/// `fnv1aHash64UTF8`) and checksums (`crc32`, `crc32c`, `adler32`). Arguments are bytes (a STRING argument is read
/// as hex, as Pinot converts it). Stateless.
final class HashFunctions {
  private HashFunctions() {
  }

  static void register(FunctionRegistry.Builder b) {
    digest(b, "md5", "MD5");
    digest(b, "md2", "MD2");
    digest(b, "sha", "SHA-1");
    digest(b, "sha224", "SHA3-224");
    digest(b, "sha256", "SHA-256");
    digest(b, "sha512", "SHA-512");
    b.define("murmurHash2").args(BYTES).returns(INT).body(a -> MurmurHash.murmur2((byte[]) a[0]));
    b.define("murmurHash2UTF8").args(STRING).returns(INT).body(a -> MurmurHash.murmur2(utf8(a[0])));
    b.define("murmurHash2Bit64").args(BYTES).returns(LONG)
        .body(a -> MurmurHash.murmur2Bit64((byte[]) a[0], 0xe17a1465));
    b.define("murmurHash2Bit64").args(BYTES, INT).returns(LONG)
        .body(a -> MurmurHash.murmur2Bit64((byte[]) a[0], (Integer) a[1]));
    b.define("murmurHash3Bit32").args(BYTES, INT).returns(INT)
        .body(a -> MurmurHash.murmur3x86Bit32((byte[]) a[0], (Integer) a[1]));
    b.define("murmurHash3Bit64").args(BYTES, INT).returns(LONG)
        .body(a -> MurmurHash.murmur3x64Bit128((byte[]) a[0], (Integer) a[1])[0]);
    b.define("murmurHash3Bit128").args(BYTES, INT).returns(BYTES).body(a -> {
      long[] hash = MurmurHash.murmur3x64Bit128((byte[]) a[0], (Integer) a[1]);
      return ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(hash[0]).putLong(hash[1]).array();
    });
    b.define("fnv1Hash32").args(BYTES).returns(INT).body(a -> fnv32((byte[]) a[0], false));
    b.define("fnv1aHash32").args(BYTES).returns(INT).body(a -> fnv32((byte[]) a[0], true));
    b.define("fnv1Hash64").args(BYTES).returns(LONG).body(a -> fnv64((byte[]) a[0], false));
    b.define("fnv1aHash64").args(BYTES).returns(LONG).body(a -> fnv64((byte[]) a[0], true));
    b.define("fnv1Hash32UTF8").args(STRING).returns(INT).body(a -> fnv32(utf8(a[0]), false));
    b.define("fnv1aHash32UTF8").args(STRING).returns(INT).body(a -> fnv32(utf8(a[0]), true));
    b.define("fnv1Hash64UTF8").args(STRING).returns(LONG).body(a -> fnv64(utf8(a[0]), false));
    b.define("fnv1aHash64UTF8").args(STRING).returns(LONG).body(a -> fnv64(utf8(a[0]), true));
    b.define("crc32").args(BYTES).returns(INT).body(a -> checksum(new CRC32(), (byte[]) a[0]));
    b.define("crc32c").args(BYTES).returns(INT).body(a -> checksum(new CRC32C(), (byte[]) a[0]));
    b.define("adler32").args(BYTES).returns(INT).body(a -> checksum(new Adler32(), (byte[]) a[0]));
  }

  private static void digest(FunctionRegistry.Builder b, String name, String algorithm) {
    b.define(name).args(BYTES).returns(STRING).body(a -> {
      try {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest((byte[]) a[0]));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("Digest " + algorithm + " is not available in this JVM", e);
      }
    });
  }

  private static byte[] utf8(Object text) {
    return ((String) text).getBytes(StandardCharsets.UTF_8);
  }

  private static int checksum(Checksum checksum, byte[] data) {
    checksum.update(data, 0, data.length);
    return (int) checksum.getValue();
  }

  private static int fnv32(byte[] data, boolean alternate) {
    int hash = 0x811c9dc5;
    for (byte value : data) {
      if (alternate) {
        hash ^= value & 0xff;
        hash *= 0x01000193;
      } else {
        hash *= 0x01000193;
        hash ^= value & 0xff;
      }
    }
    return hash;
  }

  private static long fnv64(byte[] data, boolean alternate) {
    long hash = 0xcbf29ce484222325L;
    for (byte value : data) {
      if (alternate) {
        hash ^= value & 0xff;
        hash *= 0x100000001b3L;
      } else {
        hash *= 0x100000001b3L;
        hash ^= value & 0xff;
      }
    }
    return hash;
  }
}
