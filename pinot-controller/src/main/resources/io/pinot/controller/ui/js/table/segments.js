// SPDX-License-Identifier: Apache-2.0
// A table's segments with their state on each server (external view against ideal state), a state filter, and a
// segment's metadata with Reset Segment and Reload Segment on click.
import { get, post, seg } from '../api.js';
import { el, errorBox, loading, replace, table } from '../dom.js';

export const STATES = ['ONLINE', 'CONSUMING', 'OFFLINE', 'ERROR'];

/** One row per segment replica: {type, segment, server, ideal, actual}; actual is "MISSING" when not in the view. */
export function segmentReplicas(idealStates, externalViews) {
  const rows = [];
  for (const type of ['OFFLINE', 'REALTIME']) {
    const ideal = idealStates[type] || {};
    const external = externalViews[type] || {};
    const segments = new Set([...Object.keys(ideal), ...Object.keys(external)]);
    for (const segment of [...segments].sort()) {
      const servers = new Set([...Object.keys(ideal[segment] || {}), ...Object.keys(external[segment] || {})]);
      for (const server of [...servers].sort()) {
        rows.push({ type, segment, server, ideal: (ideal[segment] || {})[server] || '-',
          actual: (external[segment] || {})[server] || 'MISSING' });
      }
    }
  }
  return rows;
}

export function segmentsView(tableName) {
  const filter = el('select', { id: 'segment-state-filter' },
    el('option', { value: '', text: 'All states' }), STATES.map((s) => el('option', { value: s, text: s })));
  const list = el('div', { id: 'segment-list', class: 'table-scroll' }, loading());
  const details = el('div', { id: 'segment-details' });
  let replicas = [];

  function show() {
    const wanted = filter.value;
    const rows = replicas.filter((r) => !wanted || r.actual === wanted);
    replace(list, rows.length === 0 ? el('p', { class: 'muted', text: wanted ? `No ${wanted} segments` : 'No segments' })
      : table(['Segment', 'Type', 'Server', 'Ideal state', 'External view'], rows.map((r) => [
        r.segment, r.type, r.server, r.ideal, el('span', { class: `state-${r.actual}`, text: r.actual })]),
      { id: 'segment-table', onRowClick: (row, i) => showSegment(rows[i]),
        rowData: (row, i) => ({ segment: rows[i].segment, state: rows[i].actual }) }));
  }
  filter.addEventListener('change', show);

  async function showSegment(replica) {
    const tableNameWithType = `${tableName}_${replica.type}`;
    const result = el('div', { id: 'segment-action-result' });
    const action = async (label, path) => {
      replace(result, loading(`${label}...`));
      try {
        const answer = await post(path);
        replace(result, el('div', { class: 'ok-box', text: answer.status || JSON.stringify(answer) }));
      } catch (e) {
        replace(result, errorBox(e));
      }
    };
    replace(details, el('h3', { text: replica.segment }),
      el('div', { class: 'toolbar' },
        el('button', { id: 'reset-segment', text: 'Reset Segment', title: 'Resets the segment on its servers (for ERROR)',
          on: { click: () => action('Resetting', `/segments/${seg(tableNameWithType)}/${seg(replica.segment)}/reset`) } }),
        el('button', { id: 'reload-segment', text: 'Reload Segment',
          on: { click: () => action('Reloading',
            `/segments/${seg(tableName)}/${seg(replica.segment)}/reload?type=${replica.type}`) } })),
      result, loading());
    try {
      const metadata = await get(`/segments/${seg(tableName)}/${seg(replica.segment)}/metadata?type=${replica.type}`);
      details.lastChild.replaceWith(el('pre', { id: 'segment-metadata', class: 'json',
        text: JSON.stringify(metadata, null, 2) }));
    } catch (e) {
      details.lastChild.replaceWith(errorBox(e, 'segment-metadata-error'));
    }
  }

  async function refresh() {
    try {
      const [ideal, external] = await Promise.all([get(`/tables/${seg(tableName)}/idealstate`),
        get(`/tables/${seg(tableName)}/externalview`)]);
      replicas = segmentReplicas(ideal, external);
      show();
    } catch (e) {
      replace(list, errorBox(e, 'segments-error'));
    }
  }
  refresh();
  const node = el('div', {}, el('div', { class: 'toolbar' }, el('label', {}, 'State: ', filter),
    el('button', { id: 'refresh-segments', text: 'Refresh', on: { click: refresh } })), list, details);
  return { node, refresh };
}
