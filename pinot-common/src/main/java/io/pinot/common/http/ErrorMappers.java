// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.http;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Jersey exception mappers that answer every failure as Pinot's `{"code","error"}` JSON with the right
/// status and no stack trace: [RestException]s and other JAX-RS exceptions keep their status,
/// [IllegalArgumentException] (bad input) is 400, anything else is 500 and is logged once.
public final class ErrorMappers {
  private static final Logger LOGGER = LoggerFactory.getLogger(ErrorMappers.class);

  private ErrorMappers() {
  }

  /// Maps JAX-RS exceptions, keeping their status.
  public static final class WebApplicationMapper implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException exception) {
      Response response = exception.getResponse();
      if (response.hasEntity() && response.getEntity() instanceof ErrorInfo) {
        return response;
      }
      int status = response.getStatus();
      return json(status, exception.getMessage() == null ? "HTTP " + status : exception.getMessage());
    }
  }

  /// Maps bad input detected by validation code to 400.
  public static final class IllegalArgumentMapper implements ExceptionMapper<IllegalArgumentException> {
    @Override
    public Response toResponse(IllegalArgumentException exception) {
      return json(400, String.valueOf(exception.getMessage()));
    }
  }

  /// Maps unexpected failures to 500 and logs them.
  public static final class ThrowableMapper implements ExceptionMapper<Throwable> {
    @Override
    public Response toResponse(Throwable exception) {
      LOGGER.error("Request failed", exception);
      return json(500, "Internal error: " + exception.getMessage());
    }
  }

  public static Response json(int status, String message) {
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ErrorInfo(status, message)).build();
  }
}
