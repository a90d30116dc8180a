// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.upsert;

/// What the upsert metadata needs of one record: its primary-key map key, its comparison value and whether it is
/// a delete. Immutable apart from the comparison value of several columns (see [ComparisonValues.Multi]).
///
/// @param key the primary-key map key ([PrimaryKeys])
/// @param comparison the comparison value ([ComparisonValues])
/// @param deleted whether the record marks its key deleted (`deleteRecordColumn` true)
record RecordInfo(Object key, Comparable<?> comparison, boolean deleted) {
}
