import { err, ok, type Result } from '../../domain/result.js';

/**
 * One HTTP client for every integration (Jira, GitHub, Confluence, Slack): base URL, auth header,
 * JSON, and the rate-limit manners each API documents:
 * - 429 and 503 are retried after `Retry-After` (seconds or an HTTP date), else with exponential backoff;
 * - GitHub's `x-ratelimit-remaining: 0` waits until `x-ratelimit-reset` (epoch seconds) before the
 *   next request, and a 403 with remaining 0 is a rate limit, not a refusal;
 * - network failures are retried with backoff.
 * Waiting goes through the injected `sleep`, so tests assert the delays without spending them.
 * Secrets never leave: every message is scrubbed of them, and URLs in messages carry no query.
 */

export type IntegrationError =
  | { readonly kind: 'config'; readonly message: string; readonly field?: string }
  | { readonly kind: 'auth'; readonly status: number; readonly message: string }
  | { readonly kind: 'not-found'; readonly message: string }
  | { readonly kind: 'rate-limited'; readonly message: string }
  | { readonly kind: 'http'; readonly status: number; readonly message: string }
  | { readonly kind: 'network'; readonly message: string }
  | { readonly kind: 'bad-response'; readonly message: string };

export type HttpAuth =
  | { readonly kind: 'basic'; readonly user: string; readonly secret: string }
  | { readonly kind: 'bearer'; readonly secret: string }
  | { readonly kind: 'none' };

export interface HttpDeps {
  /** Waits this many milliseconds. */
  readonly sleep: (ms: number) => Promise<void>;
  /** Epoch milliseconds, for rate-limit resets. */
  readonly now: () => number;
  readonly fetch?: typeof globalThis.fetch;
}

export interface HttpClientOptions {
  /** e.g. https://acme.atlassian.net; request paths are resolved against it. */
  readonly baseUrl: string;
  readonly auth: HttpAuth;
  /** The service's name in messages: "Jira", "GitHub". */
  readonly service: string;
  /** What to check when credentials are refused, e.g. "the API token in JIRA_API_TOKEN and the e-mail". */
  readonly authHint: string;
  /** Retries of one request after 429/503/network failures (default 6). */
  readonly maxRetries?: number;
  /** The longest single wait accepted (default 15 min); a longer Retry-After fails as rate-limited. */
  readonly maxWaitMs?: number;
}

export interface HttpRequest {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** A path (`/rest/api/3/myself`) or a full URL on the same service (a `next` link). */
  readonly path: string;
  readonly query?: Readonly<Record<string, string | number | boolean | undefined>>;
  /** Sent as JSON. */
  readonly json?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: Headers;
  /** Parsed JSON when the answer is JSON, else the text. */
  readonly body: unknown;
}

export interface HttpClient {
  /** Sends, waiting out rate limits; any status outside 2xx is an error value. */
  send(request: HttpRequest): Promise<Result<HttpResponse, IntegrationError>>;
  /** Total time spent waiting on rate limits and backoff, in ms (for progress and benches). */
  waitedMs(): number;
  /** Requests sent, retries included. */
  requests(): number;
}

const BACKOFF_BASE_MS = 1000;
const BACKOFF_CAP_MS = 60_000;

export function httpClient(options: HttpClientOptions, deps: HttpDeps): HttpClient {
  const doFetch = deps.fetch ?? globalThis.fetch;
  const maxRetries = options.maxRetries ?? 6;
  const maxWait = options.maxWaitMs ?? 15 * 60_000;
  const secrets = secretsOf(options.auth);
  const scrub = (text: string) => secrets.reduce((t, s) => t.split(s).join('***'), text);
  const authHeader = authorization(options.auth);
  let blockedUntil = 0;
  let waited = 0;
  let sent = 0;

  const wait = async (ms: number) => {
    if (ms <= 0) return;
    waited += ms;
    await deps.sleep(ms);
  };

  async function send(request: HttpRequest): Promise<Result<HttpResponse, IntegrationError>> {
    const url = resolve(options.baseUrl, request.path, request.query);
    if (!url.ok) return url;
    const where = `${request.method ?? 'GET'} ${url.value.origin}${url.value.pathname}`;
    const headers: Record<string, string> = { accept: 'application/json', 'user-agent': 'throughline', ...request.headers };
    if (authHeader) headers.authorization = authHeader;
    if (request.json !== undefined) headers['content-type'] = 'application/json';
    for (let attempt = 0; ; attempt++) {
      await wait(blockedUntil - deps.now());
      let response: Response;
      sent++;
      try {
        response = await doFetch(url.value, {
          method: request.method ?? 'GET',
          headers,
          ...(request.json !== undefined ? { body: JSON.stringify(request.json) } : {}),
          redirect: 'follow',
        });
      } catch (e) {
        if (attempt < maxRetries) {
          await wait(backoff(attempt));
          continue;
        }
        const cause = e instanceof Error ? ((e.cause as Error | undefined)?.message ?? e.message) : String(e);
        return err({
          kind: 'network',
          message: scrub(`Could not reach ${options.service} at ${where}: ${cause}. Check the URL and the network.`),
        });
      }
      noteRateLimit(response.headers);
      // GitHub's secondary limits answer 403 with Retry-After; a 403 with no budget left is a limit too.
      const limited =
        response.status === 429 ||
        response.status === 503 ||
        (response.status === 403 && (response.headers.get('x-ratelimit-remaining') === '0' || response.headers.has('retry-after')));
      if (limited) {
        await response.body?.cancel();
        const delay = retryDelay(response.headers, attempt);
        if (attempt >= maxRetries || delay > maxWait) {
          return err({
            kind: 'rate-limited',
            message: `${options.service} is rate-limiting ${where} (HTTP ${response.status}) and asks to wait ${Math.ceil(delay / 1000)} s; gave up after ${attempt + 1} tries. Try again later.`,
          });
        }
        await wait(delay);
        continue;
      }
      const body = await readBody(response);
      if (response.ok) return ok({ status: response.status, headers: response.headers, body });
      return err(failure(response.status, where, body));
    }
  }

  function noteRateLimit(h: Headers): void {
    if (h.get('x-ratelimit-remaining') !== '0') return;
    const reset = Number(h.get('x-ratelimit-reset'));
    if (Number.isFinite(reset) && reset > 0) blockedUntil = Math.max(blockedUntil, reset * 1000);
  }

  function retryDelay(h: Headers, attempt: number): number {
    const retryAfter = h.get('retry-after');
    if (retryAfter !== null) {
      const seconds = Number(retryAfter);
      if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
      const at = Date.parse(retryAfter);
      if (Number.isFinite(at)) return Math.max(0, at - deps.now());
    }
    const reset = Number(h.get('x-ratelimit-reset'));
    if (h.get('x-ratelimit-remaining') === '0' && Number.isFinite(reset) && reset > 0) return Math.max(0, reset * 1000 - deps.now());
    return backoff(attempt);
  }

  function failure(status: number, where: string, body: unknown): IntegrationError {
    const said = scrub(describeBody(body)).replace(/[.\s]+$/, '');
    const detail = said ? `: ${said}` : '';
    if (status === 401)
      return {
        kind: 'auth',
        status,
        message: `${options.service} refused the credentials (HTTP 401) for ${where}${detail}. Check ${options.authHint}.`,
      };
    if (status === 403)
      return {
        kind: 'auth',
        status,
        message: `${options.service} denied access (HTTP 403) to ${where}${detail}. The account lacks permission; check ${options.authHint} and its access.`,
      };
    if (status === 404) return { kind: 'not-found', message: `${options.service} has nothing at ${where} (HTTP 404)${detail}.` };
    return { kind: 'http', status, message: `${options.service} answered HTTP ${status} to ${where}${detail}.` };
  }

  return { send, waitedMs: () => waited, requests: () => sent };
}

function backoff(attempt: number): number {
  return Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt);
}

function resolve(base: string, path: string, query: HttpRequest['query']): Result<URL, IntegrationError> {
  let url: URL;
  try {
    url = new URL(path, base.endsWith('/') ? base : `${base}/`);
    // A leading slash is relative to the base's own path (GitHub Enterprise's /api, Confluence's /wiki).
    if (path.startsWith('/') && !/^[a-z]+:/i.test(path)) {
      const basePath = new URL(base).pathname.replace(/\/$/, '');
      url = new URL(`${basePath}${path}`, base);
    }
  } catch {
    return err({
      kind: 'config',
      message: `"${base}" is not a URL; give the full address, e.g. https://acme.atlassian.net`,
      field: 'site',
    });
  }
  if (url.origin !== new URL(base).origin)
    return err({ kind: 'bad-response', message: `refused to follow a link to another site: ${url.origin}` });
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
  return ok(url);
}

function authorization(auth: HttpAuth): string | undefined {
  if (auth.kind === 'basic') return `Basic ${Buffer.from(`${auth.user}:${auth.secret}`).toString('base64')}`;
  if (auth.kind === 'bearer') return `Bearer ${auth.secret}`;
  return undefined;
}

function secretsOf(auth: HttpAuth): string[] {
  if (auth.kind === 'none' || auth.secret.length < 4) return [];
  const out = [auth.secret];
  const header = authorization(auth);
  if (header) out.push(header.slice(header.indexOf(' ') + 1));
  return out;
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if ((response.headers.get('content-type') ?? '').includes('json') || /^\s*[{[]/.test(text)) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

/** The human part of an error body: Jira's errorMessages/errors, GitHub's message, Confluence's errors, or the text. */
function describeBody(body: unknown): string {
  if (typeof body === 'string') return body.trim().slice(0, 300);
  if (!body || typeof body !== 'object') return '';
  const b = body as Record<string, unknown>;
  const parts: string[] = [];
  if (Array.isArray(b.errorMessages)) parts.push(...b.errorMessages.map(String));
  if (b.errors && typeof b.errors === 'object' && !Array.isArray(b.errors)) {
    for (const [k, v] of Object.entries(b.errors as Record<string, unknown>)) parts.push(`${k}: ${String(v)}`);
  }
  if (Array.isArray(b.errors)) {
    for (const e of b.errors)
      if (e && typeof e === 'object')
        parts.push(String((e as { message?: unknown; title?: unknown }).message ?? (e as { title?: unknown }).title ?? ''));
  }
  if (typeof b.message === 'string') parts.push(b.message);
  return parts
    .filter((p) => p.length > 0)
    .join('; ')
    .slice(0, 300);
}
