// SPDX-License-Identifier: Apache-2.0
package io.pinot.server.grpc;

import com.google.protobuf.UnsafeByteOperations;
import io.pinot.common.datatable.DataTable;
import io.pinot.common.datatable.DataTableBlocks;
import io.pinot.common.proto.Server.ServerResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/// The messages of one gRPC answer, made one at a time as the client is ready for them, in Apache Pinot's shapes:
///
/// - non-streaming: one `nonStreaming` message holding the whole DataTable;
/// - streaming: an exceptions-only `data` message when the answer has exceptions (Trino's connector fails on those;
///   it never reads the metadata block), then `data` messages of at most [#MAX_ROWS_PER_BLOCK] rows and about
///   [#TARGET_BLOCK_BYTES] each, with the schema but no metadata, then one `metadata` message with the statistics
///   and exceptions and neither schema nor rows.
///
/// Every message carries `responseType`.
final class ResponseBlocks implements Iterator<ServerResponse> {
  /// Rows per data block, as Pinot's streaming selection (10,000 documents per block).
  static final int MAX_ROWS_PER_BLOCK = 10_000;
  /// Wide rows make smaller blocks, so that no message nears the clients' 128 MiB inbound limit.
  static final int TARGET_BLOCK_BYTES = 4 << 20;

  private final List<ServerResponse> leading = new ArrayList<>();
  private final DataTable table;
  private final int rowsPerBlock;
  private int nextRow;
  private boolean metadataSent;
  private final boolean streaming;

  private ResponseBlocks(DataTable table, boolean streaming, int rowsPerBlock) {
    this.table = table;
    this.streaming = streaming;
    this.rowsPerBlock = rowsPerBlock;
  }

  /// The messages of an answer; `bytes` are the serialized `table`.
  static ResponseBlocks of(DataTable table, byte[] bytes, boolean streaming) {
    int rowsPerBlock = MAX_ROWS_PER_BLOCK;
    if (table.numRows() > 0) {
      long bytesPerRow = Math.max(1, bytes.length / table.numRows());
      rowsPerBlock = (int) Math.max(1, Math.min(MAX_ROWS_PER_BLOCK, TARGET_BLOCK_BYTES / bytesPerRow));
    }
    ResponseBlocks blocks = new ResponseBlocks(table, streaming, rowsPerBlock);
    if (!streaming) {
      blocks.leading.add(message(GrpcRequestMetadata.RESPONSE_TYPE_NON_STREAMING, bytes));
      blocks.metadataSent = true;
      blocks.nextRow = table.numRows();
    } else if (!table.exceptions().isEmpty()) {
      blocks.leading.add(message(GrpcRequestMetadata.RESPONSE_TYPE_DATA,
          DataTableBlocks.metadataOnly(Map.of(), table.exceptions()).toBytes()));
    }
    return blocks;
  }

  @Override
  public boolean hasNext() {
    return !leading.isEmpty() || (table.dataSchema() != null && nextRow < table.numRows()) || !metadataSent;
  }

  @Override
  public ServerResponse next() {
    if (!leading.isEmpty()) {
      return leading.removeFirst();
    }
    if (table.dataSchema() != null && nextRow < table.numRows()) {
      int to = Math.min(table.numRows(), nextRow + rowsPerBlock);
      DataTable block = DataTableBlocks.rows(table, nextRow, to);
      nextRow = to;
      return message(GrpcRequestMetadata.RESPONSE_TYPE_DATA, block.toBytes());
    }
    if (!metadataSent && streaming) {
      metadataSent = true;
      return message(GrpcRequestMetadata.RESPONSE_TYPE_METADATA, DataTableBlocks.metadataOnly(table).toBytes());
    }
    throw new NoSuchElementException();
  }

  private static ServerResponse message(String responseType, byte[] payload) {
    // The payload array is never written after this, so the message may share it.
    return ServerResponse.newBuilder().putMetadata(GrpcRequestMetadata.RESPONSE_TYPE, responseType)
        .setPayload(UnsafeByteOperations.unsafeWrap(payload)).build();
  }
}
