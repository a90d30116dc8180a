// SPDX-License-Identifier: Apache-2.0
// Long table operations with their progress: Reload All Segments (polling GET /segments/segmentReloadStatus/{jobId})
// and Delete Table (after a confirmation).
import { del, get, post, seg } from '../api.js';
import { el, errorBox, replace } from '../dom.js';

const POLL_MS = 500;
const MAX_POLL_MS = 10 * 60 * 1000;

/** The reload job ids of a reload answer: top-level `reloadJobId`, or Pinot's `status` JSON string per table. */
export function reloadJobIds(answer) {
  const ids = [];
  if (answer && typeof answer.reloadJobId === 'string') {
    ids.push(answer.reloadJobId);
  }
  if (answer && typeof answer.status === 'string' && answer.status.trim().startsWith('{')) {
    try {
      for (const entry of Object.values(JSON.parse(answer.status))) {
        if (entry && entry.reloadJobId) {
          ids.push(entry.reloadJobId);
        }
      }
    } catch (e) {
      // a plain status message: no job id in it
    }
  }
  return [...new Set(ids)];
}

export function progressBar(id, percent) {
  return el('div', { class: 'progress', id, dataset: { percent: String(Math.round(percent)) } },
    el('div', { style: `width: ${Math.max(0, Math.min(100, percent))}%` }));
}

/** Starts a reload of every segment and shows its progress in node until it completes; returns a stop function. */
export function reloadAll(tableName, node) {
  let stopped = false;
  const started = Date.now();
  replace(node, el('div', { id: 'reload-status', class: 'muted', text: 'Sending reload...' }));
  const poll = async (jobId) => {
    while (!stopped) {
      let status;
      try {
        status = await get(`/segments/segmentReloadStatus/${seg(jobId)}`);
      } catch (e) {
        replace(node, errorBox(e, 'reload-error'));
        return;
      }
      const total = status.totalSegmentCount || 0;
      const done = status.successCount || 0;
      const failed = status.failureCount || 0;
      const complete = total > 0 && done + failed >= total;
      replace(node, el('div', { id: 'reload-status', dataset: { complete: String(complete), jobId } },
        el('div', { text: `Reload ${jobId}: ${done} of ${total} segments reloaded`
          + `${failed ? `, ${failed} failed` : ''}${complete ? ' (complete)' : ''}` }),
        progressBar('reload-progress', total ? (100 * done) / total : 0),
        status.totalServerCallsFailed ? el('div', { class: 'error-inline',
          text: `${status.totalServerCallsFailed} of ${status.totalServersQueried} servers did not answer` }) : null));
      if (complete || Date.now() - started > MAX_POLL_MS) {
        return;
      }
      await new Promise((resolve) => { setTimeout(resolve, POLL_MS); });
    }
  };
  (async () => {
    try {
      const answer = await post(`/segments/${seg(tableName)}/reload`);
      const ids = reloadJobIds(answer);
      if (ids.length === 0) {
        replace(node, el('div', { id: 'reload-status', class: 'ok-box', text: answer.status || 'Reload sent' }));
        return;
      }
      await poll(ids[0]);
    } catch (e) {
      replace(node, errorBox(e, 'reload-error'));
    }
  })();
  return () => { stopped = true; };
}

/** Asks for confirmation, then deletes the table and goes back to the Cluster Manager. */
export async function deleteTable(tableName, node) {
  if (!window.confirm(`Delete table ${tableName} and all its segments?`)) {
    return;
  }
  try {
    const answer = await del(`/tables/${seg(tableName)}`);
    replace(node, el('div', { class: 'ok-box', id: 'delete-status', text: answer.status || 'Deleted' }));
    setTimeout(() => { location.hash = '#/'; }, 800);
  } catch (e) {
    replace(node, errorBox(e, 'delete-error'));
  }
}
