// SPDX-License-Identifier: Apache-2.0
// Ingest File: one CSV/JSON/Avro/Parquet file becomes a segment of the OFFLINE table (POST /ingestFromFile), with
// the upload's progress, then the controller's phases from GET /ingestionStatus/{jobId}, then its answer.
import { ApiError, get, seg } from '../api.js';
import { el, errorBox, replace } from '../dom.js';
import { progressBar } from './operations.js';

const FORMATS = ['csv', 'json', 'avro', 'parquet'];

/** The batchConfigMapStr for a format and an optional CSV delimiter. */
export function batchConfig(format, delimiter) {
  const config = { inputFormat: format };
  if (format === 'csv' && delimiter) {
    config['recordReader.prop.delimiter'] = delimiter;
  }
  return JSON.stringify(config);
}

const PHASES = {
  BUILDING_SEGMENT: 'building the segment',
  PUSHING_SEGMENT: 'adding the segment to the table',
  DONE: 'done',
  FAILED: 'failed',
};

function upload(tableName, file, config, jobId, onProgress) {
  return new Promise((resolve, reject) => {
    const url = `/ingestFromFile?tableNameWithType=${encodeURIComponent(`${tableName}_OFFLINE`)}`
      + `&batchConfigMapStr=${encodeURIComponent(config)}&jobId=${encodeURIComponent(jobId)}`;
    const call = `POST ${url}`;
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) {
        onProgress(event.loaded, event.total);
      }
    };
    xhr.upload.onload = () => onProgress(file.size, file.size);
    xhr.onerror = () => reject(new ApiError(0, 0, 'Cannot reach the controller', call));
    xhr.onload = () => {
      let json = null;
      try {
        json = JSON.parse(xhr.responseText);
      } catch (e) {
        json = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(json || {});
      } else {
        reject(new ApiError(xhr.status, json && json.code !== undefined ? json.code : xhr.status,
          json && json.error ? json.error : xhr.statusText, call));
      }
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/** Shows the ingest form in node; onDone runs after a successful ingest (to refresh the segment list). */
export function openIngest(tableName, node, onDone) {
  const fileInput = el('input', { type: 'file', id: 'ingest-file' });
  const format = el('select', { id: 'ingest-format' }, FORMATS.map((f) => el('option', { value: f, text: f })));
  const delimiter = el('input', { id: 'ingest-delimiter', size: 3, value: ',', title: 'CSV delimiter' });
  const status = el('div', { id: 'ingest-status' });
  const start = el('button', { id: 'ingest-start', class: 'primary', text: 'Upload and ingest', on: { click: async () => {
    const file = fileInput.files[0];
    if (!file) {
      replace(status, el('div', { class: 'error-inline', text: 'Choose a file first' }));
      return;
    }
    start.disabled = true;
    const show = (text, percent, phase) => replace(status, el('div', { dataset: { phase } },
      el('div', { id: 'ingest-phase', text }), progressBar('ingest-progress', percent)));
    show(`Uploading ${file.name}: 0%`, 0, 'uploading');
    const jobId = `ui-${Date.now()}-${Math.floor(Math.random() * 1e9)}`;
    let finished = false;
    const followJob = async () => {
      while (!finished) {
        try {
          const job = await get(`/ingestionStatus/${seg(jobId)}`);
          if (!finished) {
            show(`Uploaded ${file.name}; job ${jobId}: ${PHASES[job.phase] || job.phase}...`, 100, job.phase);
          }
        } catch (e) {
          // not recorded yet: the controller is still receiving the file
        }
        await new Promise((resolve) => { setTimeout(resolve, 300); });
      }
    };
    let following = false;
    try {
      const answer = await upload(tableName, file, batchConfig(format.value, delimiter.value), jobId,
        (loaded, total) => {
          const percent = total ? (100 * loaded) / total : 100;
          if (percent < 100) {
            show(`Uploading ${file.name}: ${Math.round(percent)}%`, percent, 'uploading');
          } else if (!following) {
            following = true;
            show(`Uploaded ${file.name}; waiting for the controller...`, 100, 'uploaded');
            followJob();
          }
        });
      finished = true;
      replace(status, el('div', { class: 'ok-box', id: 'ingest-result', dataset: { phase: 'done', jobId },
        text: answer.status || 'Ingested' }));
      if (onDone) {
        onDone();
      }
    } catch (e) {
      finished = true;
      replace(status, errorBox(e, 'ingest-error'));
    } finally {
      start.disabled = false;
    }
  } } });
  replace(node, el('div', { class: 'ingest-form', id: 'ingest-form' },
    el('div', { class: 'muted', text: `One file becomes one segment of ${tableName}_OFFLINE (small files; use `
      + 'a batch ingestion job for large ones).' }),
    el('div', { class: 'title-row' }, fileInput, el('label', { text: 'Format ' }, format),
      el('label', { text: 'Delimiter ' }, delimiter), start),
    status));
}
