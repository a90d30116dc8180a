// SPDX-License-Identifier: Apache-2.0
package io.pinot.spi.config.table;

/// The two halves a table can have: OFFLINE (batch-pushed segments) and REALTIME (stream-consumed).
public enum TableType {
  OFFLINE,
  REALTIME
}
