// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.format;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/// The `creation.meta` file, laid out as Apache Pinot writes it with a `DataOutputStream`: the CRC as a
/// **big-endian** int64, then the creation time (epoch milliseconds) as a big-endian int64; 16 bytes in all.
///
/// @param crc CRC32C of `columns.psf` followed by `index_map` (identical data gives an identical CRC)
/// @param creationTime epoch milliseconds at which the segment was built
public record CreationMeta(long crc, long creationTime) {
  public static final int SIZE = 16;

  public byte[] toBytes() {
    return ByteBuffer.allocate(SIZE).order(ByteOrder.BIG_ENDIAN).putLong(crc).putLong(creationTime).array();
  }

  public static CreationMeta fromBytes(byte[] bytes) {
    if (bytes.length < SIZE) {
      throw new IllegalStateException(SegmentFormat.CREATION_META_FILE + " has " + bytes.length + " bytes, expected "
          + SIZE);
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
    return new CreationMeta(buffer.getLong(), buffer.getLong());
  }
}
