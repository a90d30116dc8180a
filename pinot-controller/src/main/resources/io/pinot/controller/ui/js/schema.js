// SPDX-License-Identifier: Apache-2.0
// Reading Pinot schemas for display and completion.

/** The columns of a Pinot schema: [name, dataType, fieldType, single/multi value]. */
export function schemaColumns(schema) {
  const columns = [];
  const add = (specs, fieldType) => (specs || []).forEach((s) => columns.push(
    [s.name, s.dataType, fieldType, s.singleValueField === false ? 'multi' : 'single']));
  add(schema.dimensionFieldSpecs, 'DIMENSION');
  add(schema.metricFieldSpecs, 'METRIC');
  add(schema.dateTimeFieldSpecs, 'DATE_TIME');
  if (schema.timeFieldSpec && schema.timeFieldSpec.incomingGranularitySpec) {
    add([schema.timeFieldSpec.incomingGranularitySpec], 'TIME');
  }
  return columns;
}
