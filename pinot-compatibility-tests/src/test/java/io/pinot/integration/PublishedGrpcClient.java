// SPDX-License-Identifier: Apache-2.0
package io.pinot.integration;

import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.pinot.common.datatable.DataTable;
import org.apache.pinot.common.datatable.DataTableFactory;
import org.apache.pinot.common.proto.PinotQueryServerGrpc;
import org.apache.pinot.common.proto.Server;
import org.jspecify.annotations.Nullable;

/// Segment queries the way Trino's Pinot connector sends them, through Apache Pinot 1.3's published
/// `PinotQueryServerGrpc` stub, each payload decoded by Pinot 1.3's `DataTableFactory`. One plaintext channel per
/// target, as the connector keeps.
final class PublishedGrpcClient implements AutoCloseable {
  private final Map<String, ManagedChannel> channels = new ConcurrentHashMap<>();

  /// What came back: the decoded data blocks, the decoded final block (`metadata` or `nonStreaming`), and every
  /// message's `responseType` in order.
  record Answer(List<DataTable> dataBlocks, @Nullable DataTable lastBlock, List<String> responseTypes) {
    long numRows() {
      long rows = 0;
      for (DataTable block : dataBlocks) {
        rows += block.getNumberOfRows();
      }
      return rows;
    }
  }

  /// Trino's request: requestId 0, brokerId unknown, no trace, payloadType sql, plus `extraMetadata`.
  static Server.ServerRequest request(String sql, List<String> segments, boolean streaming,
      Map<String, String> extraMetadata) {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("requestId", "0");
    metadata.put("brokerId", "unknown");
    metadata.put("enableTrace", "false");
    metadata.put("enableStreaming", Boolean.toString(streaming));
    metadata.put("payloadType", "sql");
    metadata.putAll(extraMetadata);
    return Server.ServerRequest.newBuilder().putAllMetadata(metadata).setSql(sql).addAllSegments(segments).build();
  }

  /// Sends `request` to `host:port` and reads the stream as Trino does: every `data` message is decoded, and the
  /// first `metadata` message ends the reading. Errors surface as `io.grpc.StatusRuntimeException`.
  Answer submit(String host, int port, Server.ServerRequest request) throws Exception {
    return submit(host, port, request, true);
  }

  /// As [#submit(String, int, Server.ServerRequest)]; with `stopAtMetadata` false the stream is read to its end, as
  /// Pinot's own readers do, so that a final error status surfaces too.
  Answer submit(String host, int port, Server.ServerRequest request, boolean stopAtMetadata) throws Exception {
    ManagedChannel channel = channel(host, port);
    Iterator<Server.ServerResponse> responses = PinotQueryServerGrpc.newBlockingStub(channel).submit(request);
    List<DataTable> data = new ArrayList<>();
    List<String> types = new ArrayList<>();
    DataTable last = null;
    while (responses.hasNext()) {
      Server.ServerResponse response = responses.next();
      String type = response.getMetadataMap().get("responseType");
      types.add(type);
      DataTable table = DataTableFactory.getDataTable(response.getPayload().asReadOnlyByteBuffer());
      if ("data".equals(type)) {
        data.add(table);
      } else {
        last = table;
        if (stopAtMetadata && "metadata".equals(type)) {
          break;
        }
      }
    }
    return new Answer(data, last, types);
  }

  /// Every message of the answer to `request`, read to the end of the stream (a final error status is dropped).
  List<Server.ServerResponse> rawResponses(String host, int port, Server.ServerRequest request) {
    ManagedChannel channel = channel(host, port);
    List<Server.ServerResponse> responses = new ArrayList<>();
    Iterator<Server.ServerResponse> stream = PinotQueryServerGrpc.newBlockingStub(channel).submit(request);
    try {
      stream.forEachRemaining(responses::add);
    } catch (StatusRuntimeException e) {
      // the messages before the status are what the test reads
    }
    return responses;
  }

  private ManagedChannel channel(String host, int port) {
    return channels.computeIfAbsent(host + ":" + port, key -> NettyChannelBuilder.forAddress(host, port)
        .usePlaintext().maxInboundMessageSize(128 << 20).build());
  }

  /// Decodes one payload with Pinot's reader.
  static DataTable decode(byte[] payload) throws Exception {
    return DataTableFactory.getDataTable(ByteBuffer.wrap(payload));
  }

  @Override
  public void close() throws InterruptedException {
    for (ManagedChannel channel : channels.values()) {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }
}
