import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { JiraDataset, StoredIssue } from './jira-dataset.js';
import { parseJql } from './jira-jql.js';

/**
 * A Jira Cloud (and Data Center) that replays a dataset of real recorded issues over HTTP on
 * 127.0.0.1, behaving as Atlassian documents each endpoint, so a client that pages, expands or
 * authenticates wrongly fails here as it would against Jira:
 *
 * - `GET|POST /rest/api/3/search/jql` (Cloud's enhanced search): `nextPageToken` paging, `isLast`,
 *   no `total`; the last page has no `nextPageToken` (JRACLOUD-92184: the key is absent, not null);
 *   `fields` defaults to `id` only; `maxResults` defaults to 50 and is capped at 5,000 when only
 *   id/key are asked for, else at 100 (fewer "where a large number of fields are requested");
 *   `expand=changelog` embeds at most `changelogEmbedLimit` histories (startAt 0, total = all).
 * - `POST /rest/api/3/search/approximate-count` ({jql} → {count}; bounded JQL only).
 * - `GET|POST /rest/api/2/search` and `/rest/api/3/search` (startAt/maxResults/total; the Data
 *   Center style): `fields` defaults to all navigable fields, `maxResults` capped at 100. v2 embeds
 *   the whole changelog (Data Center has no changelog resource); v3 truncates like the enhanced search.
 * - `GET /rest/api/3/issue/{key}/changelog` (startAt, maxResults ≤ 100, oldest first, isLast).
 * - `GET /rest/agile/1.0/board`, `/board/{id}`, `/board/{id}/issue` (startAt, maxResults ≤ 50,
 *   `jql` narrows the board's filter, `fields`; `expand` is "currently not used" per the spec, so
 *   no changelog), `/board/{id}/sprint`.
 * - `GET /rest/api/{2,3}/issueLinkType`, `/rest/api/{2,3}/myself`.
 * - Descriptions: v3 answers Atlassian Document Format, v2 plain text, whatever the dataset holds.
 * - 401 with Jira's error body when the Authorization header (basic e-mail:token, or bearer) is
 *   wrong or missing; 400 with `{errorMessages, errors}` for JQL outside the subset of `jira-jql.ts`;
 *   429 with `Retry-After` (seconds) and `X-RateLimit-*` on chosen request numbers.
 *
 * Every request is logged (method, path, query, JSON body, which auth scheme came and whether it
 * was right: never the credential itself) for tests to assert on.
 */

export type ReplayAuth =
  | { readonly kind: 'basic'; readonly email: string; readonly token: string }
  | { readonly kind: 'bearer'; readonly token: string };

export interface JiraReplayOptions {
  readonly dataset: JiraDataset;
  readonly auth: ReplayAuth;
  /** The signed-in user's time zone, in which JQL dates are read (default Europe/Berlin). */
  readonly timeZone?: string;
  /** Histories embedded per issue by `expand=changelog` on Cloud searches (default 100). */
  readonly changelogEmbedLimit?: number;
  /** The classic "Epic Link" custom field id, if this site has one (enables `"Epic Link" in (…)`). */
  readonly epicLinkField?: string;
}

export interface LoggedRequest {
  /** 1-based over all requests the server answered, the 429s included. */
  readonly n: number;
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly body?: unknown;
  readonly auth: 'basic' | 'bearer' | 'other' | 'none';
  readonly authorized: boolean;
  readonly status: number;
}

export interface JiraReplayServer {
  readonly url: string;
  readonly dataset: JiraDataset;
  readonly requests: LoggedRequest[];
  /** Answer request number `n` (1-based, counting every request) with 429 and `Retry-After: seconds`. */
  rateLimitOn(n: number, retryAfterSeconds: number): void;
  stop(): Promise<void>;
}

const ENHANCED_DEFAULT = 50;
const KEY_ONLY_CAP = 5000;
const FIELDS_CAP = 100;
const BOARD_CAP = 50;
const CHANGELOG_CAP = 100;

export async function startJiraReplay(options: JiraReplayOptions): Promise<JiraReplayServer> {
  const data = options.dataset;
  const timeZone = options.timeZone ?? 'Europe/Berlin';
  const embedLimit = options.changelogEmbedLimit ?? 100;
  const requests: LoggedRequest[] = [];
  const limits = new Map<number, number>();
  let base = '';

  const jqlOptions = { timeZone, ...(options.epicLinkField ? { epicLinkField: options.epicLinkField } : {}) };

  function checkAuth(header: string | undefined): { auth: LoggedRequest['auth']; authorized: boolean } {
    if (!header) return { auth: 'none', authorized: false };
    const [scheme, value = ''] = header.split(' ', 2);
    if (scheme?.toLowerCase() === 'basic') {
      const want =
        options.auth.kind === 'basic' ? Buffer.from(`${options.auth.email}:${options.auth.token}`).toString('base64') : undefined;
      return { auth: 'basic', authorized: want !== undefined && value === want };
    }
    if (scheme?.toLowerCase() === 'bearer')
      return { auth: 'bearer', authorized: options.auth.kind === 'bearer' && value === options.auth.token };
    return { auth: 'other', authorized: false };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', base);
    const method = req.method ?? 'GET';
    const raw = await readBody(req);
    let body: unknown;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw) as unknown;
      } catch {
        body = raw;
      }
    }
    const n = requests.length + 1;
    const { auth, authorized } = checkAuth(req.headers.authorization);
    const query: Record<string, string> = {};
    for (const [k, v] of url.searchParams) query[k] = k in query ? `${query[k]},${v}` : v;
    const reply = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      requests.push({ n, method, path: url.pathname, query, ...(body !== undefined ? { body } : {}), auth, authorized, status });
      const text = JSON.stringify(payload);
      res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8', 'content-length': Buffer.byteLength(text), ...headers });
      res.end(text);
    };
    const retryAfter = limits.get(n);
    if (retryAfter !== undefined) {
      // Atlassian's rate-limit answer: Retry-After in seconds, X-RateLimit-Reset an ISO 8601 time.
      reply(
        429,
        { errorMessages: ['Rate limit exceeded.'], errors: {} },
        {
          'retry-after': String(retryAfter),
          'x-ratelimit-limit': '100',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': new Date(Date.now() + retryAfter * 1000).toISOString(),
          'ratelimit-reason': 'jira-burst-based',
        },
      );
      return;
    }
    if (!authorized) {
      reply(
        401,
        { errorMessages: ['You are not authenticated. Authentication required to perform this operation.'], errors: {} },
        {
          'www-authenticate': 'OAuth realm="https%3A%2F%2Freplay.atlassian.net"',
        },
      );
      return;
    }
    const answer = route(method, url, body);
    reply(answer.status, answer.body);
  }

  type Answer = { status: number; body: unknown };
  const bad = (message: string): Answer => ({ status: 400, body: { errorMessages: [message], errors: {} } });
  const notFound = (message: string): Answer => ({ status: 404, body: { errorMessages: [message], errors: {} } });

  function route(method: string, url: URL, body: unknown): Answer {
    const p = url.pathname;
    const q = url.searchParams;
    const params = method === 'POST' && body && typeof body === 'object' ? (body as Record<string, unknown>) : undefined;
    if (p === '/rest/api/3/search/jql' && (method === 'GET' || method === 'POST'))
      return enhancedSearch(params ? fromBody(params) : fromQuery(q));
    if (p === '/rest/api/3/search/approximate-count' && method === 'POST') return approximateCount(params);
    const search = /^\/rest\/api\/(2|3)\/search$/.exec(p);
    if (search && (method === 'GET' || method === 'POST'))
      return offsetSearch(search[1] === '2' ? 2 : 3, params ? fromBody(params) : fromQuery(q));
    if (method !== 'GET') return { status: 405, body: { errorMessages: [`${method} is not supported here`], errors: {} } };
    if (/^\/rest\/api\/(2|3)\/myself$/.test(p)) return { status: 200, body: data.myself };
    const linkTypes = /^\/rest\/api\/(2|3)\/issueLinkType$/.exec(p);
    if (linkTypes) {
      const issueLinkTypes = data.linkTypes.map((t) => ({ ...t, self: `${base}/rest/api/${linkTypes[1]}/issueLinkType/${t.id}` }));
      return { status: 200, body: { issueLinkTypes } };
    }
    const log = /^\/rest\/api\/3\/issue\/([^/]+)\/changelog$/.exec(p);
    if (log) return changelog(decodeURIComponent(log[1] as string), q);
    if (p === '/rest/agile/1.0/board') {
      const values = data.boards.map((b) => boardJson(b));
      return { status: 200, body: offsetPage(values, q, BOARD_CAP, 'values') };
    }
    const m = /^\/rest\/agile\/1\.0\/board\/(\d+)(\/issue|\/sprint)?$/.exec(p);
    if (m) {
      const board = data.boards.find((b) => b.id === Number(m[1]));
      if (!board) return notFound(`Board does not exist or you do not have permission to see it.`);
      if (!m[2]) return { status: 200, body: boardJson(board) };
      if (m[2] === '/sprint') {
        // The recorded sprints come from a board the corpus does not have (734): a board without sprints of its own shows them.
        const own = data.sprints.filter((s) => s.originBoardId === board.id);
        const sprints = own.length > 0 ? own : data.sprints;
        return { status: 200, body: offsetPage(sprints, q, BOARD_CAP, 'values') };
      }
      const narrow = q.get('jql');
      const jql = narrow ? `(${board.jql}) AND (${narrow.replace(/\s+ORDER\s+BY\s+.*$/i, '')})` : board.jql;
      const order = narrow && /\sORDER\s+BY\s/i.test(narrow) ? narrow.slice(narrow.search(/\sORDER\s+BY\s/i)) : '';
      const found = select(`${jql}${order}`);
      if (!found.ok) return bad(found.message);
      const startAt = nonNegative(q.get('startAt'), 0);
      const max = Math.min(nonNegative(q.get('maxResults'), BOARD_CAP) || BOARD_CAP, BOARD_CAP);
      const fields = listParam(q.getAll('fields'));
      const page = found.issues.slice(startAt, startAt + max);
      return {
        status: 200,
        body: {
          expand: 'names,schema',
          startAt,
          maxResults: max,
          total: found.issues.length,
          issues: page.map((i) =>
            issueJson(i, 3, fields.length > 0 ? fields : ['*navigable'], false, 0, `/rest/agile/1.0/board/${board.id}/issue/`),
          ),
        },
      };
    }
    return notFound(`No resource at ${p} in this replay of Jira.`);
  }

  interface SearchParams {
    jql: string;
    fields: string[];
    expand: string[];
    maxResults?: number;
    startAt?: number;
    nextPageToken?: string;
  }

  function fromQuery(q: URLSearchParams): SearchParams {
    const out: SearchParams = { jql: q.get('jql') ?? '', fields: listParam(q.getAll('fields')), expand: listParam(q.getAll('expand')) };
    if (q.has('maxResults')) out.maxResults = Number(q.get('maxResults'));
    if (q.has('startAt')) out.startAt = Number(q.get('startAt'));
    const token = q.get('nextPageToken');
    if (token) out.nextPageToken = token;
    return out;
  }

  function fromBody(b: Record<string, unknown>): SearchParams {
    const list = (v: unknown) => (Array.isArray(v) ? listParam(v.map(String)) : typeof v === 'string' ? listParam([v]) : []);
    const out: SearchParams = { jql: typeof b.jql === 'string' ? b.jql : '', fields: list(b.fields), expand: list(b.expand) };
    if (typeof b.maxResults === 'number') out.maxResults = b.maxResults;
    if (typeof b.startAt === 'number') out.startAt = b.startAt;
    if (typeof b.nextPageToken === 'string') out.nextPageToken = b.nextPageToken;
    return out;
  }

  // What a query found, until the data changes: paging through 20,000 issues must not filter and sort them for every page.
  const found = new Map<string, { version: number; issues: StoredIssue[] }>();
  function select(jql: string): { ok: true; issues: StoredIssue[] } | { ok: false; message: string } {
    const cached = found.get(jql);
    if (cached && cached.version === data.version) return { ok: true, issues: cached.issues };
    const parsed = parseJql(jql, jqlOptions);
    if (!parsed.ok) return parsed;
    const issues = [...data.issues.values()].filter((i) => parsed.query.matches(i)).sort(parsed.query.compare);
    if (found.size > 100) found.clear();
    found.set(jql, { version: data.version, issues });
    return { ok: true, issues };
  }

  function enhancedSearch(s: SearchParams): Answer {
    if (s.jql.trim() === '') return bad('Unbounded JQL queries are not allowed here. Please add a search restriction to your query.');
    const found = select(s.jql);
    if (!found.ok) return bad(found.message);
    let offset = 0;
    if (s.nextPageToken !== undefined) {
      const token = readToken(s.nextPageToken);
      if (!token || token.jql !== s.jql) return bad('The provided next page token is invalid or expired.');
      offset = token.offset;
    }
    const fields = s.fields.length > 0 ? s.fields : ['id'];
    const keyOnly = fields.every((f) => f === 'id' || f === 'key');
    const cap = keyOnly ? KEY_ONLY_CAP : FIELDS_CAP;
    const max = Math.min(s.maxResults !== undefined && s.maxResults > 0 ? s.maxResults : ENHANCED_DEFAULT, cap);
    const page = found.issues.slice(offset, offset + max);
    const isLast = offset + max >= found.issues.length;
    const withLog = s.expand.includes('changelog');
    return {
      status: 200,
      body: {
        issues: page.map((i) => issueJson(i, 3, fields, withLog, embedLimit)),
        ...(isLast ? {} : { nextPageToken: makeToken(s.jql, offset + max) }),
        isLast,
      },
    };
  }

  /** Cloud's count for a bounded JQL (POST {jql} → {count}); exact here, "approximate" in Jira. */
  function approximateCount(params: Record<string, unknown> | undefined): Answer {
    const jql = typeof params?.jql === 'string' ? params.jql : '';
    if (jql.trim() === '') return bad('Unbounded JQL queries are not allowed here. Please add a search restriction to your query.');
    const found = select(jql);
    return found.ok ? { status: 200, body: { count: found.issues.length } } : bad(found.message);
  }

  function offsetSearch(version: 2 | 3, s: SearchParams): Answer {
    const found = select(s.jql);
    if (!found.ok) return bad(found.message);
    const startAt = Math.max(0, s.startAt ?? 0);
    const max = Math.min(s.maxResults !== undefined && s.maxResults >= 0 ? s.maxResults : 50, FIELDS_CAP);
    const fields = s.fields.length > 0 ? s.fields : ['*navigable'];
    const withLog = s.expand.includes('changelog');
    return {
      status: 200,
      body: {
        expand: 'names,schema',
        startAt,
        maxResults: max,
        total: found.issues.length,
        issues: found.issues
          .slice(startAt, startAt + max)
          .map((i) => issueJson(i, version, fields, withLog, version === 2 ? Number.POSITIVE_INFINITY : embedLimit)),
      },
    };
  }

  function changelog(key: string, q: URLSearchParams): Answer {
    const issue = data.issues.get(key) ?? [...data.issues.values()].find((i) => i.id === key);
    if (!issue) return notFound('Issue does not exist or you do not have permission to see it.');
    const startAt = nonNegative(q.get('startAt'), 0);
    const max = Math.min(nonNegative(q.get('maxResults'), CHANGELOG_CAP) || CHANGELOG_CAP, CHANGELOG_CAP);
    const values = issue.histories.slice(startAt, startAt + max);
    const isLast = startAt + max >= issue.histories.length;
    const self = `${base}/rest/api/3/issue/${issue.key}/changelog`;
    return {
      status: 200,
      body: {
        self: `${self}?startAt=${startAt}&maxResults=${max}`,
        ...(isLast ? {} : { nextPage: `${self}?startAt=${startAt + max}&maxResults=${max}` }),
        maxResults: max,
        startAt,
        total: issue.histories.length,
        isLast,
        values,
      },
    };
  }

  function issueJson(
    issue: StoredIssue,
    version: 2 | 3,
    wanted: string[],
    withLog: boolean,
    embed: number,
    selfPath?: string,
  ): Record<string, unknown> {
    const out: Record<string, unknown> = {
      expand: 'operations,versionedRepresentations,editmeta,changelog,renderedFields',
      id: issue.id,
      self: `${base}${selfPath ?? `/rest/api/${version}/issue/`}${issue.id}`,
      key: issue.key,
      fields: pickFields(issue.fields, wanted, version),
    };
    if (withLog) {
      const histories = issue.histories.length > embed ? issue.histories.slice(0, embed) : issue.histories;
      out.changelog = { startAt: 0, maxResults: histories.length, total: issue.histories.length, histories };
    }
    return out;
  }

  function boardJson(b: JiraDataset['boards'][number]): Record<string, unknown> {
    return {
      id: b.id,
      self: `${base}/rest/agile/1.0/board/${b.id}`,
      name: b.name,
      type: b.type,
      ...(b.projectKey ? { location: { projectKey: b.projectKey, displayName: b.projectKey, name: b.projectKey } } : {}),
    };
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errorMessages: [`replay server failure: ${e instanceof Error ? e.message : String(e)}`], errors: {} }));
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    url: base,
    dataset: data,
    requests,
    rateLimitOn: (n, seconds) => limits.set(n, seconds),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** `fields=a,b&fields=c` → [a, b, c]. */
function listParam(values: string[]): string[] {
  return values
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
}

function nonNegative(text: string | null, fallback: number): number {
  const n = Number(text);
  return text !== null && Number.isInteger(n) && n >= 0 ? n : fallback;
}

function offsetPage<T>(all: readonly T[], q: URLSearchParams, cap: number, name: string): Record<string, unknown> {
  const startAt = nonNegative(q.get('startAt'), 0);
  const max = Math.min(nonNegative(q.get('maxResults'), cap) || cap, cap);
  return { maxResults: max, startAt, total: all.length, isLast: startAt + max >= all.length, [name]: all.slice(startAt, startAt + max) };
}

/** Jira's `fields` parameter: names, `*all`/`*navigable`, `-name` to leave one out. */
function pickFields(fields: Record<string, unknown>, wanted: string[], version: 2 | 3): Record<string, unknown> {
  const all = wanted.includes('*all') || wanted.includes('*navigable');
  const out: Record<string, unknown> = {};
  if (all) Object.assign(out, fields);
  for (const w of wanted) {
    if (w.startsWith('-')) delete out[w.slice(1)];
    else if (!w.startsWith('*') && w !== 'id' && w !== 'key' && w in fields) out[w] = fields[w];
  }
  if ('description' in out) out.description = version === 3 ? toAdf(out.description) : fromAdf(out.description);
  return out;
}

function toAdf(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  return {
    type: 'doc',
    version: 1,
    content: value.split(/\n{2,}/).map((p) => ({ type: 'paragraph', content: [{ type: 'text', text: p }] })),
  };
}

function fromAdf(value: unknown): unknown {
  if (!value || typeof value !== 'object') return value;
  const text = (node: unknown): string => {
    if (!node || typeof node !== 'object') return '';
    const n = node as { type?: string; text?: string; content?: unknown[] };
    if (typeof n.text === 'string') return n.text;
    const inner = (n.content ?? []).map(text);
    return n.type === 'doc' ? inner.join('\n\n') : inner.join('');
  };
  return text(value);
}

function makeToken(jql: string, offset: number): string {
  return Buffer.from(JSON.stringify({ jql, offset })).toString('base64url');
}

function readToken(token: string): { jql: string; offset: number } | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { jql?: unknown; offset?: unknown };
    return typeof parsed.jql === 'string' && typeof parsed.offset === 'number' ? { jql: parsed.jql, offset: parsed.offset } : undefined;
  } catch {
    return undefined;
  }
}
