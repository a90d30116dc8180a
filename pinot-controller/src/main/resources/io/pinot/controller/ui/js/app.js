// SPDX-License-Identifier: Apache-2.0
// The single-page app: hash routes to pages. Each page module exports render(container, params), which may return
// a function that stops its timers when the user leaves the page.
import { get } from './api.js';
import { el, errorBox, replace } from './dom.js';
import * as cluster from './cluster/cluster.js';
import * as instance from './cluster/instance.js';
import * as queryConsole from './query/console.js';
import * as tablePage from './table/table.js';
import * as zookeeper from './zk/zk.js';

const ROUTES = [
  { pattern: /^\/?$/, nav: 'cluster', page: cluster },
  { pattern: /^\/query$/, nav: 'query', page: queryConsole },
  { pattern: /^\/tables\/([^/]+)$/, nav: 'cluster', page: tablePage, names: ['tableName'] },
  { pattern: /^\/instances\/([^/]+)$/, nav: 'cluster', page: instance, names: ['instanceName'] },
  { pattern: /^\/zookeeper$/, nav: 'zookeeper', page: zookeeper },
];

let stopPage = null;

function route() {
  const hash = location.hash.replace(/^#/, '');
  const [rawPath, queryString] = hash.split('?');
  let path = rawPath;
  try {
    path = decodeURIComponent(rawPath);
  } catch (e) {
    path = rawPath;
  }
  const container = document.getElementById('page');
  if (typeof stopPage === 'function') {
    stopPage();
  }
  stopPage = null;
  const match = ROUTES.map((r) => ({ r, m: r.pattern.exec(path) })).find((x) => x.m);
  for (const link of document.querySelectorAll('#sidenav a[data-route]')) {
    link.classList.toggle('active', match !== undefined && link.dataset.route === match.r.nav);
  }
  if (!match) {
    replace(container, errorBox({ code: 404, message: `No page at #${hash}` }, 'page-error'));
    return;
  }
  const params = Object.fromEntries(new URLSearchParams(queryString || ''));
  (match.r.names || []).forEach((name, i) => { params[name] = match.m[i + 1]; });
  replace(container);
  try {
    stopPage = match.r.page.render(container, params);
  } catch (e) {
    replace(container, errorBox({ code: 'UI', message: e.message }, 'page-error'));
  }
}

async function showClusterName() {
  try {
    const info = await get('/cluster/info');
    replace(document.getElementById('cluster-name'), el('span', { text: `Cluster: ${info.clusterName}` }));
  } catch (e) {
    replace(document.getElementById('cluster-name'), el('span', { class: 'error-inline',
      text: `Cluster info unavailable (${e.code}: ${e.message})` }));
  }
}

window.addEventListener('hashchange', route);
showClusterName();
route();
