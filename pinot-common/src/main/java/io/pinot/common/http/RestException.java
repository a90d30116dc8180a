// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.http;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/// A REST failure with an HTTP status and a user-facing message, answered as [ErrorInfo] JSON.
public final class RestException extends WebApplicationException {
  private static final long serialVersionUID = 1L;

  public RestException(Response.Status status, String message) {
    this(status.getStatusCode(), message, null);
  }

  public RestException(int status, String message, Throwable cause) {
    super(message, cause, Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(new ErrorInfo(status, message)).build());
  }

  public static RestException notFound(String message) {
    return new RestException(Response.Status.NOT_FOUND, message);
  }

  public static RestException badRequest(String message) {
    return new RestException(Response.Status.BAD_REQUEST, message);
  }

  public static RestException conflict(String message) {
    return new RestException(Response.Status.CONFLICT, message);
  }
}
