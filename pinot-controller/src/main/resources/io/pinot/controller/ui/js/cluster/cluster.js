// SPDX-License-Identifier: Apache-2.0
// The Cluster Manager (home page): the cluster name, tenants, instances by role with liveness, and tables with
// their status (external view against ideal state).
import { get, seg } from '../api.js';
import { el, errorBox, loading, replace, section, table } from '../dom.js';

const ROLES = [['Controller_', 'Controllers'], ['Broker_', 'Brokers'], ['Server_', 'Servers'],
  ['Minion_', 'Minions']];

/** "GOOD" when every segment replica of the ideal state is in the same state in the external view. */
export function tableStatus(idealStates, externalViews) {
  let replicas = 0;
  let matching = 0;
  let errors = 0;
  for (const type of ['OFFLINE', 'REALTIME']) {
    const ideal = idealStates[type] || {};
    const external = externalViews[type] || {};
    for (const [segment, servers] of Object.entries(ideal)) {
      for (const [server, state] of Object.entries(servers)) {
        replicas++;
        const actual = (external[segment] || {})[server];
        if (actual === 'ERROR') {
          errors++;
        } else if (actual === state) {
          matching++;
        }
      }
    }
  }
  const segments = new Set(['OFFLINE', 'REALTIME'].flatMap((t) => Object.keys(idealStates[t] || {}))).size;
  const status = errors > 0 ? 'BAD' : matching === replicas ? 'GOOD' : 'UPDATING';
  return { status, segments, replicas, matching, errors };
}

function badge(text, good) {
  return el('span', { class: `badge ${good ? 'good' : 'bad'}`, text });
}

/** Alive or Dead from Helix's live instances; a controller that is not a Helix participant shows n/a. */
function liveness(name, liveSet) {
  if (liveSet.has(name)) {
    return badge('Alive', true);
  }
  return name.startsWith('Controller_') ? el('span', { class: 'badge', text: 'n/a',
    title: 'Not in /liveinstances: this controller does not join the cluster as a participant' }) : badge('Dead', false);
}

async function instancesSection(node) {
  const [all, live] = await Promise.all([get('/instances'), get('/liveinstances')]);
  const liveSet = new Set(live.instances || []);
  const details = await Promise.all((all.instances || []).map((name) => get(`/instances/${seg(name)}`)
    .catch((e) => ({ instanceName: name, error: e }))));
  const groups = ROLES.map(([prefix, title]) => {
    const members = details.filter((d) => d.instanceName.startsWith(prefix));
    const rows = members.map((d) => [
      el('a', { href: `#/instances/${seg(d.instanceName)}`, text: d.instanceName }),
      d.error ? el('span', { class: 'error-inline', text: `${d.error.code}: ${d.error.message}` })
        : badge(d.enabled ? 'Enabled' : 'Disabled', d.enabled),
      liveness(d.instanceName, liveSet),
      d.hostName || '', d.port || '', (d.tags || []).join(', ')]);
    return el('div', { id: `instances-${title.toLowerCase()}` }, el('h3', { text: `${title} (${members.length})` }),
      rows.length ? table(['Instance', 'Enabled', 'Status', 'Host', 'Port', 'Tags'], rows)
        : el('p', { class: 'muted', text: 'None' }));
  });
  replace(node, groups);
}

async function tenantsSection(node) {
  const tenants = await get('/tenants');
  const rows = [...(tenants.SERVER_TENANTS || []).map((t) => [t, 'SERVER']),
    ...(tenants.BROKER_TENANTS || []).map((t) => [t, 'BROKER'])];
  replace(node, rows.length ? table(['Tenant', 'Type'], rows, { id: 'tenant-table' })
    : el('p', { class: 'muted', text: 'No tenants' }));
}

async function tablesSection(node) {
  const names = ((await get('/tables')).tables || []).slice().sort();
  const rows = await Promise.all(names.map(async (name) => {
    try {
      const [ideal, external] = await Promise.all([get(`/tables/${seg(name)}/idealstate`),
        get(`/tables/${seg(name)}/externalview`)]);
      const status = tableStatus(ideal, external);
      const types = ['OFFLINE', 'REALTIME'].filter((t) => ideal[t]).join(', ');
      return [el('a', { href: `#/tables/${seg(name)}`, class: 'table-link', text: name }), types,
        String(status.segments), badge(status.status, status.status === 'GOOD')];
    } catch (e) {
      return [el('a', { href: `#/tables/${seg(name)}`, text: name }), '', '',
        el('span', { class: 'error-inline', text: `${e.code}: ${e.message}` })];
    }
  }));
  replace(node, rows.length ? table(['Table', 'Types', 'Segments', 'Status'], rows, { id: 'cluster-tables' })
    : el('p', { class: 'muted', text: 'No tables yet' }));
}

function load(node, loader) {
  replace(node, loading());
  loader(node).catch((e) => replace(node, errorBox(e)));
}

export function render(container) {
  const info = el('div', { id: 'cluster-info' });
  const tenants = el('div');
  const instances = el('div');
  const tables = el('div');
  container.append(
    section('Cluster', 'cluster-summary', info),
    el('div', { class: 'grid-2' }, section('Tenants', 'tenants', tenants), section('Tables', 'tables', tables)),
    section('Instances', 'instances', instances));
  load(info, async (node) => {
    const cluster = await get('/cluster/info');
    replace(node, el('div', { class: 'summary' },
      el('div', {}, el('div', { class: 'muted', text: 'Cluster name' }),
        el('div', { class: 'value', id: 'cluster-info-name', text: cluster.clusterName }))));
  });
  load(tenants, tenantsSection);
  load(tables, tablesSection);
  load(instances, instancesSection);
  return null;
}
