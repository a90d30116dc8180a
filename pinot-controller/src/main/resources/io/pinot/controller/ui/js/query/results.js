// SPDX-License-Identifier: Apache-2.0
// Renders a broker response in the Query Console: exceptions (Pinot's errorCode and message), the query stats, and
// the result as a table, a chart, JSON or its trace, with CSV and JSON export.
import { el, replace, table } from '../dom.js';
import { chartShape, drawChart } from './chart.js';
import { download, toCsv, toJson } from './export.js';

/** Pinot's stats fields shown under a result, in this order (those present in the response). */
export const STAT_FIELDS = ['timeUsedMs', 'numDocsScanned', 'totalDocs', 'numServersQueried', 'numServersResponded',
  'numSegmentsQueried', 'numSegmentsProcessed', 'numSegmentsMatched', 'numConsumingSegmentsQueried',
  'numEntriesScannedInFilter', 'numEntriesScannedPostFilter', 'numGroupsLimitReached', 'partialResult',
  'minConsumingFreshnessTimeMs', 'numRowsResultSet', 'brokerId', 'requestId'];

function exceptionsBox(exceptions) {
  return el('div', { id: 'query-exceptions', class: 'error-box', role: 'alert' },
    exceptions.map((e) => el('div', { class: 'query-exception', dataset: { errorCode: String(e.errorCode) } },
      el('strong', { class: 'error-code', text: `Error ${e.errorCode}` }),
      el('pre', { class: 'error-message', text: e.message }))));
}

function statsTable(response) {
  const fields = STAT_FIELDS.filter((f) => response[f] !== undefined);
  return el('div', { class: 'scroll-x' }, el('table', { id: 'query-stats', class: 'grid stats' },
    el('thead', {}, el('tr', {}, fields.map((f) => el('th', { text: f })))),
    el('tbody', {}, el('tr', {}, fields.map((f) => el('td', { dataset: { stat: f }, text: String(response[f]) }))))));
}

function traceView(response) {
  const trace = response.traceInfo || {};
  if (Object.keys(trace).length === 0) {
    return el('p', { id: 'trace-info', class: 'muted', text: 'No trace: turn on Tracing and run the query again.' });
  }
  const pretty = {};
  for (const [server, value] of Object.entries(trace)) {
    try {
      pretty[server] = JSON.parse(value);
    } catch (e) {
      pretty[server] = value;
    }
  }
  return el('pre', { id: 'trace-info', class: 'json' }, JSON.stringify(pretty, null, 2));
}

/** Shows response (the JSON of POST /sql) in container. */
export function renderResponse(container, response) {
  const resultTable = response.resultTable;
  const exceptions = response.exceptions || [];
  const view = el('div', { id: 'result-view' });
  const shape = chartShape(resultTable);
  let chart = null;
  let chartKind = 'bar';
  const tabs = {};
  const show = (name) => {
    if (chart) {
      chart.destroy();
      chart = null;
    }
    Object.entries(tabs).forEach(([key, button]) => button.classList.toggle('active', key === name));
    replace(view);
    if (name === 'table') {
      view.append(resultTable
        ? table(resultTable.dataSchema.columnNames, resultTable.rows, { id: 'result-table' })
        : el('p', { class: 'muted', text: 'No result table.' }));
    } else if (name === 'chart') {
      view.append(el('div', { class: 'toolbar' },
        el('button', { id: 'chart-bar', class: chartKind === 'bar' ? 'active' : '', text: 'Bar',
          on: { click: () => { chartKind = 'bar'; show('chart'); } } }),
        el('button', { id: 'chart-line', class: chartKind === 'line' ? 'active' : '', text: 'Line',
          on: { click: () => { chartKind = 'line'; show('chart'); } } })));
      chart = drawChart(view, resultTable, chartKind);
    } else if (name === 'json') {
      view.append(el('pre', { id: 'result-json', class: 'json', text: JSON.stringify(response, null, 2) }));
    } else {
      view.append(traceView(response));
    }
  };
  const tab = (name, label, enabled = true) => {
    tabs[name] = el('button', { id: `view-${name}`, class: 'tab', text: label, disabled: !enabled,
      title: enabled ? null : 'A chart needs one label column and at least one numeric column',
      on: { click: () => show(name) } });
    return tabs[name];
  };
  const exportButtons = resultTable ? [
    el('button', { id: 'export-csv', text: 'Export CSV',
      on: { click: () => download('query-result.csv', toCsv(resultTable), 'text/csv') } }),
    el('button', { id: 'export-json', text: 'Export JSON',
      on: { click: () => download('query-result.json', toJson(resultTable), 'application/json') } }),
  ] : [];
  replace(container,
    exceptions.length > 0 ? exceptionsBox(exceptions) : null,
    statsTable(response),
    el('div', { class: 'toolbar' }, tab('table', 'Table'), tab('chart', 'Chart', shape !== null), tab('json', 'JSON'),
      tab('trace', 'Trace'), el('span', { class: 'spacer' }), exportButtons),
    view);
  show(resultTable || exceptions.length === 0 ? 'table' : 'json');
}
