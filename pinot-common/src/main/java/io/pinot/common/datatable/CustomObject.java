// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.datatable;

import static java.util.Objects.requireNonNull;

/// The value of an OBJECT cell of a DataTable: an object-type id and the serialized bytes. Used for
/// aggregation intermediates (an average's sum and count, a distinct count's value set...), whose
/// serialization the query engine owns. The array is not copied: callers must not modify it.
///
/// @param type the object-type id, chosen by the writer (Pinot reserves 100 for null)
/// @param bytes the serialized value
public record CustomObject(int type, byte[] bytes) {
  /// The type id of a null object (written with length 0).
  public static final int NULL_TYPE = 100;

  public CustomObject {
    requireNonNull(bytes, "bytes is null");
  }
}
