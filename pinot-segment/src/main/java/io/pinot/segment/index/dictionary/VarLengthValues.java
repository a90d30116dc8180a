// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.dictionary;

import io.pinot.segment.memory.DataBuffer;
import java.lang.foreign.MemorySegment;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/// Access to `count` variable-length byte strings stored as `int32 offsets[count + 1]` (relative to the data
/// area, which follows the offsets) and the concatenated bytes. Value `i` is `data[offsets[i], offsets[i+1])`.
/// Thread-safe (immutable).
public final class VarLengthValues {
  private final DataBuffer buffer;
  private final MemorySegment segment;
  private final long offsetsStart;
  private final long dataStart;
  private final int count;

  public VarLengthValues(DataBuffer buffer, long offsetsStart, int count) {
    this.buffer = buffer;
    this.segment = buffer.segment();
    this.offsetsStart = offsetsStart;
    this.dataStart = offsetsStart + 4L * (count + 1);
    this.count = count;
    if (dataStart > buffer.size() || dataStart + (count == 0 ? 0 : end(count - 1)) > buffer.size()) {
      throw new IllegalStateException("Variable-length values run past the end of their buffer");
    }
  }

  public int count() {
    return count;
  }

  /// Absolute offset of the first byte of value `i`.
  public long start(int i) {
    return dataStart + segment.get(DataBuffer.INT, offsetsStart + 4L * i);
  }

  public int length(int i) {
    long position = offsetsStart + 4L * i;
    return segment.get(DataBuffer.INT, position + 4) - segment.get(DataBuffer.INT, position);
  }

  public byte[] bytes(int i) {
    return buffer.getBytes(start(i), length(i));
  }

  public String string(int i) {
    return new String(bytes(i), StandardCharsets.UTF_8);
  }

  public DataBuffer buffer() {
    return buffer;
  }

  private int end(int i) {
    return segment.get(DataBuffer.INT, offsetsStart + 4L * (i + 1));
  }

  /// Serialized form of a BIG_DECIMAL value: int32 little-endian scale, then the unscaled value as
  /// big-endian two's complement bytes ([BigInteger#toByteArray]).
  public static byte[] serializeBigDecimal(BigDecimal value) {
    byte[] unscaled = value.unscaledValue().toByteArray();
    return ByteBuffer.allocate(4 + unscaled.length).order(ByteOrder.LITTLE_ENDIAN).putInt(value.scale())
        .put(unscaled).array();
  }

  public static BigDecimal deserializeBigDecimal(byte[] bytes) {
    if (bytes.length < 5) {
      throw new IllegalStateException("Serialized BIG_DECIMAL needs at least 5 bytes, has " + bytes.length);
    }
    int scale = ByteBuffer.wrap(bytes, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    return new BigDecimal(new BigInteger(bytes, 4, bytes.length - 4), scale);
  }
}
