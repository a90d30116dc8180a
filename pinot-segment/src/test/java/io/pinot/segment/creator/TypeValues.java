// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.creator;

import io.pinot.spi.data.DataType;
import io.pinot.spi.data.FieldSpec;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/// Random values of every column type for round-trip tests, including type limits, nulls, values beyond
/// `maxLength`, and the stored form each input is expected to take.
final class TypeValues {
  private TypeValues() {
  }

  /// A random reader value of the type, or null (about 5% of the time).
  static Object value(Random random, DataType type) {
    if (random.nextInt(20) == 0) {
      return null;
    }
    int pick = random.nextInt(10);
    return switch (type) {
      case INT -> pick == 0 ? Integer.MIN_VALUE : pick == 1 ? Integer.MAX_VALUE : random.nextInt(200) - 100;
      case LONG -> pick == 0 ? Long.MIN_VALUE : pick == 1 ? Long.MAX_VALUE : random.nextLong() % 1_000_000;
      case FLOAT -> switch (pick) {
        case 0 -> Float.NaN;
        case 1 -> -0.0f;
        case 2 -> Float.MAX_VALUE;
        case 3 -> Float.NEGATIVE_INFINITY;
        default -> random.nextInt(1000) / 8f;
      };
      case DOUBLE -> switch (pick) {
        case 0 -> Double.NaN;
        case 1 -> -0.0;
        case 2 -> -Double.MAX_VALUE;
        case 3 -> Double.POSITIVE_INFINITY;
        default -> random.nextInt(100_000) / 100.0;
      };
      case BIG_DECIMAL -> pick == 0 ? new BigDecimal(new BigInteger(130, random), random.nextInt(10))
          : BigDecimal.valueOf(random.nextInt(10_000) - 5000, random.nextInt(4));
      case BOOLEAN -> random.nextBoolean();
      case TIMESTAMP -> 1_700_000_000_000L + random.nextInt(1_000_000);
      case STRING -> string(random, pick);
      case JSON -> pick == 0 ? "{\"long\":\"" + "x".repeat(700) + "\"}" : "{\"k\":" + random.nextInt(50) + "}";
      case BYTES -> bytes(random, pick);
      default -> throw new IllegalArgumentException(type.name());
    };
  }

  /// A random multi-value array (null, empty, or with null elements sometimes).
  static Object[] multiValue(Random random, DataType type) {
    int pick = random.nextInt(20);
    if (pick == 0) {
      return null;
    }
    if (pick == 1) {
      return new Object[0];
    }
    Object[] values = new Object[1 + random.nextInt(4)];
    for (int i = 0; i < values.length; i++) {
      values[i] = value(random, type);
    }
    return values;
  }

  private static String string(Random random, int pick) {
    return switch (pick) {
      case 0 -> "";
      case 1 -> "\u4e2d\u6587 \ud83d\ude00 " + random.nextInt(5);
      case 2 -> "y".repeat(511) + "\ud83d\ude00tail";
      case 3 -> "z".repeat(600);
      case 4 -> String.format("%016x", random.nextLong());
      default -> "v" + random.nextInt(300);
    };
  }

  private static byte[] bytes(Random random, int pick) {
    byte[] bytes = new byte[pick == 0 ? 0 : pick == 1 ? 600 : 1 + random.nextInt(6)];
    random.nextBytes(bytes);
    return bytes;
  }

  /// The stored Java value of a non-null input.
  static Object stored(Object input, FieldSpec spec) {
    return switch (spec.dataType()) {
      case FLOAT -> (Float) input + 0.0f;
      case DOUBLE -> (Double) input + 0.0;
      case BOOLEAN -> (Boolean) input ? 1 : 0;
      case STRING -> truncate((String) input, spec.effectiveMaxLength());
      case BYTES -> ((byte[]) input).length > spec.effectiveMaxLength()
          ? Arrays.copyOf((byte[]) input, spec.effectiveMaxLength()) : input;
      default -> input;
    };
  }

  private static String truncate(String text, int maxLength) {
    if (text.length() <= maxLength) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(maxLength - 1)) ? maxLength - 1 : maxLength;
    return text.substring(0, end);
  }

  static Object min(List<Object> values, DataType type) {
    return values.stream().min(order(type)).orElseThrow();
  }

  static Object max(List<Object> values, DataType type) {
    return values.stream().max(order(type)).orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private static Comparator<Object> order(DataType type) {
    return switch (type.storedType()) {
      case FLOAT -> (a, b) -> Float.compare((Float) a, (Float) b);
      case DOUBLE -> (a, b) -> Double.compare((Double) a, (Double) b);
      case BYTES -> (a, b) -> Arrays.compareUnsigned((byte[]) a, (byte[]) b);
      default -> (a, b) -> ((Comparable<Object>) a).compareTo(b);
    };
  }
}
