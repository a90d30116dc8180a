// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.upsert;

import io.pinot.spi.config.table.HashFunction;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.UUID;
import net.jpountz.xxhash.XXHash64;
import net.jpountz.xxhash.XXHashFactory;

/// Turns the stored values of a row's primary-key columns into the key of a primary-key map, as Pinot's
/// `HashUtils.hashPrimaryKey`: with `NONE` the value itself (one column) or an array-backed list of values (several
/// columns; BYTES values compare by content), otherwise a 16-byte digest of the serialized values (`MD5`; `MURMUR3`,
/// `XXHASH` and `XXH128` use a 128-bit hash built from two seeded 64-bit xxHash values: the key never leaves the
/// process, so only its equality matters; `UUID` packs a single UUID string into 16 bytes and falls back to the
/// value). Stateless; thread-safe.
final class PrimaryKeys {
  private static final XXHash64 XXHASH = XXHashFactory.fastestJavaInstance().hash64();

  private PrimaryKeys() {
  }

  /// The map key of `values` (stored values of the primary-key columns, in schema order). `values` may be reused
  /// by the caller afterwards.
  static Object key(Object[] values, HashFunction hashFunction) {
    return switch (hashFunction) {
      case NONE -> values.length == 1 ? normalize(values[0]) : List.of(normalizeAll(values));
      case MD5 -> new ByteKey(md5(serialize(values)));
      case MURMUR3, XXHASH, XXH128 -> new ByteKey(hash128(serialize(values)));
      case UUID -> values.length == 1 && values[0] instanceof String text ? uuid(text, values) : key(values,
          HashFunction.NONE);
    };
  }

  private static Object[] normalizeAll(Object[] values) {
    Object[] copy = new Object[values.length];
    for (int i = 0; i < values.length; i++) {
      copy[i] = normalize(values[i]);
    }
    return copy;
  }

  private static Object normalize(Object value) {
    return value instanceof byte[] bytes ? new ByteKey(bytes) : value;
  }

  private static Object uuid(String text, Object[] values) {
    try {
      UUID uuid = UUID.fromString(text);
      return new ByteKey(ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
          .putLong(uuid.getLeastSignificantBits()).array());
    } catch (IllegalArgumentException e) {
      return key(values, HashFunction.NONE);
    }
  }

  private static byte[] serialize(Object[] values) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(32);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      for (Object value : values) {
        switch (value) {
          case Integer i -> {
            out.writeByte(1);
            out.writeInt(i);
          }
          case Long l -> {
            out.writeByte(2);
            out.writeLong(l);
          }
          case Float f -> {
            out.writeByte(3);
            out.writeFloat(f);
          }
          case Double d -> {
            out.writeByte(4);
            out.writeDouble(d);
          }
          case byte[] b -> {
            out.writeByte(5);
            out.writeInt(b.length);
            out.write(b);
          }
          case BigDecimal d -> writeText(out, 6, d.toString());
          default -> writeText(out, 7, String.valueOf(value));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void writeText(DataOutputStream out, int tag, String text) throws IOException {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    out.writeByte(tag);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static byte[] md5(byte[] bytes) {
    try {
      return MessageDigest.getInstance("MD5").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is not available", e);
    }
  }

  private static byte[] hash128(byte[] bytes) {
    long high = XXHASH.hash(bytes, 0, bytes.length, 0x9E3779B97F4A7C15L);
    long low = XXHASH.hash(bytes, 0, bytes.length, 0xC2B2AE3D27D4EB4FL);
    return ByteBuffer.allocate(16).putLong(high).putLong(low).array();
  }
}
