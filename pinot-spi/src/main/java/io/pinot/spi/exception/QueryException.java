// SPDX-License-Identifier: Apache-2.0
package io.pinot.spi.exception;

import org.jspecify.annotations.Nullable;

/// The one exception type for query failures; it carries a [QueryErrorCode]. The broker turns it into
/// an `exceptions` entry `{"errorCode": code.id(), "message": code.defaultMessage() + ": " + message}`.
/// Messages name things (`Column[x] not found in table[t]`), never data values.
public final class QueryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final QueryErrorCode errorCode;

  public QueryException(QueryErrorCode errorCode, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.errorCode = errorCode;
  }

  public QueryErrorCode errorCode() {
    return errorCode;
  }
}
