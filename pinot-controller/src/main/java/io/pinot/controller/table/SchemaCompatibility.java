// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.table;

import io.pinot.spi.data.FieldSpec;
import io.pinot.spi.data.Schema;
import org.jspecify.annotations.Nullable;

/// Apache Pinot's schema evolution rule: a new schema is backward compatible when it keeps every existing
/// column with the same type and single/multi-value shape (adding columns is fine).
public final class SchemaCompatibility {
  private SchemaCompatibility() {
  }

  /// The first incompatibility, or null when `updated` can replace `existing`.
  public static @Nullable String incompatibility(Schema existing, Schema updated) {
    for (FieldSpec old : existing.allFieldSpecs()) {
      FieldSpec now = updated.fieldSpec(old.name());
      if (now == null) {
        return "column[" + old.name() + "] is removed";
      }
      if (now.dataType() != old.dataType()) {
        return "column[" + old.name() + "] changes type from " + old.dataType() + " to " + now.dataType();
      }
      if (now.singleValue() != old.singleValue()) {
        return "column[" + old.name() + "] changes between single- and multi-value";
      }
    }
    return null;
  }
}
