// SPDX-License-Identifier: Apache-2.0
package io.pinot.spi.exception;

/// Apache Pinot's query error codes with their exact numeric ids, default messages and HTTP statuses.
///
/// Wire contract: `id()` is what clients read in `exceptions[].errorCode` of a broker response, and
/// the default message is the prefix of `exceptions[].message` (`"<DefaultMessage>: <detail>"`).
/// Immutable and thread-safe.
public enum QueryErrorCode {
  /// The request JSON is malformed or lacks the `sql` field.
  JSON_PARSING(100, "JsonParsingError", 400, ErrorType.USER),
  /// The SQL does not parse.
  SQL_PARSING(150, "SQLParsingError", 400, ErrorType.USER),
  SQL_RUNTIME(160, "SQLRuntimeError", 500, ErrorType.INTERNAL),
  ACCESS_DENIED(180, "AccessDenied", 403, ErrorType.USER),
  TABLE_DOES_NOT_EXIST(190, "TableDoesNotExistError", 404, ErrorType.USER),
  TABLE_IS_DISABLED(191, "TableIsDisabledError", 404, ErrorType.USER),
  QUERY_EXECUTION(200, "QueryExecutionError", 500, ErrorType.INTERNAL),
  SERVER_SHUTTING_DOWN(210, "ServerShuttingDown", 503, ErrorType.RESOURCES),
  SERVER_OUT_OF_CAPACITY(211, "ServerOutOfCapacity", 503, ErrorType.RESOURCES),
  SERVER_TABLE_MISSING(230, "ServerTableMissing", 404, ErrorType.INTERNAL),
  SERVER_SEGMENT_MISSING(235, "ServerSegmentMissing", 404, ErrorType.INTERNAL),
  QUERY_SCHEDULING_TIMEOUT(240, "QuerySchedulingTimeoutError", 408, ErrorType.RESOURCES),
  SERVER_RESOURCE_LIMIT_EXCEEDED(245, "ServerResourceLimitExceededError", 503, ErrorType.RESOURCES),
  EXECUTION_TIMEOUT(250, "ExecutionTimeoutError", 408, ErrorType.RESOURCES),
  /// Some segments of the table have no online replica, so the result is incomplete.
  BROKER_SEGMENT_UNAVAILABLE(305, "BrokerSegmentUnavailable", 503, ErrorType.INTERNAL),
  BROKER_TIMEOUT(400, "BrokerTimeoutError", 408, ErrorType.RESOURCES),
  BROKER_RESOURCE_MISSING(410, "BrokerResourceMissingError", 503, ErrorType.INTERNAL),
  BROKER_INSTANCE_MISSING(420, "BrokerInstanceMissingError", 503, ErrorType.INTERNAL),
  BROKER_REQUEST_SEND(425, "BrokerRequestSend", 503, ErrorType.INTERNAL),
  /// A server was queried but did not answer (dead, unreachable or too slow).
  SERVER_NOT_RESPONDING(427, "ServerNotResponding", 503, ErrorType.INTERNAL),
  TOO_MANY_REQUESTS(429, "TooManyRequests", 429, ErrorType.RESOURCES),
  INTERNAL(450, "InternalError", 500, ErrorType.INTERNAL),
  MERGE_RESPONSE(500, "MergeResponseError", 500, ErrorType.INTERNAL),
  QUERY_CANCELLATION(503, "QueryCancellationError", 503, ErrorType.USER),
  REMOTE_CLUSTER_UNAVAILABLE(510, "RemoteClusterUnavailable", 503, ErrorType.INTERNAL),
  QUERY_VALIDATION(700, "QueryValidationError", 400, ErrorType.USER),
  UNKNOWN_COLUMN(710, "UnknownColumnError", 400, ErrorType.USER),
  QUERY_PLANNING(720, "QueryPlanningError", 400, ErrorType.USER),
  UNKNOWN(1000, "UnknownError", 500, ErrorType.INTERNAL);

  private final int id;
  private final String defaultMessage;
  private final int httpStatus;
  private final ErrorType errorType;

  QueryErrorCode(int id, String defaultMessage, int httpStatus, ErrorType errorType) {
    this.id = id;
    this.defaultMessage = defaultMessage;
    this.httpStatus = httpStatus;
    this.errorType = errorType;
  }

  public int id() {
    return id;
  }

  public String defaultMessage() {
    return defaultMessage;
  }

  /// The HTTP status Pinot uses when a request asks for HTTP statuses on errors.
  public int httpStatus() {
    return httpStatus;
  }

  public ErrorType errorType() {
    return errorType;
  }

  /// The code with this numeric id, or [#UNKNOWN] when no code has it.
  public static QueryErrorCode fromId(int id) {
    for (QueryErrorCode code : values()) {
      if (code.id == id) {
        return code;
      }
    }
    return UNKNOWN;
  }

  public QueryException asException(String message) {
    return new QueryException(this, message, null);
  }

  public QueryException asException(String message, Throwable cause) {
    return new QueryException(this, message, cause);
  }
}
