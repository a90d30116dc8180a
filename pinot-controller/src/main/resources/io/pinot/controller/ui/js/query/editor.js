// SPDX-License-Identifier: Apache-2.0
// The SQL editor: CodeMirror 5 (from the webjar) with SQL highlighting, completion of keywords, table names and
// column names, and Ctrl+Enter / Cmd+Enter to run.

const FROM_TABLE = /\bfrom\s+"?([A-Za-z_][\w.-]*)"?/i;

/** Replaces textarea with the editor; onRun is called on Ctrl+Enter or Cmd+Enter. */
export function createEditor(textarea, onRun) {
  if (!window.CodeMirror) {
    throw new Error('The SQL editor (CodeMirror) did not load from /webjars/codemirror');
  }
  let tables = {};
  const run = () => {
    onRun();
  };
  const cm = window.CodeMirror.fromTextArea(textarea, {
    mode: 'text/x-sql',
    lineNumbers: true,
    matchBrackets: true,
    lineWrapping: true,
    extraKeys: { 'Ctrl-Enter': run, 'Cmd-Enter': run, 'Ctrl-Space': 'autocomplete' },
    hintOptions: { tables, completeSingle: false },
  });
  const updateHints = () => {
    // Unqualified column names complete from the table the query reads.
    const match = FROM_TABLE.exec(cm.getValue());
    const defaultTable = match && tables[match[1]] ? match[1] : undefined;
    cm.setOption('hintOptions', { tables, defaultTable, completeSingle: false });
  };
  cm.on('change', updateHints);
  cm.on('inputRead', (instance, change) => {
    if (change.origin === '+input' && /[\w.]$/.test(change.text.join(''))) {
      instance.showHint({ completeSingle: false });
    }
  });
  return {
    getValue: () => cm.getValue(),
    setValue: (value) => {
      cm.setValue(value);
      cm.setCursor(cm.lineCount(), 0);
    },
    focus: () => cm.focus(),
    /** tables: {tableName: [columnName, ...]}, used for completion. */
    setTables: (value) => {
      tables = value;
      updateHints();
    },
  };
}
