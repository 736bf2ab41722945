import { err, ok, type Result } from '../../../domain/result.js';
import type { HttpClient, IntegrationError } from '../http-client.js';

/**
 * Jira's paged resources, read to the end:
 * - Cloud's enhanced search `/rest/api/3/search/jql`: `nextPageToken` until `isLast` (the last page
 *   may omit the token instead of sending null, JRACLOUD-92184);
 * - Data Center's `/rest/api/2/search`: `startAt`/`maxResults`/`total`; the server may cap
 *   `maxResults`, so the next `startAt` counts the issues actually returned;
 * - the Agile board's issues (`startAt`), and an issue's changelog (`startAt`, Cloud only).
 */

/** An issue as a search returns it, keeping only what the mapping reads of its changelog. */
export interface RawIssue {
  readonly id?: string;
  readonly key: string;
  readonly fields: Record<string, unknown>;
  changelog?: { readonly total?: number; histories: RawHistory[] };
}

export interface RawHistory {
  readonly id?: string;
  readonly author?: { readonly displayName?: string };
  readonly created?: string;
  readonly items: readonly { field?: string; fieldId?: string; fromString?: string | null; toString?: string | null }[];
}

export interface SearchRequest {
  readonly jql: string;
  readonly fields: readonly string[];
  readonly changelog: boolean;
  readonly pageSize: number;
}

/** Called after each page with its issues and, when Jira says, the total; answer false to stop. */
export type PageSink = (issues: RawIssue[], total: number | undefined) => boolean;

/** GET until the query string grows past this; then POST (Jira's advice for long JQL). */
const LONGEST_GET_JQL = 1500;

export async function searchCloud(client: HttpClient, request: SearchRequest, onPage: PageSink): Promise<Result<void, IntegrationError>> {
  let token: string | undefined;
  const post = request.jql.length > LONGEST_GET_JQL;
  for (;;) {
    const expand = request.changelog ? 'changelog' : undefined;
    const response = post
      ? await client.send({
          method: 'POST',
          path: '/rest/api/3/search/jql',
          json: {
            jql: request.jql,
            fields: request.fields,
            maxResults: request.pageSize,
            ...(expand ? { expand } : {}),
            ...(token ? { nextPageToken: token } : {}),
          },
        })
      : await client.send({
          path: '/rest/api/3/search/jql',
          query: { jql: request.jql, fields: request.fields.join(','), maxResults: request.pageSize, expand, nextPageToken: token },
        });
    if (!response.ok) return response;
    const body = response.value.body as { issues?: unknown; nextPageToken?: unknown; isLast?: unknown } | null;
    const issues = readIssues(body?.issues);
    if (!issues) return err(badResponse('/rest/api/3/search/jql', 'an object with an issues array'));
    if (!onPage(issues, undefined)) return ok(undefined);
    const next = typeof body?.nextPageToken === 'string' && body.nextPageToken !== '' ? body.nextPageToken : undefined;
    if (body?.isLast === true || next === undefined) return ok(undefined);
    if (next === token) return err(badResponse('/rest/api/3/search/jql', 'a new nextPageToken on every page (the same one came twice)'));
    token = next;
  }
}

export async function searchDataCenter(
  client: HttpClient,
  request: SearchRequest,
  onPage: PageSink,
): Promise<Result<void, IntegrationError>> {
  let startAt = 0;
  for (;;) {
    const response = await client.send({
      path: '/rest/api/2/search',
      query: {
        jql: request.jql,
        startAt,
        maxResults: request.pageSize,
        fields: request.fields.join(','),
        expand: request.changelog ? 'changelog' : undefined,
      },
    });
    if (!response.ok) return response;
    const body = response.value.body as { issues?: unknown; total?: unknown } | null;
    const issues = readIssues(body?.issues);
    if (!issues) return err(badResponse('/rest/api/2/search', 'an object with an issues array'));
    const total = typeof body?.total === 'number' ? body.total : undefined;
    if (!onPage(issues, total)) return ok(undefined);
    startAt += issues.length;
    if (issues.length === 0 || total === undefined || startAt >= total) return ok(undefined);
  }
}

/** The keys of a board's issues (narrowed by `jql`), page by page. */
export async function boardKeys(
  client: HttpClient,
  board: number,
  jql: string | undefined,
  onPage: (keys: string[], total: number | undefined) => boolean | Promise<boolean>,
): Promise<Result<void, IntegrationError>> {
  let startAt = 0;
  const path = `/rest/agile/1.0/board/${board}/issue`;
  for (;;) {
    const response = await client.send({ path, query: { startAt, maxResults: 50, fields: 'key', jql } });
    if (!response.ok) return response;
    const body = response.value.body as { issues?: unknown; total?: unknown } | null;
    const issues = readIssues(body?.issues);
    if (!issues) return err(badResponse(path, 'an object with an issues array'));
    const total = typeof body?.total === 'number' ? body.total : undefined;
    if (
      !(await onPage(
        issues.map((i) => i.key),
        total,
      ))
    )
      return ok(undefined);
    startAt += issues.length;
    if (issues.length === 0 || total === undefined || startAt >= total) return ok(undefined);
  }
}

/** The whole changelog of one issue, oldest first (Cloud's paged changelog resource). */
export async function fullChangelog(client: HttpClient, key: string): Promise<Result<RawHistory[], IntegrationError>> {
  const out: RawHistory[] = [];
  const path = `/rest/api/3/issue/${encodeURIComponent(key)}/changelog`;
  for (;;) {
    const response = await client.send({ path, query: { startAt: out.length, maxResults: 100 } });
    if (!response.ok) return response;
    const body = response.value.body as { values?: unknown; total?: unknown; isLast?: unknown } | null;
    if (!body || !Array.isArray(body.values)) return err(badResponse(path, 'an object with a values array'));
    out.push(...body.values.map(slimHistory));
    const total = typeof body.total === 'number' ? body.total : undefined;
    if (body.values.length === 0 || body.isLast === true || (total !== undefined && out.length >= total)) return ok(out);
  }
}

function readIssues(value: unknown): RawIssue[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const out: RawIssue[] = [];
  for (const raw of value) {
    if (!raw || typeof raw !== 'object') return undefined;
    const r = raw as { id?: unknown; key?: unknown; fields?: unknown; changelog?: { total?: unknown; histories?: unknown } };
    if (typeof r.key !== 'string') return undefined;
    const issue: RawIssue = {
      ...(typeof r.id === 'string' ? { id: r.id } : {}),
      key: r.key,
      fields: r.fields && typeof r.fields === 'object' ? (r.fields as Record<string, unknown>) : {},
    };
    if (r.changelog && Array.isArray(r.changelog.histories)) {
      issue.changelog = {
        ...(typeof r.changelog.total === 'number' ? { total: r.changelog.total } : {}),
        histories: r.changelog.histories.map(slimHistory),
      };
    }
    out.push(issue);
  }
  return out;
}

/** Keeps what the mapping reads of a history: authors carry avatars and e-mail we neither need nor keep. */
function slimHistory(raw: unknown): RawHistory {
  const h = (raw ?? {}) as { id?: unknown; author?: { displayName?: unknown }; created?: unknown; items?: unknown };
  const items = Array.isArray(h.items) ? h.items : [];
  return {
    ...(h.id !== undefined && h.id !== null ? { id: String(h.id) } : {}),
    ...(typeof h.author?.displayName === 'string' ? { author: { displayName: h.author.displayName } } : {}),
    ...(typeof h.created === 'string' ? { created: h.created } : {}),
    items: items.map((i: { field?: unknown; fieldId?: unknown; fromString?: unknown; toString?: unknown }) => ({
      ...(typeof i.field === 'string' ? { field: i.field } : {}),
      ...(typeof i.fieldId === 'string' ? { fieldId: i.fieldId } : {}),
      fromString: typeof i.fromString === 'string' ? i.fromString : null,
      toString: typeof i.toString === 'string' ? i.toString : null,
    })),
  };
}

function badResponse(path: string, expected: string): IntegrationError {
  return { kind: 'bad-response', message: `Jira answered ${path} with something other than ${expected}; is the site URL a Jira site?` };
}
