// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.spi;

import io.pinot.spi.data.DataType;
import io.pinot.spi.data.FieldType;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/// Per-column statistics and layout facts recorded in a segment's `metadata.properties`.
///
/// @param dataType the logical type from the schema (its stored type is what readers return)
/// @param cardinality number of distinct values (for raw columns: an estimate, or -1 when unknown)
/// @param sorted true when values are in non-decreasing doc-id order (single-value only)
/// @param bitsPerElement bits per dictionary id in the forward index (0 for raw columns)
/// @param maxNumberOfMultiValues largest number of values in one row (0 for single-value columns)
/// @param totalNumberOfEntries number of values over all rows (= totalDocs for single-value columns)
/// @param minValue smallest value as a stored Java value (Integer, Long, Float, Double, String, byte[]...)
/// @param maxValue largest value as a stored Java value
/// @param hasInvertedIndex whether a bitmap inverted index was built
public record ColumnMetadata(
    String name,
    DataType dataType,
    FieldType fieldType,
    boolean singleValue,
    int totalDocs,
    int cardinality,
    boolean sorted,
    boolean hasDictionary,
    int bitsPerElement,
    int maxNumberOfMultiValues,
    long totalNumberOfEntries,
    @Nullable Object minValue,
    @Nullable Object maxValue,
    boolean hasInvertedIndex) {

  /// Record equality, except that `byte[]` min/max values (BYTES columns) compare by content.
  @Override
  public boolean equals(Object other) {
    return other instanceof ColumnMetadata that && name.equals(that.name) && dataType == that.dataType
        && fieldType == that.fieldType && singleValue == that.singleValue && totalDocs == that.totalDocs
        && cardinality == that.cardinality && sorted == that.sorted && hasDictionary == that.hasDictionary
        && bitsPerElement == that.bitsPerElement && maxNumberOfMultiValues == that.maxNumberOfMultiValues
        && totalNumberOfEntries == that.totalNumberOfEntries && Objects.deepEquals(minValue, that.minValue)
        && Objects.deepEquals(maxValue, that.maxValue) && hasInvertedIndex == that.hasInvertedIndex;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, dataType, fieldType, singleValue, totalDocs, cardinality, sorted, hasDictionary,
        bitsPerElement, maxNumberOfMultiValues, totalNumberOfEntries, Arrays.deepHashCode(new Object[] {minValue,
            maxValue}), hasInvertedIndex);
  }
}
