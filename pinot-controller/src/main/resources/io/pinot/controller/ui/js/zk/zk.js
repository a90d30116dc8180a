// SPDX-License-Identifier: Apache-2.0
// The ZooKeeper browser (read-only): the ZNode tree from GET /zk/ls, a node's data from GET /zk/get and its stat
// from GET /zk/stat.
import { get } from '../api.js';
import { el, errorBox, loading, replace, table } from '../dom.js';

const q = (path) => `path=${encodeURIComponent(path)}`;
const childPath = (parent, name) => (parent === '/' ? `/${name}` : `${parent}/${name}`);

/** The data of a node as display text: JSON pretty-printed, anything else as is. */
export function displayData(data) {
  if (data === null || data === undefined || data === '') {
    return '(no data)';
  }
  if (typeof data === 'object') {
    return JSON.stringify(data, null, 2);
  }
  try {
    return JSON.stringify(JSON.parse(data), null, 2);
  } catch (e) {
    return String(data);
  }
}

export function render(container, params) {
  const tree = el('div', { class: 'zk-tree card', id: 'zk-tree' });
  const content = el('div', { class: 'zk-content card', id: 'zk-content' },
    el('p', { class: 'muted', text: 'Select a node to see its data.' }));
  container.append(el('div', { class: 'zk' }, tree, content));
  let selected = null;

  async function showNode(path, label) {
    if (selected) {
      selected.classList.remove('selected');
    }
    selected = label;
    if (label) {
      label.classList.add('selected');
    }
    history.replaceState(null, '', `#/zookeeper?${q(path)}`);
    replace(content, el('h2', { id: 'zk-path', text: path }), loading());
    try {
      const [data, stat] = await Promise.all([get(`/zk/get?${q(path)}`), get(`/zk/stat?${q(path)}`)]);
      replace(content, el('h2', { id: 'zk-path', text: path }),
        el('h3', { text: 'Data' }), el('pre', { id: 'zk-data', class: 'json', text: displayData(data) }),
        el('h3', { text: 'Stat' }),
        table(['Field', 'Value'], Object.entries(stat || {}).map(([k, v]) => [k, v]), { id: 'zk-stat' }));
    } catch (e) {
      replace(content, el('h2', { id: 'zk-path', text: path }), errorBox(e, 'zk-error'));
    }
  }

  /** A tree item for path, with its children loaded on first expansion. */
  function node(path, name) {
    const children = el('ul', { hidden: true });
    const toggle = el('span', { class: 'zk-toggle', text: '▸' });
    const label = el('span', { class: 'zk-node', dataset: { path }, text: name });
    let loaded = false;
    const expand = async () => {
      if (!loaded) {
        loaded = true;
        replace(children, el('li', {}, loading()));
        try {
          const names = (await get(`/zk/ls?${q(path)}`)) || [];
          replace(children, names.length ? names.slice().sort().map((n) => node(childPath(path, n), n))
            : el('li', { class: 'muted', text: '(no children)' }));
        } catch (e) {
          replace(children, el('li', {}, errorBox(e)));
        }
      }
      children.hidden = !children.hidden;
      toggle.textContent = children.hidden ? '▸' : '▾';
    };
    toggle.addEventListener('click', expand);
    label.addEventListener('click', () => {
      showNode(path, label);
      if (children.hidden) {
        expand();
      }
    });
    const item = el('li', { dataset: { path } }, toggle, label, children);
    item.expand = expand;
    return item;
  }

  const root = node('/', '/');
  tree.append(el('ul', {}, root));
  root.expand();
  if (params.path) {
    showNode(params.path, null);
  }
  return null;
}
