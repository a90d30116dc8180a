// SPDX-License-Identifier: Apache-2.0
// The Query Console's history: the last queries run, newest first, kept in the browser's localStorage.

const KEY = 'pinot.queryConsole.history';
const MAX_ENTRIES = 50;

/** The stored entries, [{sql, at}], newest first; an unreadable store counts as empty. */
export function list() {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) || '[]');
    return Array.isArray(stored) ? stored.filter((e) => e && typeof e.sql === 'string') : [];
  } catch (e) {
    return [];
  }
}

/** Records a query (moving an earlier copy of the same text to the top). */
export function add(sql) {
  const entries = list().filter((e) => e.sql !== sql);
  entries.unshift({ sql, at: Date.now() });
  try {
    localStorage.setItem(KEY, JSON.stringify(entries.slice(0, MAX_ENTRIES)));
  } catch (e) {
    // A full or disabled store only loses the history; the query itself ran.
  }
}

export function clear() {
  localStorage.removeItem(KEY);
}
