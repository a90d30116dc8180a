// SPDX-License-Identifier: Apache-2.0
// A table's page: size, schema, segments with their state per server, the editable config, and the operations
// (Reload All Segments, Rebalance, Delete).
import { get, seg } from '../api.js';
import { el, errorBox, formatBytes, loading, replace, section, table } from '../dom.js';
import { schemaColumns } from '../schema.js';
import { configEditor } from './config-editor.js';
import { deleteTable, reloadAll } from './operations.js';
import { openRebalance } from './rebalance.js';
import { segmentsView } from './segments.js';

async function showSummary(tableName, node) {
  try {
    const [size, configs] = await Promise.all([get(`/tables/${seg(tableName)}/size`), get(`/tables/${seg(tableName)}`)]);
    const item = (label, value, id) => el('div', {}, el('div', { class: 'muted', text: label }),
      el('div', { class: 'value', id, text: value }));
    replace(node, el('div', { class: 'summary' },
      item('Table types', Object.keys(configs).join(', '), 'table-types'),
      item('Reported size', formatBytes(size.reportedSizeInBytes), 'table-reported-size'),
      item('Estimated size', formatBytes(size.estimatedSizeInBytes), 'table-estimated-size')));
  } catch (e) {
    replace(node, errorBox(e, 'table-summary-error'));
  }
}

async function showSchema(tableName, node) {
  try {
    const schema = await get(`/tables/${seg(tableName)}/schema`);
    replace(node, table(['Column', 'Data type', 'Field type', 'Values'], schemaColumns(schema),
      { id: 'schema-table' }));
  } catch (e) {
    replace(node, errorBox(e, 'schema-error'));
  }
}

export function render(container, params) {
  const tableName = params.tableName;
  const summary = el('div', {}, loading());
  const schema = el('div', {}, loading());
  const operation = el('div', { id: 'table-operation' });
  const segments = segmentsView(tableName);
  let stopReload = null;
  let closeRebalance = null;
  const reload = el('button', { id: 'reload-segments', text: 'Reload All Segments', on: { click: () => {
    if (stopReload) {
      stopReload();
    }
    stopReload = reloadAll(tableName, operation);
  } } });
  const rebalance = el('button', { id: 'rebalance-open', text: 'Rebalance', on: { click: async () => {
    try {
      closeRebalance = openRebalance(tableName, Object.keys(await get(`/tables/${seg(tableName)}`)));
    } catch (e) {
      replace(operation, errorBox(e));
    }
  } } });
  const remove = el('button', { id: 'delete-table', class: 'danger', text: 'Delete Table',
    on: { click: () => deleteTable(tableName, operation) } });
  container.append(el('p', {}, el('a', { href: '#/', text: '← Cluster Manager' })),
    el('section', { class: 'card', id: 'table-header' },
      el('div', { class: 'title-row' }, el('h2', { id: 'table-title', text: tableName }), el('span', { class: 'spacer' }),
        reload, rebalance, remove),
      summary, operation),
    el('div', { class: 'grid-2' }, section('Schema', 'schema', schema),
      section('Table config', 'table-config', configEditor(tableName))),
    section('Segments', 'segments', segments.node));
  showSummary(tableName, summary);
  showSchema(tableName, schema);
  return () => {
    if (stopReload) {
      stopReload();
    }
    if (closeRebalance) {
      closeRebalance();
    }
  };
}
