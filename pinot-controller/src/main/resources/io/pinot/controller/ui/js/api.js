// SPDX-License-Identifier: Apache-2.0
// Calls to the controller's REST API. Every failure becomes an ApiError carrying Pinot's {"code", "error"}.

/** A failed REST call: the HTTP status, Pinot's error code and message, and the call that failed. */
export class ApiError extends Error {
  constructor(status, code, message, call) {
    super(message);
    this.status = status;
    this.code = code;
    this.call = call;
  }
}

/** Sends one request; resolves to the parsed JSON (or text) answer, rejects with an ApiError. */
export async function request(method, path, body) {
  const options = { method, headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    options.body = typeof body === 'string' ? body : JSON.stringify(body);
    options.headers['Content-Type'] = 'application/json';
  }
  const call = `${method} ${path}`;
  let response;
  try {
    response = await fetch(path, options);
  } catch (e) {
    throw new ApiError(0, 0, `Cannot reach the controller: ${e.message}`, call);
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (e) {
    json = null;
  }
  if (!response.ok) {
    const code = json && json.code !== undefined ? json.code : response.status;
    const message = json && json.error ? json.error : (text || response.statusText);
    throw new ApiError(response.status, code, message, call);
  }
  return json !== null ? json : text;
}

export const get = (path) => request('GET', path);
export const post = (path, body) => request('POST', path, body === undefined ? '' : body);
export const put = (path, body) => request('PUT', path, body);
export const del = (path) => request('DELETE', path);

/** Encodes one path segment (table, segment or instance name). */
export const seg = (name) => encodeURIComponent(name);
