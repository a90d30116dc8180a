// SPDX-License-Identifier: Apache-2.0
package io.pinot.spi.data;

/// The category of a schema column, which decides its JSON list and its default null value.
public enum FieldType {
  DIMENSION,
  METRIC,
  TIME,
  DATE_TIME,
  COMPLEX
}
