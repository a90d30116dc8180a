// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.nullvalue;

import io.pinot.segment.format.IndexType;
import io.pinot.segment.format.SegmentFileWriter;
import io.pinot.segment.format.SegmentFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.roaringbitmap.RoaringBitmap;

/// Writes a column's null value vector (`NULV` buffer): `tag, int32 version, int32 numNullDocs, int32 reserved`,
/// then the bitmap of the null documents as a run-optimized portable RoaringBitmap. Stateless utilities.
public final class NullValueVectorWriter {
  static final int HEADER_SIZE = 16;

  private NullValueVectorWriter() {
  }

  public static void write(SegmentFileWriter out, String column, RoaringBitmap nullDocs) throws IOException {
    RoaringBitmap bitmap = nullDocs.clone();
    bitmap.runOptimize();
    ByteBuffer serialized = ByteBuffer.allocate(bitmap.serializedSizeInBytes()).order(ByteOrder.LITTLE_ENDIAN);
    bitmap.serialize(serialized);
    out.beginIndex(column, IndexType.NULL_VALUE_VECTOR, SegmentFormat.TAG_NULL_VECTOR);
    out.writeInt(bitmap.getCardinality());
    out.writeInt(0);
    out.writeBytes(serialized.array());
    out.endIndex();
  }
}
