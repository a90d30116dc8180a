// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.ingestion;

/// An ingestion job that failed: the message is one line for the user (which input file and row, or which
/// segment push, and why), and the cause keeps the details for `-verbose`.
public final class IngestionJobException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public IngestionJobException(String message, Throwable cause) {
    super(message, cause);
  }

  public IngestionJobException(String message) {
    super(message);
  }
}
