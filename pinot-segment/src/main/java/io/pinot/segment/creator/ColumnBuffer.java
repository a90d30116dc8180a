// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.creator;

import io.pinot.spi.data.DataType;
import io.pinot.spi.data.FieldSpec;
import org.jspecify.annotations.Nullable;
import org.roaringbitmap.RoaringBitmap;

/// The in-memory buffer of one column during the read pass: shapes each reader value (null, missing and empty
/// multi-value arrays become the field's default value, and with null handling the document is recorded as null),
/// converts it through a [ValueCollector], and rolls back the values of a rejected record. Not thread-safe.
sealed interface ColumnBuffer permits SingleValueColumn, MultiValueColumn {
  /// Adds the column's value of the next record.
  ///
  /// @throws IllegalArgumentException when the value cannot be converted to the column's type
  void add(@Nullable Object raw);

  /// Drops everything added for records after the first `numDocs` ones.
  void rollback(int numDocs);

  /// The collector of the (flat) values.
  ValueCollector values();

  /// The documents whose value was null, or null when the column does not record them.
  @Nullable RoaringBitmap nullDocs();

  /// A buffer for the column described by `plan`.
  static ColumnBuffer create(ColumnPlan plan) {
    FieldSpec spec = plan.spec();
    DataType logicalType = spec.dataType();
    ValueCollector collector = switch (logicalType.storedType()) {
      case INT -> new IntValues(logicalType);
      case LONG -> new LongValues(logicalType);
      case FLOAT -> new FloatValues();
      case DOUBLE -> new DoubleValues();
      case STRING, BYTES, BIG_DECIMAL -> plan.dictionary()
          ? new InternedValues(logicalType, plan.maxLength())
          : new RawBytesValues(logicalType, plan.maxLength());
      default -> throw new IllegalArgumentException("Column[" + spec.name() + "] has unsupported type " + logicalType);
    };
    Object defaultValue = spec.defaultValue();
    RoaringBitmap nulls = plan.nullHandling() ? new RoaringBitmap() : null;
    return spec.singleValue() ? new SingleValueColumn(logicalType, collector, defaultValue, nulls)
        : new MultiValueColumn(collector, defaultValue, nulls);
  }
}
