// SPDX-License-Identifier: Apache-2.0
package io.pinot.spi.stream;

/// A stream message could not be decoded into a row; the message says why (without the payload).
public final class MalformedMessageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MalformedMessageException(String message, Throwable cause) {
    super(message, cause);
  }

  public MalformedMessageException(String message) {
    super(message);
  }
}
