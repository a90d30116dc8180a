// SPDX-License-Identifier: Apache-2.0
// An instance's page: its host, ports, enabled flag, liveness, tags, and the segments it hosts (from the external
// views of every table).
import { get, seg } from '../api.js';
import { el, errorBox, loading, replace, section, table } from '../dom.js';

async function hostedSegments(instanceName) {
  const names = (await get('/tables')).tables || [];
  const rows = [];
  await Promise.all(names.map(async (name) => {
    const external = await get(`/tables/${seg(name)}/externalview`);
    for (const type of ['OFFLINE', 'REALTIME']) {
      for (const [segment, servers] of Object.entries(external[type] || {})) {
        if (servers[instanceName] !== undefined) {
          rows.push([el('a', { href: `#/tables/${seg(name)}`, text: name }), type, segment,
            el('span', { class: `state-${servers[instanceName]}`, text: servers[instanceName] })]);
        }
      }
    }
  }));
  rows.sort((a, b) => `${a[0].textContent}/${a[2]}`.localeCompare(`${b[0].textContent}/${b[2]}`));
  return rows;
}

export function render(container, params) {
  const name = params.instanceName;
  const details = el('div', { id: 'instance-details' }, loading());
  const segments = el('div', { id: 'instance-segments' }, loading());
  container.append(el('p', {}, el('a', { href: '#/', text: '← Cluster Manager' })),
    section(name, 'instance', details), section('Hosted segments', 'instance-segments-card', segments));
  (async () => {
    try {
      const [info, live] = await Promise.all([get(`/instances/${seg(name)}`), get('/liveinstances')]);
      const alive = (live.instances || []).includes(name);
      replace(details, table(['Property', 'Value'], [
        ['Host', info.hostName], ['Port', info.port], ['Enabled', String(info.enabled)],
        ['Status', alive ? 'Alive' : 'Dead'],
        ['Tags', el('span', { class: 'tags', id: 'instance-tags' },
          (info.tags || []).map((t) => el('span', { class: 'badge', text: t })))],
        ['Admin port', info.adminPort ?? ''], ['gRPC port', info.grpcPort ?? ''],
      ], { id: 'instance-properties' }));
    } catch (e) {
      replace(details, errorBox(e, 'instance-error'));
    }
  })();
  (async () => {
    try {
      const rows = await hostedSegments(name);
      replace(segments, rows.length ? table(['Table', 'Type', 'Segment', 'State'], rows, { id: 'hosted-segments' })
        : el('p', { class: 'muted', text: 'This instance hosts no segments.' }));
    } catch (e) {
      replace(segments, errorBox(e));
    }
  })();
  return null;
}
