// SPDX-License-Identifier: Apache-2.0
package io.pinot.proxy.rest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/// A request body that fails once more than `limit` bytes were read, so that a streamed body without a declared
/// length cannot exceed the proxy's limit.
final class LimitedInputStream extends FilterInputStream {
  /// Thrown when the body goes over the limit.
  static final class LimitExceeded extends IOException {
    private static final long serialVersionUID = 1L;

    LimitExceeded(long limit) {
      super("Request body is over the proxy's limit of " + limit + " bytes");
    }
  }

  private final long limit;
  private long read;

  LimitedInputStream(InputStream in, long limit) {
    super(in);
    this.limit = limit;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      count(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      count(n);
    }
    return n;
  }

  private void count(int n) throws LimitExceeded {
    read += n;
    if (read > limit) {
      throw new LimitExceeded(limit);
    }
  }
}
