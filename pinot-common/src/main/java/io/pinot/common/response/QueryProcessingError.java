// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.response;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.pinot.spi.exception.QueryErrorCode;
import io.pinot.spi.exception.QueryException;

/// One entry of a broker response's `exceptions` array: `{"errorCode": 150, "message": "..."}` (Pinot's
/// `QueryProcessingException`). This is the single place where a [QueryException] becomes its wire form,
/// with the message `"<DefaultMessage>: <detail>"` as Pinot 1.x writes it.
@JsonPropertyOrder({"errorCode", "message"})
public record QueryProcessingError(@JsonProperty("errorCode") int errorCode, @JsonProperty("message") String message) {

  public QueryProcessingError {
    requireNonNull(message, "message is null");
  }

  /// The wire form of an error: `code.defaultMessage() + ": " + detail`.
  public static QueryProcessingError of(QueryErrorCode code, String detail) {
    return new QueryProcessingError(code.id(), code.defaultMessage() + ": " + detail);
  }

  public static QueryProcessingError of(QueryException exception) {
    return of(exception.errorCode(), String.valueOf(exception.getMessage()));
  }
}
