// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.partition;

import io.pinot.spi.config.table.ColumnPartitionConfig;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/// Pinot's segment partition functions, computed exactly as Pinot computes them on a value's text form (the same
/// text a Kafka producer would key by):
/// - `Murmur`: `(murmur2(utf8(value)) & 0x7fffffff) % numPartitions`, with Kafka's murmur2 (seed `0x9747b28c`), so
///   partitions match Kafka's default partitioner for string keys;
/// - `Modulo`: the value parsed as a long, `value % numPartitions`, made non-negative by adding `numPartitions`;
/// - `HashCode`: `abs(value.hashCode()) % numPartitions` with Kafka's `abs` (`Integer.MIN_VALUE` gives 0);
/// - `ByteArray`: `abs(Arrays.hashCode(utf8(value))) % numPartitions`, the same `abs`.
///
/// Immutable and thread-safe.
public sealed interface PartitionFunction {
  /// Pinot's name of the function (as in `functionName` and `column.<c>.partitionFunction`).
  String name();

  int numPartitions();

  /// The partition of a value given as its text form.
  ///
  /// @throws IllegalArgumentException when the function cannot partition the value (Modulo of a non-integer)
  int partition(String value);

  /// The function a partition config names.
  ///
  /// @throws IllegalArgumentException for functions this build does not implement
  static PartitionFunction of(ColumnPartitionConfig config) {
    int n = config.numPartitions();
    return switch (config.functionName().toLowerCase(Locale.ROOT)) {
      case "murmur" -> new Murmur(n);
      case "modulo" -> new Modulo(n);
      case "hashcode" -> new HashCode(n);
      case "bytearray" -> new ByteArray(n);
      default -> throw new IllegalArgumentException("Unsupported partition function[" + config.functionName() + "]");
    };
  }

  /// Kafka's murmur2 of a byte array.
  static int murmur2(byte[] data) {
    int length = data.length;
    int m = 0x5bd1e995;
    int h = 0x9747b28c ^ length;
    int blocks = length >>> 2;
    for (int i = 0; i < blocks; i++) {
      int base = i << 2;
      int k = (data[base] & 0xff) | (data[base + 1] & 0xff) << 8 | (data[base + 2] & 0xff) << 16
          | (data[base + 3] & 0xff) << 24;
      k *= m;
      k ^= k >>> 24;
      k *= m;
      h *= m;
      h ^= k;
    }
    int tail = length & ~3;
    int remaining = length & 3;
    if (remaining == 3) {
      h ^= (data[tail + 2] & 0xff) << 16;
    }
    if (remaining >= 2) {
      h ^= (data[tail + 1] & 0xff) << 8;
    }
    if (remaining >= 1) {
      h ^= data[tail] & 0xff;
      h *= m;
    }
    h ^= h >>> 13;
    h *= m;
    h ^= h >>> 15;
    return h;
  }

  /// Kafka's `Utils.abs`: `Math.abs` except that `Integer.MIN_VALUE` gives 0.
  static int kafkaAbs(int value) {
    return value == Integer.MIN_VALUE ? 0 : Math.abs(value);
  }

  private static void check(int numPartitions) {
    if (numPartitions <= 0) {
      throw new IllegalArgumentException("numPartitions must be positive, got " + numPartitions);
    }
  }

  /// Kafka's murmur2 partitioning.
  record Murmur(int numPartitions) implements PartitionFunction {
    public Murmur {
      check(numPartitions);
    }

    @Override
    public String name() {
      return "Murmur";
    }

    @Override
    public int partition(String value) {
      return (murmur2(value.getBytes(StandardCharsets.UTF_8)) & 0x7fffffff) % numPartitions;
    }
  }

  /// Integral value modulo the partition count.
  record Modulo(int numPartitions) implements PartitionFunction {
    public Modulo {
      check(numPartitions);
    }

    @Override
    public String name() {
      return "Modulo";
    }

    @Override
    public int partition(String value) {
      long number;
      try {
        number = Long.parseLong(value.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("Modulo partitioning needs integral values", e);
      }
      int partition = (int) (number % numPartitions);
      return partition < 0 ? partition + numPartitions : partition;
    }
  }

  /// Java `String.hashCode`.
  record HashCode(int numPartitions) implements PartitionFunction {
    public HashCode {
      check(numPartitions);
    }

    @Override
    public String name() {
      return "HashCode";
    }

    @Override
    public int partition(String value) {
      return kafkaAbs(value.hashCode()) % numPartitions;
    }
  }

  /// `Arrays.hashCode` of the UTF-8 bytes.
  record ByteArray(int numPartitions) implements PartitionFunction {
    public ByteArray {
      check(numPartitions);
    }

    @Override
    public String name() {
      return "ByteArray";
    }

    @Override
    public int partition(String value) {
      return kafkaAbs(Arrays.hashCode(value.getBytes(StandardCharsets.UTF_8))) % numPartitions;
    }
  }
}
