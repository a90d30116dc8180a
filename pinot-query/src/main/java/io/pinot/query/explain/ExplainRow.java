// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.explain;

import static java.util.Objects.requireNonNull;

import io.pinot.common.datatable.ColumnDataType;
import io.pinot.common.datatable.DataSchema;
import java.util.List;

/// One row of Pinot's single-stage EXPLAIN PLAN result: `Operator` (STRING), `Operator_Id` (INT) and `Parent_Id`
/// (INT). The broker's `BROKER_REDUCE` is operator 1 under parent 0, the server's combine operator 2 under 1, and
/// segment operators count from 3; a `PLAN_START(numSegmentsForThisPlan:N)` row (ids -1, -1) opens each distinct
/// segment plan. Servers send these rows in DataTables of [#SCHEMA]. Immutable.
public record ExplainRow(String operator, int operatorId, int parentId) {
  /// The columns of an explain result, on the wire and in the broker response.
  public static final DataSchema SCHEMA = new DataSchema(List.of("Operator", "Operator_Id", "Parent_Id"),
      List.of(ColumnDataType.STRING, ColumnDataType.INT, ColumnDataType.INT));
  static final String PLAN_START = "PLAN_START(numSegmentsForThisPlan:";
  static final int PLAN_START_ID = -1;
  static final String ALL_SEGMENTS_PRUNED_ON_SERVER = "ALL_SEGMENTS_PRUNED_ON_SERVER";
  static final String COMBINE = "COMBINE";
  static final String FILTER_EMPTY = "FILTER_EMPTY";
  static final String FILTER_MATCH_ENTIRE_SEGMENT = "FILTER_MATCH_ENTIRE_SEGMENT";
  static final int BROKER_REDUCE_ID = 1;
  static final int COMBINE_ID = 2;
  static final int FIRST_SEGMENT_OPERATOR_ID = 3;

  public ExplainRow {
    requireNonNull(operator, "operator is null");
  }

  static ExplainRow planStart(int numSegments) {
    return new ExplainRow(PLAN_START + numSegments + ")", PLAN_START_ID, PLAN_START_ID);
  }

  Object[] toArray() {
    return new Object[]{operator, operatorId, parentId};
  }
}
