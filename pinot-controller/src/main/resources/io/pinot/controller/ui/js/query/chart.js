// SPDX-License-Identifier: Apache-2.0
// The chart view of a query result (Chart.js from the webjar): the first non-numeric column gives the labels, each
// numeric column one series. Offered for results with at least one label column and one numeric column.
import { el } from '../dom.js';

const NUMERIC = new Set(['INT', 'LONG', 'FLOAT', 'DOUBLE', 'BIG_DECIMAL']);
const COLORS = ['#2f6fdb', '#e07b28', '#2e9d5b', '#c23b6a', '#7a55c9', '#8a8a20'];

/** {labelIndex, valueIndexes} when the result can be charted, else null. */
export function chartShape(resultTable) {
  if (!resultTable || !resultTable.dataSchema || resultTable.rows.length === 0) {
    return null;
  }
  const types = resultTable.dataSchema.columnDataTypes || [];
  const valueIndexes = types.map((t, i) => (NUMERIC.has(t) ? i : -1)).filter((i) => i >= 0);
  const labelIndex = types.findIndex((t) => !NUMERIC.has(t));
  if (labelIndex < 0 || valueIndexes.length === 0) {
    return null;
  }
  return { labelIndex, valueIndexes };
}

/** Draws the chart into container; kind is 'bar' or 'line'. Returns the Chart (destroy it before redrawing). */
export function drawChart(container, resultTable, kind) {
  const shape = chartShape(resultTable);
  if (!window.Chart) {
    throw new Error('Chart.js did not load from /webjars/chartjs');
  }
  const canvas = el('canvas', { id: 'result-chart', dataset: { kind } });
  container.append(el('div', { class: 'chart-box' }, canvas));
  const names = resultTable.dataSchema.columnNames;
  return new window.Chart(canvas, {
    type: kind,
    data: {
      labels: resultTable.rows.map((row) => String(row[shape.labelIndex])),
      datasets: shape.valueIndexes.map((index, n) => ({
        label: names[index],
        data: resultTable.rows.map((row) => Number(row[index])),
        backgroundColor: COLORS[n % COLORS.length],
        borderColor: COLORS[n % COLORS.length],
      })),
    },
    options: { animation: false, responsive: true, maintainAspectRatio: false,
      plugins: { title: { display: true, text: `${shape.valueIndexes.map((i) => names[i]).join(', ')} by ${names[shape.labelIndex]}` } } },
  });
}
