// SPDX-License-Identifier: Apache-2.0
// Small DOM helpers shared by the pages: element creation, tables, error boxes.

/**
 * Creates an element. attrs: class, id, text, title, dataset (object), on (event -> handler), and any other
 * attribute. Children may be strings, nodes, null or arrays of those.
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (key === 'class') {
      node.className = value;
    } else if (key === 'text') {
      node.textContent = value;
    } else if (key === 'dataset') {
      Object.assign(node.dataset, value);
    } else if (key === 'on') {
      for (const [event, handler] of Object.entries(value)) {
        node.addEventListener(event, handler);
      }
    } else if (key in node && typeof value !== 'string') {
      node[key] = value;
    } else {
      node.setAttribute(key, value === true ? '' : value);
    }
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      append(node, child);
    } else {
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
}

/** Removes every child of node and appends the given children. */
export function replace(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

/** A cell value as text: arrays and objects as JSON, null as "null". */
export function cellText(value) {
  if (value === null || value === undefined) {
    return 'null';
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * A table. columns: header names; rows: arrays of cell values or nodes. options: id, class, onRowClick(row, index),
 * rowData(row, index) -> dataset object for the <tr>.
 */
export function table(columns, rows, options = {}) {
  const head = el('thead', {}, el('tr', {}, columns.map((c) => el('th', { text: c }))));
  const body = el('tbody', {}, rows.map((row, index) => el('tr', {
    class: options.onRowClick ? 'clickable' : null,
    dataset: options.rowData ? options.rowData(row, index) : null,
    on: options.onRowClick ? { click: () => options.onRowClick(row, index) } : {},
  }, row.map((cell) => el('td', {}, cell instanceof Node ? cell : cellText(cell))))));
  return el('table', { id: options.id, class: `grid ${options.class || ''}` }, head, body);
}

/** A visible error: Pinot's code and message, and the call that failed. */
export function errorBox(error, id) {
  const code = error && error.code !== undefined ? error.code : '';
  return el('div', { class: 'error-box', id, role: 'alert', dataset: { code: String(code) } },
    el('strong', { class: 'error-code', text: `Error ${code}` }),
    el('span', { class: 'error-message', text: ` ${error && error.message ? error.message : error}` }),
    error && error.call ? el('div', { class: 'error-call', text: error.call }) : null);
}

/** A titled section of a page. */
export function section(title, id, ...children) {
  return el('section', { class: 'card', id }, el('h2', { text: title }), children);
}

export function loading(text = 'Loading...') {
  return el('div', { class: 'loading', text });
}

/** Bytes as a short human-readable size. */
export function formatBytes(bytes) {
  if (typeof bytes !== 'number' || bytes < 0) {
    return String(bytes);
  }
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}

/** A modal dialog; returns {node, close}. The body is given as children. */
export function dialog(title, id, ...children) {
  const overlay = el('div', { class: 'overlay', id: `${id}-overlay` });
  const close = () => overlay.remove();
  const box = el('div', { class: 'dialog', id, role: 'dialog', 'aria-label': title },
    el('div', { class: 'dialog-title' }, el('h2', { text: title }),
      el('button', { class: 'icon', text: '×', title: 'Close', on: { click: close } })),
    children);
  overlay.append(box);
  document.body.append(overlay);
  return { node: box, close };
}
