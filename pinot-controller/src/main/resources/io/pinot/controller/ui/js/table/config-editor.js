// SPDX-License-Identifier: Apache-2.0
// The table config as editable JSON: checked as the user types and again before saving; only a valid config is
// sent (PUT /tables/{t}); the server's own errors are shown with their code and message.
import { get, put, seg } from '../api.js';
import { el, errorBox, loading, replace } from '../dom.js';

/** A problem with the edited text, or null: JSON syntax (with line and column), then the config's basic shape. */
export function validateConfig(text, tableName) {
  let config;
  try {
    config = JSON.parse(text);
  } catch (e) {
    const position = /position (\d+)/.exec(e.message);
    if (position) {
      const before = text.slice(0, Number(position[1])).split('\n');
      return `Invalid JSON at line ${before.length}, column ${before[before.length - 1].length + 1}: ${e.message}`;
    }
    return `Invalid JSON: ${e.message}`;
  }
  if (config === null || typeof config !== 'object' || Array.isArray(config)) {
    return 'The table config must be a JSON object';
  }
  if (typeof config.tableName !== 'string' || config.tableName.trim() === '') {
    return 'The table config needs a "tableName"';
  }
  const rawName = config.tableName.replace(/_(OFFLINE|REALTIME)$/, '');
  if (rawName !== tableName) {
    return `"tableName" is ${config.tableName}, but this page edits table ${tableName}`;
  }
  if (config.tableType !== 'OFFLINE' && config.tableType !== 'REALTIME') {
    return '"tableType" must be OFFLINE or REALTIME';
  }
  return null;
}

export function configEditor(tableName) {
  const typeSelect = el('select', { id: 'table-config-type' });
  const editor = el('textarea', { id: 'table-config-editor', spellcheck: 'false' });
  const message = el('div', { id: 'table-config-message' });
  const save = el('button', { id: 'save-config', class: 'primary', text: 'Save' });
  const revert = el('button', { id: 'revert-config', text: 'Revert' });
  let configs = {};

  const check = () => {
    const problem = validateConfig(editor.value, tableName);
    replace(message, problem ? errorBox({ code: 'JSON', message: problem }, 'config-error') : null);
    return problem;
  };
  const showType = () => {
    editor.value = JSON.stringify(configs[typeSelect.value], null, 2);
    replace(message);
  };
  editor.addEventListener('input', check);
  typeSelect.addEventListener('change', showType);
  revert.addEventListener('click', showType);
  save.addEventListener('click', async () => {
    if (check()) {
      return;
    }
    save.disabled = true;
    replace(message, loading('Saving...'));
    try {
      const answer = await put(`/tables/${seg(tableName)}`, editor.value);
      configs[typeSelect.value] = JSON.parse(editor.value);
      replace(message, el('div', { class: 'ok-box', id: 'config-saved', text: answer.status || 'Saved' }));
    } catch (e) {
      replace(message, errorBox(e, 'config-save-error'));
    } finally {
      save.disabled = false;
    }
  });

  const node = el('div', {}, el('div', { class: 'toolbar' }, el('label', {}, 'Type: ', typeSelect),
    el('span', { class: 'spacer' }), revert, save), editor, message);
  (async () => {
    try {
      configs = await get(`/tables/${seg(tableName)}`);
      replace(typeSelect, Object.keys(configs).map((t) => el('option', { value: t, text: t })));
      showType();
    } catch (e) {
      replace(message, errorBox(e, 'config-load-error'));
    }
  })();
  return node;
}
