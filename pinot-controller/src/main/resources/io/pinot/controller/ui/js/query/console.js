// SPDX-License-Identifier: Apache-2.0
// The Query Console: tables and their columns on the left, the SQL editor, options, history, and the results.
import { get, post, seg } from '../api.js';
import { el, errorBox, loading, replace, table } from '../dom.js';
import { schemaColumns } from '../schema.js';
import { createEditor } from './editor.js';
import * as history from './history.js';
import { renderResponse } from './results.js';

export const SAMPLE_QUERY = 'select * from baseballStats limit 10';
const OPTION = /^\s*[A-Za-z0-9_.]+\s*=\s*[^;=]*$/;

/** Checks "k=v;k2=v2"; returns an error message or null. */
export function checkQueryOptions(text) {
  const bad = text.split(';').filter((part) => part.trim() !== '' && !OPTION.test(part));
  return bad.length === 0 ? null : `Query options must be key=value pairs separated by ';' (not "${bad[0].trim()}")`;
}

export function render(container) {
  const tableList = el('ul', { id: 'table-list', class: 'table-list' });
  const filter = el('input', { id: 'table-filter', type: 'search', placeholder: 'Search tables' });
  const schemaBox = el('div', { id: 'table-schema' });
  const textarea = el('textarea', { id: 'query-editor' });
  const trace = el('input', { type: 'checkbox', id: 'trace-toggle' });
  const options = el('input', { type: 'text', id: 'query-options',
    placeholder: 'Query options, e.g. timeoutMs=10000;useMultistageEngine=true' });
  const runButton = el('button', { id: 'run-query', class: 'primary', text: 'Run Query' });
  const historyList = el('ol', { id: 'query-history', class: 'history' });
  const results = el('div', { id: 'query-results' });
  container.append(el('div', { class: 'console' },
    el('aside', { class: 'console-side card' }, el('h2', { text: 'Tables' }), filter, tableList, schemaBox),
    el('div', { class: 'console-main' },
      el('section', { class: 'card' }, el('h2', { text: 'SQL Editor' }), textarea,
        el('div', { class: 'toolbar' }, el('label', { class: 'toggle' }, trace, ' Tracing'), options,
          el('span', { class: 'spacer' }), el('span', { class: 'muted', text: 'Ctrl+Enter / ⌘+Enter' }), runButton)),
      el('section', { class: 'card' }, el('h2', { text: 'Results' }), results),
      el('section', { class: 'card' }, el('div', { class: 'title-row' }, el('h2', { text: 'Query History' }),
        el('button', { id: 'clear-history', text: 'Clear', on: { click: () => { history.clear(); showHistory(); } } })),
      historyList))));

  const editor = createEditor(textarea, () => run());
  editor.setValue(SAMPLE_QUERY);
  let running = false;

  async function run() {
    const sql = editor.getValue().trim();
    if (running) {
      return;
    }
    if (!sql) {
      replace(results, errorBox({ code: 'UI', message: 'Type a SQL query first' }, 'query-error'));
      return;
    }
    const optionError = checkQueryOptions(options.value);
    if (optionError) {
      replace(results, errorBox({ code: 'UI', message: optionError }, 'query-error'));
      return;
    }
    const body = { sql, trace: trace.checked };
    if (options.value.trim()) {
      body.queryOptions = options.value.trim();
    }
    running = true;
    runButton.disabled = true;
    replace(results, loading('Running query...'));
    try {
      const response = await post('/sql', body);
      history.add(sql);
      showHistory();
      renderResponse(results, response);
    } catch (e) {
      replace(results, errorBox(e, 'query-error'));
    } finally {
      running = false;
      runButton.disabled = false;
    }
  }
  runButton.addEventListener('click', run);

  function showHistory() {
    replace(historyList, history.list().map((entry) => el('li', {},
      el('a', { href: '#/query', class: 'history-entry', title: new Date(entry.at).toLocaleString(), text: entry.sql,
        on: { click: (event) => { event.preventDefault(); editor.setValue(entry.sql); editor.focus(); } } }))));
  }
  showHistory();

  let tableNames = [];
  const columnsByTable = {};
  function showTables() {
    const term = filter.value.trim().toLowerCase();
    replace(tableList, tableNames.filter((t) => t.toLowerCase().includes(term)).map((name) => el('li', {},
      el('a', { href: '#/query', class: 'table-entry', dataset: { table: name }, text: name,
        on: { click: (event) => { event.preventDefault(); showSchema(name); } } }))));
  }
  filter.addEventListener('input', showTables);

  async function showSchema(name) {
    replace(schemaBox, loading());
    try {
      const columns = schemaColumns(await get(`/tables/${seg(name)}/schema`));
      columnsByTable[name] = columns.map((c) => c[0]);
      editor.setTables({ ...columnsByTable });
      replace(schemaBox, el('h3', { text: name }),
        table(['Column', 'Type', 'Field type'], columns.map((c) => c.slice(0, 3)), { id: 'schema-columns' }));
      editor.setValue(`select * from ${name} limit 10`);
    } catch (e) {
      replace(schemaBox, errorBox(e, 'schema-error'));
    }
  }

  (async () => {
    replace(tableList, loading());
    try {
      tableNames = ((await get('/tables')).tables || []).slice().sort();
      showTables();
    } catch (e) {
      replace(tableList, errorBox(e, 'tables-error'));
      return;
    }
    // Columns of every table, for completion; a table whose schema fails is still completed by name.
    const failures = [];
    await Promise.all(tableNames.map(async (name) => {
      try {
        columnsByTable[name] = schemaColumns(await get(`/tables/${seg(name)}/schema`)).map((c) => c[0]);
      } catch (e) {
        columnsByTable[name] = [];
        failures.push(`${name} (${e.code}: ${e.message})`);
      }
    }));
    editor.setTables({ ...columnsByTable });
    if (failures.length > 0) {
      tableList.after(el('p', { id: 'completion-warning', class: 'error-inline',
        text: `Columns not loaded for completion: ${failures.join(', ')}` }));
    }
  })();
  return null;
}
