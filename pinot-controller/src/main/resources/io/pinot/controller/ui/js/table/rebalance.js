// SPDX-License-Identifier: Apache-2.0
// The Rebalance dialog: Pinot's options, checked before sending POST /tables/{t}/rebalance; a dry run shows the
// rebalanceSummaryResult, a real run polls GET /rebalanceStatus/{jobId} until it ends.
import { get, post, seg } from '../api.js';
import { dialog, el, errorBox, formatBytes, loading, replace, table } from '../dom.js';
import { progressBar } from './operations.js';

const FLAGS = [
  ['dryRun', true, 'Only compute the new assignment and its summary; move nothing'],
  ['downtime', false, 'Move all replicas at once (the table may be unavailable); ignores minAvailableReplicas'],
  ['reassignInstances', true, 'Recompute the instance assignment from the tenant config first'],
  ['includeConsuming', true, 'Also move CONSUMING segments (REALTIME tables)'],
  ['bootstrap', false, 'Reassign every segment from scratch instead of minimizing movement'],
];
const ENDED = new Set(['DONE', 'NO_OP', 'FAILED', 'ABORTED', 'CANCELLED', 'UNKNOWN_ERROR']);
const POLL_MS = 500;

/** The query string for the options, or an error message. */
export function rebalanceQuery(values) {
  const min = String(values.minAvailableReplicas).trim();
  if (!/^-?\d+$/.test(min)) {
    return { error: 'minAvailableReplicas must be a whole number (negative: how many replicas may be down)' };
  }
  if (!['OFFLINE', 'REALTIME'].includes(values.type)) {
    return { error: 'Choose the table type to rebalance' };
  }
  const params = new URLSearchParams({ type: values.type });
  FLAGS.forEach(([name]) => params.set(name, String(Boolean(values[name]))));
  params.set('minAvailableReplicas', min);
  return { query: params.toString() };
}

function changeTable(change) {
  return change ? `${change.valueBeforeRebalance} → ${change.expectedValueAfterRebalance}` : '';
}

/** The summary of a rebalance result: status, description, servers and segments. */
export function summaryView(result) {
  const summary = result.rebalanceSummaryResult || {};
  const servers = summary.serverInfo || {};
  const segments = summary.segmentInfo || {};
  const list = (values) => (values && values.length ? values.join(', ') : '-');
  const perServer = Object.entries(servers.serverSegmentChangeInfo || {}).map(([server, c]) => [server,
    c.serverStatus, c.totalSegmentsBeforeRebalance, c.totalSegmentsAfterRebalance, c.segmentsAdded,
    c.segmentsDeleted, c.segmentsUnchanged]);
  return el('div', { id: 'rebalance-summary', dataset: { status: result.status } },
    el('p', {}, el('span', { class: `badge ${result.status === 'FAILED' ? 'bad' : 'good'}`, id: 'rebalance-status',
      text: result.status }), ' ', el('span', { id: 'rebalance-description', text: result.description || '' })),
    result.rebalanceSummaryResult ? [
      el('h3', { text: 'Servers' }),
      table(['Item', 'Value'], [['Servers (before → after)', changeTable(servers.numServers)],
        ['Servers getting new segments', servers.numServersGettingNewSegments ?? ''],
        ['Servers added', list(servers.serversAdded)], ['Servers removed', list(servers.serversRemoved)],
        ['Servers unchanged', list(servers.serversUnchanged)]], { id: 'rebalance-server-info' }),
      perServer.length ? table(['Server', 'Status', 'Segments before', 'Segments after', 'Added', 'Deleted',
        'Unchanged'], perServer, { id: 'rebalance-server-changes' }) : null,
      el('h3', { text: 'Segments' }),
      table(['Item', 'Value'], [['Segments to be moved', segments.totalSegmentsToBeMoved ?? ''],
        ['Segments to be deleted', segments.totalSegmentsToBeDeleted ?? ''],
        ['Max segments added to one server', segments.maxSegmentsAddedToASingleServer ?? ''],
        ['Data to be moved', formatBytes(segments.totalEstimatedDataToBeMovedInBytes ?? 0)],
        ['Replication factor', changeTable(segments.replicationFactor)],
        ['Segments in one replica', changeTable(segments.numSegmentsInSingleReplica)],
        ['Segments across replicas', changeTable(segments.numSegmentsAcrossAllReplicas)]],
      { id: 'rebalance-segment-info' })] : null);
}

async function pollStatus(jobId, node, isOpen) {
  while (isOpen()) {
    let answer;
    try {
      answer = await get(`/rebalanceStatus/${seg(jobId)}`);
    } catch (e) {
      replace(node, errorBox(e, 'rebalance-progress-error'));
      return;
    }
    const stats = answer.tableRebalanceProgressStats || {};
    const overall = stats.rebalanceProgressStatsOverall || {};
    const remaining = typeof overall.percentageRemainingSegmentsToBeAdded === 'number'
      ? overall.percentageRemainingSegmentsToBeAdded : (ENDED.has(stats.status) ? 0 : 100);
    replace(node, el('div', { id: 'rebalance-progress', dataset: { status: stats.status || '' } },
      el('div', { text: `Job ${jobId}: ${stats.status || 'unknown'} ${stats.completionStatusMsg || ''}` }),
      progressBar('rebalance-progress-bar', 100 - remaining)));
    if (ENDED.has(stats.status)) {
      return;
    }
    await new Promise((resolve) => { setTimeout(resolve, POLL_MS); });
  }
}

/** Opens the dialog for tableName; types are the table's types (OFFLINE, REALTIME). */
export function openRebalance(tableName, types) {
  const inputs = {};
  const type = el('select', { id: 'rebalance-type' }, types.map((t) => el('option', { value: t, text: t })));
  const min = el('input', { type: 'text', id: 'rebalance-minAvailableReplicas', value: '-1' });
  const rows = FLAGS.map(([name, initial, hint]) => {
    inputs[name] = el('input', { type: 'checkbox', id: `rebalance-${name}`, checked: initial });
    return [el('label', { for: `rebalance-${name}`, text: name }), inputs[name], el('div', { class: 'hint', text: hint })];
  });
  const syncDowntime = () => { min.disabled = inputs.downtime.checked; };
  inputs.downtime.addEventListener('change', syncDowntime);
  const output = el('div', { id: 'rebalance-output' });
  const submit = el('button', { id: 'rebalance-submit', class: 'primary', text: 'Rebalance' });
  let open = true;
  const { close } = dialog(`Rebalance ${tableName}`, 'rebalance-dialog',
    el('div', { class: 'form-grid' }, el('label', { for: 'rebalance-type', text: 'type' }), type, rows,
      el('label', { for: 'rebalance-minAvailableReplicas', text: 'minAvailableReplicas' }), min),
    el('div', { class: 'toolbar' }, el('span', { class: 'spacer' }), submit), output);
  document.getElementById('rebalance-dialog-overlay').querySelector('button.icon')
    .addEventListener('click', () => { open = false; });
  submit.addEventListener('click', async () => {
    const values = { type: type.value, minAvailableReplicas: min.value };
    FLAGS.forEach(([name]) => { values[name] = inputs[name].checked; });
    const { query, error } = rebalanceQuery(values);
    if (error) {
      replace(output, errorBox({ code: 'INVALID', message: error }, 'rebalance-validation-error'));
      return;
    }
    submit.disabled = true;
    replace(output, loading(values.dryRun ? 'Computing the dry run...' : 'Starting the rebalance...'));
    try {
      const result = await post(`/tables/${seg(tableName)}/rebalance?${query}`);
      const progress = el('div');
      replace(output, summaryView(result), progress);
      if (!values.dryRun && result.status === 'IN_PROGRESS' && result.jobId) {
        await pollStatus(result.jobId, progress, () => open);
      }
    } catch (e) {
      replace(output, errorBox(e, 'rebalance-error'));
    } finally {
      submit.disabled = false;
    }
  });
  return close;
}
