// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.spi;

import java.lang.foreign.MemorySegment;

/// A STRING dictionary whose values are UTF-8 bytes in one memory segment (an immutable segment's), so callers can
/// hash and compare values without decoding them into Strings. Thread-safe.
public interface Utf8Dictionary extends Dictionary {
  /// The memory holding the values' bytes.
  MemorySegment utf8Memory();

  /// The offset in [#utf8Memory()] of the first byte of value `dictId`.
  long utf8Start(int dictId);

  /// The number of bytes of value `dictId`.
  int utf8Length(int dictId);
}
