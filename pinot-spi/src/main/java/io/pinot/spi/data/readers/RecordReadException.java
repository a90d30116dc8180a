// SPDX-License-Identifier: Apache-2.0
package io.pinot.spi.data.readers;

/// A record that cannot be read or converted to the schema; the message names the input position
/// (file and line) and the column, so that a user can find and fix the row.
public final class RecordReadException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String position;

  public RecordReadException(String position, String message, Throwable cause) {
    super(position + ": " + message, cause);
    this.position = position;
  }

  public RecordReadException(String position, String message) {
    super(position + ": " + message);
    this.position = position;
  }

  public String position() {
    return position;
  }
}
