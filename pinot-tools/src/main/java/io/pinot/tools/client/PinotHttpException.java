// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.client;

import java.io.IOException;

/// An HTTP call to a controller or broker that was answered with an error status. The message is one line
/// for the user: the call, the status and the server's `error` text.
public final class PinotHttpException extends IOException {
  private static final long serialVersionUID = 1L;

  private final int status;

  public PinotHttpException(int status, String message) {
    super(message);
    this.status = status;
  }

  /// The HTTP status code (400, 404, 500...).
  public int status() {
    return status;
  }

  /// Whether retrying the same call may succeed (server errors and throttling, not client errors).
  public boolean retriable() {
    return status >= 500 || status == 429 || status == 408;
  }
}
