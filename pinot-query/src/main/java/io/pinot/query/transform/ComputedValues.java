// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.transform;

import io.pinot.query.operator.BlockValues;
import io.pinot.spi.data.DataType;
import io.pinot.spi.exception.QueryErrorCode;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.HexFormat;

/// The values of a single-value transform for the current block, computed once per block into one *native* array
/// chosen by the logical type — `long[]` for INT, LONG, BOOLEAN (1/0) and TIMESTAMP (epoch millis), `double[]` for
/// FLOAT and DOUBLE, `String[]` for STRING, JSON and BIG_DECIMAL (plain text), `byte[][]` for BYTES — and converted
/// on request into the other kinds, as Pinot's transform functions convert between `transformTo*ValuesSV`.
/// Subclasses implement [#compute]. Not thread-safe: one per segment execution.
abstract class ComputedValues implements BlockValues {
  /// Which native array holds the values.
  enum Native { LONG, DOUBLE, STRING, BYTES }

  private final DataType type;
  final Native nativeKind;
  long[] longs = new long[0];
  double[] doubles = new double[0];
  String[] strings = new String[0];
  byte[][] bytes = new byte[0][];
  private int computedStamp = -1;
  private int[] intsOut = new int[0];
  private long[] longsOut = new long[0];
  private float[] floatsOut = new float[0];
  private double[] doublesOut = new double[0];
  private String[] stringsOut = new String[0];
  private byte[][] bytesOut = new byte[0][];
  private int intsStamp = -1;
  private int longsStamp = -1;
  private int floatsStamp = -1;
  private int doublesStamp = -1;
  private int stringsStamp = -1;
  private int bytesStamp = -1;

  ComputedValues(DataType type) {
    this.type = type;
    this.nativeKind = nativeOf(type);
  }

  static Native nativeOf(DataType type) {
    return switch (type) {
      case INT, LONG, BOOLEAN, TIMESTAMP -> Native.LONG;
      case FLOAT, DOUBLE -> Native.DOUBLE;
      case BYTES -> Native.BYTES;
      default -> Native.STRING;
    };
  }

  /// Fills the native array (`longs`, `doubles`, `strings` or `bytes`, sized by [#ensureNative]) with the values
  /// of the current block's `length` documents.
  abstract void compute(int length);

  @Override
  public final boolean singleValue() {
    return true;
  }

  @Override
  public final DataType logicalType() {
    return type;
  }

  final void ensureNative(int length) {
    switch (nativeKind) {
      case LONG -> longs = length > longs.length ? new long[Math.max(length, 1024)] : longs;
      case DOUBLE -> doubles = length > doubles.length ? new double[Math.max(length, 1024)] : doubles;
      case STRING -> strings = length > strings.length ? new String[Math.max(length, 1024)] : strings;
      case BYTES -> bytes = length > bytes.length ? new byte[Math.max(length, 1024)][] : bytes;
    }
  }

  private void computeOnce(int length, int stamp) {
    if (computedStamp != stamp) {
      ensureNative(length);
      compute(length);
      computedStamp = stamp;
    }
  }

  @Override
  public int[] dictIds(int[] docIds, int length, int stamp) {
    throw new IllegalStateException("A transform has no dictionary");
  }

  @Override
  public int[] intValues(int[] docIds, int length, int stamp) {
    computeOnce(length, stamp);
    if (intsStamp != stamp) {
      intsOut = length > intsOut.length ? new int[Math.max(length, 1024)] : intsOut;
      switch (nativeKind) {
        case LONG -> {
          for (int i = 0; i < length; i++) {
            intsOut[i] = (int) longs[i];
          }
        }
        case DOUBLE -> {
          for (int i = 0; i < length; i++) {
            intsOut[i] = (int) doubles[i];
          }
        }
        default -> {
          long[] parsed = longValues(docIds, length, stamp);
          for (int i = 0; i < length; i++) {
            intsOut[i] = (int) parsed[i];
          }
        }
      }
      intsStamp = stamp;
    }
    return intsOut;
  }

  @Override
  public long[] longValues(int[] docIds, int length, int stamp) {
    computeOnce(length, stamp);
    if (nativeKind == Native.LONG) {
      return longs;
    }
    if (longsStamp != stamp) {
      longsOut = length > longsOut.length ? new long[Math.max(length, 1024)] : longsOut;
      switch (nativeKind) {
        case DOUBLE -> {
          for (int i = 0; i < length; i++) {
            longsOut[i] = (long) doubles[i];
          }
        }
        case STRING -> {
          for (int i = 0; i < length; i++) {
            longsOut[i] = parseNumber(strings[i]).longValue();
          }
        }
        default -> throw notConvertible("LONG");
      }
      longsStamp = stamp;
    }
    return longsOut;
  }

  @Override
  public float[] floatValues(int[] docIds, int length, int stamp) {
    double[] values = doubleValues(docIds, length, stamp);
    if (floatsStamp != stamp) {
      floatsOut = length > floatsOut.length ? new float[Math.max(length, 1024)] : floatsOut;
      for (int i = 0; i < length; i++) {
        floatsOut[i] = (float) values[i];
      }
      floatsStamp = stamp;
    }
    return floatsOut;
  }

  @Override
  public double[] doubleValues(int[] docIds, int length, int stamp) {
    computeOnce(length, stamp);
    if (nativeKind == Native.DOUBLE) {
      return doubles;
    }
    if (doublesStamp != stamp) {
      doublesOut = length > doublesOut.length ? new double[Math.max(length, 1024)] : doublesOut;
      switch (nativeKind) {
        case LONG -> {
          for (int i = 0; i < length; i++) {
            doublesOut[i] = longs[i];
          }
        }
        case STRING -> {
          for (int i = 0; i < length; i++) {
            doublesOut[i] = parseNumber(strings[i]).doubleValue();
          }
        }
        default -> throw notConvertible("DOUBLE");
      }
      doublesStamp = stamp;
    }
    return doublesOut;
  }

  @Override
  public String[] stringValues(int[] docIds, int length, int stamp) {
    computeOnce(length, stamp);
    if (nativeKind == Native.STRING) {
      return strings;
    }
    if (stringsStamp != stamp) {
      stringsOut = length > stringsOut.length ? new String[Math.max(length, 1024)] : stringsOut;
      for (int i = 0; i < length; i++) {
        stringsOut[i] = text(i);
      }
      stringsStamp = stamp;
    }
    return stringsOut;
  }

  @Override
  public byte[][] bytesValues(int[] docIds, int length, int stamp) {
    computeOnce(length, stamp);
    if (nativeKind == Native.BYTES) {
      return bytes;
    }
    if (nativeKind != Native.STRING) {
      throw notConvertible("BYTES");
    }
    if (bytesStamp != stamp) {
      bytesOut = length > bytesOut.length ? new byte[Math.max(length, 1024)][] : bytesOut;
      for (int i = 0; i < length; i++) {
        bytesOut[i] = HexFormat.of().parseHex(strings[i]);
      }
      bytesStamp = stamp;
    }
    return bytesOut;
  }

  @Override
  public int[] mvOffsets(int[] docIds, int length, int stamp) {
    throw new IllegalStateException("Not a multi-value transform");
  }

  @Override
  public int[] mvDictIds(int[] docIds, int length, int stamp) {
    throw new IllegalStateException("Not a multi-value transform");
  }

  private String text(int i) {
    return switch (nativeKind) {
      case LONG -> switch (type) {
        case BOOLEAN -> longs[i] != 0 ? "true" : "false";
        case TIMESTAMP -> new Timestamp(longs[i]).toString();
        default -> Long.toString(longs[i]);
      };
      case DOUBLE -> type == DataType.FLOAT ? Float.toString((float) doubles[i]) : Double.toString(doubles[i]);
      case BYTES -> HexFormat.of().formatHex(bytes[i]);
      case STRING -> strings[i];
    };
  }

  private BigDecimal parseNumber(String text) {
    try {
      return new BigDecimal(text.trim());
    } catch (NumberFormatException e) {
      throw QueryErrorCode.QUERY_EXECUTION.asException("Cannot convert value '" + text + "' of a " + type
          + " expression to a number");
    }
  }

  private RuntimeException notConvertible(String target) {
    return QueryErrorCode.QUERY_EXECUTION.asException("Cannot read a " + type + " expression as " + target);
  }
}
