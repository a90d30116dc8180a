// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.transport;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/// Binary encoding of the broker↔server messages carried by the Netty query transport (internal: brokers
/// and servers of the same version talk it; it is not a Pinot wire contract).
///
/// Every frame is `int32 length` (added by the pipeline) then `byte kind`:
/// - kind 1, request: `int64 requestId`, string brokerId, string sql, string tableNameWithType,
///   `int32 n` + n segment strings, `int64 timeoutMs`, `int32 m` + m (key, value) strings, `byte trace`.
/// - kind 2, response: `int64 requestId`, `int32 n`, n bytes of a serialized DataTable.
///
/// Strings are `int32 byteLength` + UTF-8 bytes. All integers big-endian.
public final class TransportMessages {
  public static final byte REQUEST = 1;
  public static final byte RESPONSE = 2;
  /// Largest frame accepted (responses of huge selections are bounded by this).
  public static final int MAX_FRAME_BYTES = 512 * 1024 * 1024;

  private TransportMessages() {
  }

  public static void writeRequest(InstanceRequest request, ByteBuf out) {
    out.writeByte(REQUEST);
    out.writeLong(request.requestId());
    writeString(out, request.brokerId());
    writeString(out, request.sql());
    writeString(out, request.tableNameWithType());
    out.writeInt(request.segments().size());
    for (String segment : request.segments()) {
      writeString(out, segment);
    }
    out.writeLong(request.timeoutMs());
    out.writeInt(request.queryOptions().size());
    for (Map.Entry<String, String> option : request.queryOptions().entrySet()) {
      writeString(out, option.getKey());
      writeString(out, option.getValue());
    }
    out.writeByte(request.enableTrace() ? 1 : 0);
  }

  /// Reads a request after its kind byte.
  public static InstanceRequest readRequest(ByteBuf in) {
    long requestId = in.readLong();
    String brokerId = readString(in);
    String sql = readString(in);
    String table = readString(in);
    int numSegments = checkedCount(in.readInt(), in);
    List<String> segments = new ArrayList<>(numSegments);
    for (int i = 0; i < numSegments; i++) {
      segments.add(readString(in));
    }
    long timeoutMs = in.readLong();
    int numOptions = checkedCount(in.readInt(), in);
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < numOptions; i++) {
      options.put(readString(in), readString(in));
    }
    boolean trace = in.readByte() != 0;
    return new InstanceRequest(requestId, brokerId, sql, table, segments, timeoutMs, options, trace);
  }

  public static void writeResponse(long requestId, byte[] dataTable, ByteBuf out) {
    out.writeByte(RESPONSE);
    out.writeLong(requestId);
    out.writeInt(dataTable.length);
    out.writeBytes(dataTable);
  }

  private static void writeString(ByteBuf out, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.writeBytes(bytes);
  }

  private static String readString(ByteBuf in) {
    int length = checkedCount(in.readInt(), in);
    String value = in.toString(in.readerIndex(), length, StandardCharsets.UTF_8);
    in.skipBytes(length);
    return value;
  }

  private static int checkedCount(int count, ByteBuf in) {
    if (count < 0 || count > in.readableBytes()) {
      throw new IllegalArgumentException("Corrupt transport frame: count " + count + " with "
          + in.readableBytes() + " bytes left");
    }
    return count;
  }
}
