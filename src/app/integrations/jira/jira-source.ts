import type { ExternalBatch } from '../../../domain/external-work.js';
import type { JiraIntegration } from '../../../domain/integration.js';
import { err, ok, type Result } from '../../../domain/result.js';
import { jiraOwnedFields, mapJiraIssues } from '../../../formats/jira/map-issues.js';
import { type HttpAuth, type HttpClient, type HttpDeps, httpClient, type IntegrationError } from '../http-client.js';
import type { ProgressSink, WorkSource } from '../work-source.js';
import { andJql, fieldsFor, quoteJql, selectionJql, updatedSince } from './jira-query.js';
import { boardKeys, fullChangelog, type RawIssue, type SearchRequest, searchCloud, searchDataCenter } from './jira-search.js';

/**
 * Jira as a `WorkSource`: Cloud (REST v3, enhanced search by `nextPageToken`) or Data Center
 * (REST v2, search by `startAt`), selecting by JQL, by an Agile board or by epics.
 *
 * A fetch asks for only the fields the mapping reads, with the changelog expanded; a Cloud issue
 * whose embedded changelog is cut short (histories < total) gets the rest from its changelog
 * resource. Issues are mapped together once fetched, so an epic, a link or a fix version that spans
 * pages maps the same as within one page.
 */

/** Issues per search page: Jira Cloud caps pages with fields at 100. */
const PAGE = 100;
/** Keys per page when only keys are asked for (Cloud allows 5,000; Data Center caps lower and says so). */
const KEY_PAGE = 5000;
/** Board issues come 50 a page; each page's keys are then searched with fields in one request. */
const KEYS_PER_SEARCH = 50;

/** Where the last `fetch` spent its time, in ms: reading Jira (changelogs included) and mapping. */
export interface JiraFetchStats {
  readonly issues: number;
  readonly readMs: number;
  readonly changelogRequests: number;
  readonly mapMs: number;
}

/** A Jira `WorkSource`, with its HTTP client (requests sent, time waited) and timings for benches and progress reports. */
export interface JiraSource extends WorkSource {
  readonly client: HttpClient;
  lastFetch(): JiraFetchStats | undefined;
}

export function jiraSource(config: JiraIntegration, secret: string, deps: HttpDeps): JiraSource {
  const cloud = config.api === 'cloud';
  const auth: HttpAuth = config.auth.kind === 'basic' ? { kind: 'basic', user: config.auth.email, secret } : { kind: 'bearer', secret };
  const authHint =
    config.auth.kind === 'basic'
      ? `the API token in ${config.auth.tokenEnv} and the e-mail ${config.auth.email} (an Atlassian account API token, not a password)`
      : `the personal access token in ${config.auth.tokenEnv}`;
  const client = httpClient({ baseUrl: config.site, auth, service: 'Jira', authHint }, deps);
  const mapping = config.mapping;
  const select = config.select;
  const fields = fieldsFor(mapping);
  const describe =
    'board' in select
      ? `board ${select.board}${select.jql ? ` narrowed by JQL "${select.jql}"` : ''}`
      : 'epics' in select
        ? `epics ${select.epics.join(', ')} and their issues`
        : `JQL "${select.jql}"`;

  /** A 400 on a search is Jira refusing the JQL, a 404 on a board a wrong board number: say which setting to fix. */
  const explain = (e: IntegrationError): IntegrationError => {
    if (e.kind === 'http' && e.status === 400)
      return { ...e, message: `Jira refused the selection's JQL (${describe}): ${e.message} Check select in the Jira integration.` };
    if (e.kind === 'not-found' && 'board' in select)
      return { ...e, message: `${e.message} Check select.board: the number in the board's address (…/boards/84).` };
    return e;
  };

  const search = (request: SearchRequest, onPage: (issues: RawIssue[], total: number | undefined) => boolean) =>
    (cloud ? searchCloud : searchDataCenter)(client, request, onPage);

  async function test(): Promise<Result<{ account: string; detail: string }, IntegrationError>> {
    const me = await client.send({ path: cloud ? '/rest/api/3/myself' : '/rest/api/2/myself' });
    if (!me.ok) return me;
    const body = (me.value.body ?? {}) as { displayName?: unknown; emailAddress?: unknown; name?: unknown };
    const account = String(body.displayName ?? body.emailAddress ?? body.name ?? 'unknown account');
    // Try the selection too, one key's worth, so a bad JQL or a missing board shows at "Test connection".
    if ('board' in select) {
      const board = await client.send({ path: `/rest/agile/1.0/board/${select.board}` });
      if (!board.ok) return err(explain(board.error));
      const name = String((board.value.body as { name?: unknown } | null)?.name ?? select.board);
      return ok({ account, detail: `Signed in to ${config.site} as ${account}; board ${select.board} is "${name}".` });
    }
    const jql = selectionJql(select, mapping) as string;
    let total: number | undefined;
    const probe = await search({ jql, fields: ['key'], changelog: false, pageSize: 1 }, (_, said) => {
      total = said;
      return false;
    });
    if (!probe.ok) return err(explain(probe.error));
    if (cloud) total = await approximateCount(jql);
    const selects =
      total === undefined ? 'is valid' : `is valid and selects ${total.toLocaleString('en-US')} issue${total === 1 ? '' : 's'}`;
    return ok({
      account,
      detail: `Signed in to ${config.site} (${cloud ? 'Jira Cloud' : 'Jira Data Center'}) as ${account}; the ${describe} ${selects}.`,
    });
  }

  /** Every issue of the selection updated since `since`, raw, with complete changelogs. */
  async function fetchRaw(
    since: string | undefined,
    progress: ProgressSink,
    limit: number | undefined,
  ): Promise<Result<RawIssue[], IntegrationError>> {
    const recent = since === undefined ? undefined : updatedSince(since);
    if (since !== undefined && recent === undefined)
      return err({ kind: 'config', message: `the last sync time "${since}" is not an ISO 8601 time` });
    const issues: RawIssue[] = [];
    const wanted = limit ?? Number.POSITIVE_INFINITY;
    const take = (page: RawIssue[], total: number | undefined) => {
      issues.push(...page.slice(0, Math.max(0, wanted - issues.length)));
      progress({ phase: 'fetching', done: issues.length, ...(total !== undefined ? { total: Math.min(total, wanted) } : {}) });
      return issues.length < wanted;
    };
    progress({ phase: 'fetching', done: 0 });
    let failure: IntegrationError | undefined;
    const fail = (e: IntegrationError) => {
      failure = e;
      return false;
    };
    if ('board' in select) {
      // The board's own issue resource ignores expand, so it gives the keys; a search by key gives fields and changelogs.
      let boardTotal: number | undefined;
      const listed = await boardKeys(
        client,
        select.board,
        andJql(select.jql ? selectionJql(select, mapping) : undefined, recent),
        async (keys, total) => {
          boardTotal = total;
          for (let i = 0; i < keys.length && issues.length < wanted; i += KEYS_PER_SEARCH) {
            const chunk = keys.slice(i, i + KEYS_PER_SEARCH);
            const found = await searchCollect({
              jql: `key in (${chunk.map(quoteKey).join(', ')}) ORDER BY key`,
              fields,
              changelog: mapping.changelog,
              pageSize: PAGE,
            });
            if (!found.ok) return fail(found.error);
            take(found.value, boardTotal);
          }
          return issues.length < wanted;
        },
      );
      if (failure) return err(failure);
      if (!listed.ok) return err(explain(listed.error));
    } else {
      const where = andJql(selectionJql(select, mapping), recent) as string;
      // Cloud's enhanced search gives no total: ask for the count first, for the progress bar (optional: older sites lack it).
      const total = cloud ? await approximateCount(where) : undefined;
      const found = await search({ jql: `${where} ORDER BY key`, fields, changelog: mapping.changelog, pageSize: PAGE }, (page, said) =>
        take(page, said ?? total),
      );
      if (!found.ok) return err(explain(found.error));
    }
    if (mapping.changelog && cloud) {
      for (const issue of issues) {
        const log = issue.changelog;
        if (log && (log.total === undefined || log.histories.length >= log.total)) continue;
        changelogRequests++;
        const full = await fullChangelog(client, issue.key);
        if (!full.ok) return full;
        issue.changelog = { total: full.value.length, histories: full.value };
      }
    }
    return ok(issues);
  }

  async function approximateCount(jql: string): Promise<number | undefined> {
    const r = await client.send({ method: 'POST', path: '/rest/api/3/search/approximate-count', json: { jql } });
    const count = r.ok ? (r.value.body as { count?: unknown } | null)?.count : undefined;
    return typeof count === 'number' && count >= 0 ? count : undefined;
  }

  async function searchCollect(request: SearchRequest): Promise<Result<RawIssue[], IntegrationError>> {
    const out: RawIssue[] = [];
    const r = await search(request, (page) => {
      out.push(...page);
      return true;
    });
    return r.ok ? ok(out) : r;
  }

  let stats: JiraFetchStats | undefined;
  let changelogRequests = 0;

  async function fetch(
    since: string | undefined,
    progress: ProgressSink,
    limit?: number,
  ): Promise<Result<ExternalBatch, IntegrationError>> {
    changelogRequests = 0;
    let t = performance.now();
    const raw = await fetchRaw(since, progress, limit);
    if (!raw.ok) return raw;
    const readMs = performance.now() - t;
    t = performance.now();
    const mapped = mapJiraIssues(raw.value, mapping, { site: config.site });
    stats = { issues: raw.value.length, readMs, changelogRequests, mapMs: performance.now() - t };
    if (!mapped.ok) {
      const shown = mapped.error.slice(0, 5).map((p) => `${p.message}${p.hint ? ` (${p.hint})` : ''}`);
      const more = mapped.error.length > 5 ? `; and ${mapped.error.length - 5} more` : '';
      return err({ kind: 'bad-response', message: `Jira sent issues the mapping cannot read: ${shown.join('; ')}${more}.` });
    }
    return mapped;
  }

  async function keys(progress: ProgressSink): Promise<Result<ReadonlySet<string>, IntegrationError>> {
    const out = new Set<string>();
    progress({ phase: 'listing', done: 0 });
    const collect = (list: readonly string[], total: number | undefined) => {
      for (const k of list) out.add(k);
      progress({ phase: 'listing', done: out.size, ...(total !== undefined ? { total } : {}) });
      return true;
    };
    const r =
      'board' in select
        ? await boardKeys(client, select.board, select.jql ? selectionJql(select, mapping) : undefined, collect)
        : await search(
            { jql: `${selectionJql(select, mapping)} ORDER BY key`, fields: ['key'], changelog: false, pageSize: KEY_PAGE },
            (page, total) =>
              collect(
                page.map((i) => i.key),
                total,
              ),
          );
    return r.ok ? ok(out) : err(explain(r.error));
  }

  return {
    system: 'jira',
    owned: jiraOwnedFields(mapping),
    describe,
    test,
    fetch,
    keys,
    client,
    lastFetch: () => stats,
  };
}

/** A key in JQL: bare when it looks like one, else quoted. */
function quoteKey(key: string): string {
  return /^[A-Z][A-Z0-9_]*-\d+$/i.test(key) ? key : quoteJql(key);
}
