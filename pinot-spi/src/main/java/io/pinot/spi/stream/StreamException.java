// SPDX-License-Identifier: Apache-2.0
package io.pinot.spi.stream;

/// A stream could not be read: unreachable brokers, an unknown topic, an offset out of range, bad security
/// settings. The message says what failed and, where it can, what to check.
public final class StreamException extends Exception {
  private static final long serialVersionUID = 1L;

  private final boolean transientFailure;

  public StreamException(String message, boolean transientFailure, Throwable cause) {
    super(message, cause);
    this.transientFailure = transientFailure;
  }

  public StreamException(String message, boolean transientFailure) {
    super(message);
    this.transientFailure = transientFailure;
  }

  /// True when retrying may succeed (a timeout, a broker restart); false for configuration errors.
  public boolean isTransient() {
    return transientFailure;
  }
}
