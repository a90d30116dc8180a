// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.spi;

/// A column's bloom filter: tells that a value is certainly absent from the segment, for segment pruning on
/// equality and IN predicates. Values are stored Java values of the column's stored type (`Integer`, `Long`,
/// `Float`, `Double`, `BigDecimal`, `String`, `byte[]`); numeric values compare by value (an `Integer` 5 and a
/// `Long` 5 hash alike), BIG_DECIMAL values equal by `compareTo` hash alike. Thread-safe.
public interface BloomFilterReader {
  /// False when the value is certainly not in the column; true when it may be (false positives happen at about
  /// the configured rate).
  boolean mightContain(Object value);
}
