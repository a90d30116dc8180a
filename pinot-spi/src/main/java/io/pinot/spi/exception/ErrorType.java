// SPDX-License-Identifier: Apache-2.0
package io.pinot.spi.exception;

/// Who is to blame for a failed query: the user (bad SQL, unknown table), the system (a bug, a
/// dead server) or exhausted resources (timeouts, quotas). Used for metrics and log levels.
public enum ErrorType {
  USER,
  INTERNAL,
  RESOURCES
}
