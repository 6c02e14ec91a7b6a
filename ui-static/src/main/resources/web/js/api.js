// The API client: JSON in and out, the session's CSRF token on every request that changes something, and every
// failure turned into an ApiError carrying the API's own message and the field (and query column) it names.

let csrfToken = null;
let onSessionEnded = () => {};

/** @param {string|null} token the csrfToken from POST/GET /api/session */
export function setCsrfToken(token) {
  csrfToken = token;
}

/** @param {(error: ApiError) => void} listener called when a request answers 401 (the session ended) */
export function whenSessionEnds(listener) {
  onSessionEnded = listener;
}

export class ApiError extends Error {
  constructor(status, detail) {
    super(detail.message);
    this.status = status;
    this.code = detail.code;
    this.field = detail.field || null;
    this.column = detail.column || null;
    this.incident = detail.incident || null;
  }
}

const UNREADABLE = {
  code: 'unreadable',
  message: 'the server gave an answer that could not be read; try again in a moment',
};

async function send(method, path, body, accept) {
  const headers = { Accept: accept };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response;
  try {
    response = await fetch(path, {
      method, headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, { code: 'network', message: 'the server cannot be reached; check the connection and try again' });
  }
  if (!response.ok) {
    const payload = await response.json().catch(() => null);
    const error = new ApiError(response.status, (payload && payload.error) || UNREADABLE);
    if (response.status === 401 && path !== '/api/session') onSessionEnded(error);
    throw error;
  }
  return response;
}

/** @returns the parsed JSON body, or null for 204 */
export async function api(method, path, body) {
  const response = await send(method, path, body, 'application/json');
  if (response.status === 204) return null;
  return response.json();
}

export const get = (path) => api('GET', path);
export const post = (path, body) => api('POST', path, body === undefined ? {} : body);
export const put = (path, body) => api('PUT', path, body);
export const patch = (path, body) => api('PATCH', path, body);
export const del = (path) => api('DELETE', path);

/** @returns the raw response of a request whose body is a file */
export function fetchFile(method, path, body) {
  return send(method, path, body, '*/*');
}

/** Saves a response's body as a file, named as the server (Content-Disposition) or the caller says. */
export async function download(response, fallbackName) {
  const disposition = response.headers.get('Content-Disposition') || '';
  const named = /filename\*=UTF-8''([^;]+)/i.exec(disposition) || /filename="?([^";]+)"?/i.exec(disposition);
  const name = named ? decodeURIComponent(named[1]) : fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}

/** @returns the id part of an API path segment, escaped */
export const seg = (id) => encodeURIComponent(id);
