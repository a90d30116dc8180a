// SPDX-License-Identifier: Apache-2.0
package io.pinot.server.grpc;

import io.grpc.Status;
import io.pinot.spi.exception.QueryErrorCode;
import java.util.Map;

/// The gRPC status that ends a segment query whose answer holds exceptions: Trino's connector never reads the final
/// metadata block, so an error must also reach it as the call's status. The description names Pinot's error code.
final class GrpcStatuses {
  private GrpcStatuses() {
  }

  /// The status for the first of `exceptions` (error code → message), or OK when there are none.
  static Status of(Map<Integer, String> exceptions) {
    if (exceptions.isEmpty()) {
      return Status.OK;
    }
    Map.Entry<Integer, String> first = exceptions.entrySet().iterator().next();
    return forCode(first.getKey()).withDescription(describe(first.getKey(), first.getValue()));
  }

  /// `<Name> (<code>): <message>`, for example `ServerTableMissing (230): Table t_OFFLINE is not loaded ...`.
  static String describe(int errorCode, String message) {
    return QueryErrorCode.fromId(errorCode).defaultMessage() + " (" + errorCode + "): " + message;
  }

  private static Status forCode(int errorCode) {
    return switch (QueryErrorCode.fromId(errorCode)) {
      case SQL_PARSING, JSON_PARSING, QUERY_VALIDATION, UNKNOWN_COLUMN, QUERY_PLANNING -> Status.INVALID_ARGUMENT;
      case SERVER_TABLE_MISSING, SERVER_SEGMENT_MISSING, TABLE_DOES_NOT_EXIST -> Status.NOT_FOUND;
      case SERVER_OUT_OF_CAPACITY, SERVER_RESOURCE_LIMIT_EXCEEDED, TOO_MANY_REQUESTS -> Status.RESOURCE_EXHAUSTED;
      case QUERY_SCHEDULING_TIMEOUT, EXECUTION_TIMEOUT -> Status.DEADLINE_EXCEEDED;
      case QUERY_CANCELLATION -> Status.CANCELLED;
      case ACCESS_DENIED -> Status.PERMISSION_DENIED;
      case SERVER_SHUTTING_DOWN -> Status.UNAVAILABLE;
      default -> Status.INTERNAL;
    };
  }
}
