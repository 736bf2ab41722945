/**
 * The one way the web app talks to the server: JSON over fetch, the CSRF token echoed on writes,
 * problems (RFC 9457) returned as values so every screen shows the server's own words.
 */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}

export interface ApiProblem {
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly errors: readonly FieldError[];
  /** The whole problem body (e.g. `current` and `currentEtag` on a 409 edit conflict). */
  readonly body: Record<string, unknown>;
}

export type ApiResult<T> = { ok: true; value: T; etag: string | undefined } | { ok: false; problem: ApiProblem };

let csrfToken: string | undefined;
/** The session's CSRF token, from sign-in or GET /api/session; sent in X-CSRF-Token on every write. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

const listeners = new Set<() => void>();
/** Called when the server answers 401: the session has ended. */
export function onSignedOut(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export interface RequestOptions {
  readonly body?: unknown;
  /** Raw text body (file import); sent as it is with `contentType`. */
  readonly text?: string | Blob;
  readonly contentType?: string;
  readonly ifMatch?: string;
  readonly query?: Record<string, string | number | boolean | undefined>;
  readonly signal?: AbortSignal;
}

export function apiUrl(path: string, query?: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function toProblem(response: Response): Promise<ApiProblem> {
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    body = { detail: text.slice(0, 300) };
  }
  return {
    status: response.status,
    title: typeof body.title === 'string' ? body.title : response.statusText || `HTTP ${response.status}`,
    detail: typeof body.detail === 'string' ? body.detail : '',
    errors: Array.isArray(body.errors) ? (body.errors as FieldError[]) : [],
    body,
  };
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.text !== undefined) {
    body = options.text;
    headers['content-type'] = options.contentType ?? 'text/plain';
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] = 'application/json';
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (options.ifMatch) headers['if-match'] = options.ifMatch;
  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method,
      headers,
      ...(body !== undefined ? { body } : {}),
      credentials: 'same-origin',
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    return {
      ok: false,
      problem: { status: 0, title: 'Server unreachable', detail: 'check that Throughline is running, then retry', errors: [], body: {} },
    };
  }
  if (!response.ok) {
    if (response.status === 401 && path !== '/api/session') for (const l of listeners) l();
    return { ok: false, problem: await toProblem(response) };
  }
  const etag = response.headers.get('etag') ?? undefined;
  if (response.status === 204) return { ok: true, value: undefined as T, etag };
  const type = response.headers.get('content-type') ?? '';
  const value = (type.includes('json') ? await response.json() : await response.text()) as T;
  return { ok: true, value, etag };
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PUT', path, { ...options, body }),
  patch: <T>(path: string, body: unknown, ifMatch: string, options?: RequestOptions) =>
    request<T>('PATCH', path, { ...options, body, ifMatch }),
  delete: <T>(path: string, ifMatch?: string) => request<T>('DELETE', path, ifMatch ? { ifMatch } : {}),
};

/** `/api/programs/{id}/…` with each segment encoded. */
export const programPath = (programId: string, ...rest: string[]) =>
  `/api/programs/${encodeURIComponent(programId)}${rest.map((s) => `/${encodeURIComponent(s)}`).join('')}`;
