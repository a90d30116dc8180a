// SPDX-License-Identifier: Apache-2.0
package io.pinot.server.grpc;

import java.util.Map;

/// The metadata keys of a gRPC segment query (Apache Pinot's `CommonConstants.Query.Request.MetadataKeys`) as this
/// server reads them. Unknown keys (`FORWARD_HOST`, `FORWARD_PORT`, a client's extras) are ignored.
///
/// @param requestId `requestId`, a decimal long (0 when absent; Trino always sends 0)
/// @param brokerId `brokerId` (`unknown` when absent; Presto sends `presto-coordinator-grpc`)
/// @param enableTrace `enableTrace`
/// @param enableStreaming `enableStreaming`: data blocks then a metadata block, instead of one nonStreaming block
/// @param payloadType `payloadType`: `sql` (the default) is the only one served
record GrpcRequestMetadata(long requestId, String brokerId, boolean enableTrace, boolean enableStreaming,
    String payloadType) {
  static final String REQUEST_ID = "requestId";
  static final String BROKER_ID = "brokerId";
  static final String ENABLE_TRACE = "enableTrace";
  static final String ENABLE_STREAMING = "enableStreaming";
  static final String PAYLOAD_TYPE = "payloadType";
  static final String PAYLOAD_TYPE_SQL = "sql";
  /// `responseType` on every response message, with one of the three values below.
  static final String RESPONSE_TYPE = "responseType";
  static final String RESPONSE_TYPE_DATA = "data";
  static final String RESPONSE_TYPE_METADATA = "metadata";
  static final String RESPONSE_TYPE_NON_STREAMING = "nonStreaming";

  /// Reads the request's metadata map.
  ///
  /// @throws IllegalArgumentException when `requestId` is not a number
  static GrpcRequestMetadata from(Map<String, String> metadata) {
    String requestId = metadata.getOrDefault(REQUEST_ID, "0").trim();
    long id;
    try {
      id = requestId.isEmpty() ? 0 : Long.parseLong(requestId);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Metadata requestId must be a number, got: " + requestId, e);
    }
    return new GrpcRequestMetadata(id, metadata.getOrDefault(BROKER_ID, "unknown"),
        Boolean.parseBoolean(metadata.getOrDefault(ENABLE_TRACE, "false").trim()),
        Boolean.parseBoolean(metadata.getOrDefault(ENABLE_STREAMING, "false").trim()),
        metadata.getOrDefault(PAYLOAD_TYPE, PAYLOAD_TYPE_SQL).trim());
  }
}
