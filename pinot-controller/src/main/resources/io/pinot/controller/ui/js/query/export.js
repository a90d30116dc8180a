// SPDX-License-Identifier: Apache-2.0
// CSV and JSON export of a query result, downloaded by the browser.

function csvField(value) {
  const text = value === null || value === undefined ? ''
    : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The result table as CSV (RFC 4180): a header of Pinot's column names, then one line per row. */
export function toCsv(resultTable) {
  const lines = [resultTable.dataSchema.columnNames.map(csvField).join(',')];
  for (const row of resultTable.rows) {
    lines.push(row.map(csvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The result table as JSON: one object per row, keyed by column name. */
export function toJson(resultTable) {
  const names = resultTable.dataSchema.columnNames;
  return JSON.stringify(resultTable.rows.map((row) => Object.fromEntries(names.map((n, i) => [n, row[i]]))),
    null, 2);
}

/** Makes the browser download text as a file. */
export function download(fileName, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
