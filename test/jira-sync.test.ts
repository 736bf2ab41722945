import { afterEach, describe, expect, it } from 'vitest';
import type { HttpDeps } from '../src/app/integrations/http-client.js';
import { fieldsFor } from '../src/app/integrations/jira/jira-query.js';
import { jiraSource } from '../src/app/integrations/jira/jira-source.js';
import type { SyncProgress } from '../src/app/integrations/work-source.js';
import { jiraIntegrationSchema } from '../src/domain/integration.js';
import { actionableAgileIssues, corpusDataset, generateDataset, type JiraDataset } from './support/jira-dataset.js';
import { type JiraReplayOptions, type JiraReplayServer, startJiraReplay } from './support/jira-replay-server.js';

// The Jira client (src/app/integrations/jira) against a replay of Jira over real HTTP on 127.0.0.1:
// real recorded issues (shared/corpora/jira) and clones of them; see test/support/jira-replay-server.ts.

const EMAIL = 'tpm@example.com';
const TOKEN = 'ATATT3xFfGF0-replay-secret-token';

let server: JiraReplayServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

async function replay(dataset: JiraDataset, options: Partial<JiraReplayOptions> = {}): Promise<JiraReplayServer> {
  server = await startJiraReplay({ dataset, auth: { kind: 'basic', email: EMAIL, token: TOKEN }, ...options });
  return server;
}

/** A sleep that records what it was asked to wait and returns at once; a clock that moves with it. */
function recordingDeps(): HttpDeps & { slept: number[] } {
  const slept: number[] = [];
  let clock = Date.parse('2026-11-27T00:00:00Z');
  return {
    slept,
    sleep: async (ms) => {
      slept.push(ms);
      clock += ms;
    },
    now: () => clock,
  };
}

function config(site: string, overrides: Record<string, unknown> = {}) {
  return jiraIntegrationSchema.parse({
    site,
    auth: { kind: 'basic', email: EMAIL, tokenEnv: 'JIRA_API_TOKEN' },
    select: { jql: 'project = UT' },
    mapping: { team: { from: 'component' }, estimate: { from: 'story-points' } },
    ...overrides,
  });
}

const searches = (s: JiraReplayServer, path = '/rest/api/3/search/jql') => s.requests.filter((r) => r.path === path);

describe('Jira source over the replay server: connection', () => {
  it('tests the connection: who we are signed in as (the recorded /myself), and that the JQL is valid', async () => {
    const s = await replay(corpusDataset());
    const source = jiraSource(config(s.url), TOKEN, recordingDeps());
    const r = await source.test();
    expect(r.ok && r.value.account).toBe('Person A');
    expect(r.ok && r.value.detail).toContain('JQL "project = UT" is valid and selects 25 issues');
    expect(s.requests.map((q) => `${q.method} ${q.path}`)).toEqual([
      'GET /rest/api/3/myself',
      'GET /rest/api/3/search/jql',
      'POST /rest/api/3/search/approximate-count',
    ]);
    expect(s.requests.every((q) => q.auth === 'basic' && q.authorized)).toBe(true);
    expect(JSON.stringify(s.requests)).not.toContain(TOKEN);
  });

  it('a wrong API token: Jira answers 401 and the message says what to check, without the token', async () => {
    const s = await replay(corpusDataset());
    const source = jiraSource(config(s.url), 'not-the-token-123', recordingDeps());
    const r = await source.test();
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.kind).toBe('auth');
    expect(r.error.message).toContain('HTTP 401');
    expect(r.error.message).toContain('JIRA_API_TOKEN');
    expect(r.error.message).toContain(EMAIL);
    expect(r.error.message).toContain('You are not authenticated');
    expect(r.error.message).not.toContain('not-the-token-123');
    expect(s.requests[0]).toMatchObject({ auth: 'basic', authorized: false, status: 401 });
  });

  it('Data Center with a personal access token (bearer) signs in through /rest/api/2/myself', async () => {
    const s = await replay(corpusDataset(), { auth: { kind: 'bearer', token: TOKEN } });
    const source = jiraSource(
      config(s.url, { api: 'data-center', auth: { kind: 'bearer', tokenEnv: 'JIRA_PAT' } }),
      TOKEN,
      recordingDeps(),
    );
    const r = await source.test();
    expect(r.ok && r.value.account).toBe('Person A');
    expect(s.requests[0]).toMatchObject({ path: '/rest/api/2/myself', auth: 'bearer', authorized: true });
    const wrong = await jiraSource(
      config(s.url, { api: 'data-center', auth: { kind: 'bearer', tokenEnv: 'JIRA_PAT' } }),
      'wrong-pat-456',
      recordingDeps(),
    ).test();
    expect(!wrong.ok && wrong.error.message).toContain('JIRA_PAT');
    expect(!wrong.ok && wrong.error.message).not.toContain('wrong-pat-456');
  });

  it("a board: test names it; a board that does not exist is a not-found with Jira's words", async () => {
    const s = await replay(generateDataset({ issues: 10 }));
    const ok = await jiraSource(config(s.url, { select: { board: 1 } }), TOKEN, recordingDeps()).test();
    expect(ok.ok && ok.value.detail).toContain('board 1 is "NET board"');
    const missing = await jiraSource(config(s.url, { select: { board: 7 } }), TOKEN, recordingDeps()).fetch(undefined, () => {});
    expect(!missing.ok && missing.error.kind).toBe('not-found');
    expect(!missing.ok && missing.error.message).toContain('Board does not exist or you do not have permission to see it.');
    expect(!missing.ok && missing.error.message).toContain('Check select.board');
  });

  it('JQL Jira cannot read: the 400 body is shown and the setting to fix is named', async () => {
    const s = await replay(corpusDataset());
    const source = jiraSource(config(s.url, { select: { jql: 'projekt = UT' } }), TOKEN, recordingDeps());
    const r = await source.fetch(undefined, () => {});
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toContain("Field 'projekt' does not exist or you do not have permission to view it.");
    expect(r.error.message).toContain('JQL "projekt = UT"');
    expect(r.error.message).toContain('Check select');
    expect(s.requests.at(-1)?.status).toBe(400);
  });
});

describe('Jira source over the replay server: fetching', () => {
  it('Cloud: the 25 real issues with complete changelogs, even when Jira embeds only the first 3 histories', async () => {
    const s = await replay(corpusDataset(), { changelogEmbedLimit: 3 });
    const source = jiraSource(config(s.url), TOKEN, recordingDeps());
    const seen: SyncProgress[] = [];
    const r = await source.fetch(undefined, (p) => seen.push(p));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const real = actionableAgileIssues();
    expect(r.value.works.map((w) => w.key).sort()).toEqual(real.map((i) => i.key).sort());
    // Every item of every recorded history, once: embedded ones and those fetched from /changelog.
    const items = real.reduce((n, i) => n + i.histories.reduce((m, h) => m + h.items.length, 0), 0);
    expect(r.value.activity).toHaveLength(items);
    expect(new Set(r.value.activity.map((a) => a.id)).size).toBe(items);
    const truncated = real.filter((i) => i.histories.length > 3).map((i) => i.key);
    expect(truncated.length).toBeGreaterThan(5);
    expect(
      s.requests
        .filter((q) => q.path.endsWith('/changelog'))
        .map((q) => decodeURIComponent(q.path.split('/')[5] ?? ''))
        .sort(),
    ).toEqual(truncated.sort());
    const search = searches(s)[0];
    expect(search?.query.fields?.split(',').sort()).toEqual(fieldsFor(config(s.url).mapping).sort());
    expect(search?.query.expand).toBe('changelog');
    expect(search?.query.jql).toBe('project = UT ORDER BY key');
    expect(seen.at(-1)).toEqual({ phase: 'fetching', done: 25, total: 25 });
    expect(s.requests[0]).toMatchObject({ method: 'POST', path: '/rest/api/3/search/approximate-count', body: { jql: 'project = UT' } });
  });

  it('changelog off in the mapping: no expand, no changelog requests, no activity; custom fields asked for by id', async () => {
    const s = await replay(corpusDataset(), { changelogEmbedLimit: 1 });
    const mapping = {
      changelog: false,
      team: { from: 'field', field: 'customfield_10001' },
      estimate: { from: 'field', field: 'customfield_10105' },
    };
    const source = jiraSource(config(s.url, { mapping }), TOKEN, recordingDeps());
    const r = await source.fetch(undefined, () => {});
    expect(r.ok && r.value.activity).toEqual([]);
    const query = searches(s)[0]?.query;
    expect(query?.expand).toBeUndefined();
    expect(query?.fields?.split(',')).toEqual(expect.arrayContaining(['customfield_10001', 'customfield_10105', 'customfield_10020']));
    expect(query?.fields?.split(',')).not.toContain('components');
    expect(s.requests.some((q) => q.path.endsWith('/changelog'))).toBe(false);
  });

  it('Cloud pages by nextPageToken until isLast: 250 issues in 3 pages of ≤ 100, each issue once', async () => {
    const s = await replay(generateDataset({ issues: 250 }));
    const source = jiraSource(config(s.url, { select: { jql: 'project = NET' } }), TOKEN, recordingDeps());
    const seen: SyncProgress[] = [];
    const r = await source.fetch(undefined, (p) => seen.push(p));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const pages = searches(s);
    expect(pages).toHaveLength(3);
    expect(pages[0]?.query.nextPageToken).toBeUndefined();
    expect(pages[1]?.query.nextPageToken).toBeDefined();
    expect(pages[2]?.query.nextPageToken).not.toBe(pages[1]?.query.nextPageToken);
    expect(pages.every((p) => p.query.maxResults === '100')).toBe(true);
    // 250 issues; epics (1 in 40) become workstreams; fix versions become milestone works.
    const issues = r.value.works.filter((w) => /^NET-\d+$/.test(w.key));
    expect(issues).toHaveLength(250 - 7);
    expect(r.value.workstreams).toHaveLength(7);
    expect(seen.filter((p) => p.phase === 'fetching').map((p) => [p.done, p.total])).toEqual([
      [0, undefined],
      [100, 250],
      [200, 250],
      [250, 250],
    ]);
  });

  it('Data Center pages by startAt/maxResults/total with a bearer token', async () => {
    const s = await replay(generateDataset({ issues: 230 }), { auth: { kind: 'bearer', token: TOKEN } });
    const source = jiraSource(
      config(s.url, { api: 'data-center', auth: { kind: 'bearer', tokenEnv: 'JIRA_PAT' }, select: { jql: 'project = NET' } }),
      TOKEN,
      recordingDeps(),
    );
    const seen: SyncProgress[] = [];
    const r = await source.fetch(undefined, (p) => seen.push(p));
    expect(r.ok).toBe(true);
    const pages = searches(s, '/rest/api/2/search');
    expect(pages.map((p) => p.query.startAt)).toEqual(['0', '100', '200']);
    expect(seen.at(-1)).toEqual({ phase: 'fetching', done: 230, total: 230 });
    expect(s.requests.some((q) => q.path.includes('/changelog'))).toBe(false);
    expect(r.ok && r.value.works.filter((w) => /^NET-\d+$/.test(w.key))).toHaveLength(230 - 6);
  });

  it('a board: its issues by startAt (50 a page), each page searched by key with fields and changelog', async () => {
    const s = await replay(generateDataset({ issues: 120 }));
    const source = jiraSource(config(s.url, { select: { board: 1 } }), TOKEN, recordingDeps());
    const r = await source.fetch(undefined, () => {});
    expect(r.ok).toBe(true);
    const board = s.requests.filter((q) => q.path === '/rest/agile/1.0/board/1/issue');
    expect(board.map((q) => q.query.startAt)).toEqual(['0', '50', '100']);
    expect(searches(s)).toHaveLength(3);
    expect(searches(s)[0]?.query.jql).toMatch(/^key in \(NET-1, NET-2, .*NET-50\) ORDER BY key$/);
    expect(r.ok && r.value.works.filter((w) => /^NET-\d+$/.test(w.key))).toHaveLength(120 - 3);
    const keys = await source.keys(() => {});
    expect(keys.ok && keys.value.size).toBe(120);
  });

  it('epics: the epics and their children (parent), and the classic Epic Link when the mapping names it', async () => {
    const s = await replay(generateDataset({ issues: 100 }));
    const source = jiraSource(config(s.url, { select: { epics: ['NET-41'] } }), TOKEN, recordingDeps());
    const r = await source.fetch(undefined, () => {});
    expect(searches(s)[0]?.query.jql).toBe('key in (NET-41) OR parent in (NET-41) ORDER BY key');
    expect(r.ok && r.value.workstreams.map((w) => w.id)).toEqual(['NET-41']);
    expect(r.ok && r.value.works.filter((w) => /^NET-\d+$/.test(w.key)).map((w) => w.key)).toEqual(
      Array.from({ length: 39 }, (_, n) => `NET-${42 + n}`),
    );

    await s.stop();
    const c = await replay(corpusDataset(), { epicLinkField: 'customfield_10700' });
    const classic = jiraSource(
      config(c.url, { select: { epics: ['AR-37'] }, mapping: { epicLinkField: 'customfield_10700' } }),
      TOKEN,
      recordingDeps(),
    );
    const found = await classic.fetch(undefined, () => {});
    expect(searches(c)[0]?.query.jql).toBe('key in (AR-37) OR parent in (AR-37) OR "Epic Link" in (AR-37) ORDER BY key');
    expect(found.ok && found.value.works.map((w) => [w.key, w.fields.workstream])).toEqual([['AR-86', 'AR-37']]);
  });

  it('a 429 mid-sync: waits exactly Retry-After (recorded, not slept) and completes with every issue', async () => {
    const s = await replay(generateDataset({ issues: 250 }));
    s.rateLimitOn(2, 30);
    const deps = recordingDeps();
    const source = jiraSource(config(s.url, { select: { jql: 'project = NET' } }), TOKEN, deps);
    const r = await source.fetch(undefined, () => {});
    expect(r.ok).toBe(true);
    expect(deps.slept).toEqual([30_000]);
    // The count, then the first page refused and sent again, then two more pages.
    expect(s.requests.map((q) => q.status)).toEqual([200, 429, 200, 200, 200]);
    // The refused request is sent again as it was.
    expect(s.requests[2]?.query).toEqual(s.requests[1]?.query);
    expect(r.ok && r.value.works.filter((w) => /^NET-\d+$/.test(w.key))).toHaveLength(250 - 7);
  });

  it('incremental: asks for updated >= one day before the last sync, and gets only what changed since', async () => {
    const data = generateDataset({ issues: 150 });
    const s = await replay(data, { timeZone: 'America/New_York' });
    const since = '2026-12-01T10:30:00.000Z';
    data.edit('NET-7', { summary: 'Checkout retries are idempotent' }, new Date('2026-12-02T08:00:00Z'));
    data.edit('NET-120', { labels: ['customer-facing', 'security'] }, new Date('2026-12-01T02:00:00Z'));
    // 10:00 in New York, the user's zone: before "2026/11/30 10:30" as Jira reads it (though after 10:30 UTC).
    data.edit('NET-130', { labels: ['security'] }, new Date('2026-11-30T15:00:00Z'));
    const source = jiraSource(config(s.url, { select: { jql: 'project = NET ORDER BY rank' } }), TOKEN, recordingDeps());
    const r = await source.fetch(since, () => {});
    expect(searches(s)[0]?.query.jql).toBe('(project = NET) AND updated >= "2026/11/30 10:30" ORDER BY key');
    expect(r.ok && r.value.works.filter((w) => /^NET-\d+$/.test(w.key)).map((w) => [w.key, w.fields.title])).toEqual([
      ['NET-7', 'Checkout retries are idempotent'],
      ['NET-120', expect.stringContaining('NET-120')],
    ]);
  });

  it('keys(): the whole selection, keys only, in pages of up to 5,000', async () => {
    const s = await replay(generateDataset({ issues: 250 }));
    const source = jiraSource(config(s.url, { select: { jql: 'project = NET' } }), TOKEN, recordingDeps());
    const r = await source.keys(() => {});
    expect(r.ok && r.value.size).toBe(250);
    expect(searches(s)).toHaveLength(1);
    expect(searches(s)[0]?.query).toMatchObject({ fields: 'key', maxResults: '5000' });
  });

  it('a preview stops after `limit` issues', async () => {
    const s = await replay(generateDataset({ issues: 250 }));
    const source = jiraSource(config(s.url, { select: { jql: 'project = NET' } }), TOKEN, recordingDeps());
    const r = await source.fetch(undefined, () => {}, 20);
    expect(searches(s)).toHaveLength(1);
    expect(r.ok && r.value.works.filter((w) => /^NET-\d+$/.test(w.key)).length).toBeLessThanOrEqual(20);
  });
});

describe('Jira source over the replay server: long changelogs and long JQL', () => {
  it('an issue with 250 histories: the rest comes from /changelog in pages of 100, every entry once', async () => {
    const data = generateDataset({ issues: 30 });
    for (let k = 0; k < 250; k++) data.edit('NET-12', { labels: [`l${k}`] }, new Date(Date.UTC(2026, 5, 1, 0, k)));
    const s = await replay(data);
    const source = jiraSource(config(s.url, { select: { jql: 'project = NET' } }), TOKEN, recordingDeps());
    const r = await source.fetch(undefined, () => {});
    expect(r.ok).toBe(true);
    const pages = s.requests.filter((q) => q.path === '/rest/api/3/issue/NET-12/changelog');
    const total = data.get('NET-12').histories.length;
    expect(pages.map((q) => q.query.startAt)).toEqual(['0', '100', '200'].concat(total > 300 ? ['300'] : []));
    const labels = r.ok ? r.value.activity.filter((a) => a.item === 'NET-12' && a.field === 'labels') : [];
    expect(labels).toHaveLength(250);
    expect(labels.at(-1)?.to).toBe('l249');
    expect(source.lastFetch()).toMatchObject({ issues: 30, changelogRequests: 1 });
  });

  it('JQL too long for a URL goes by POST (150 epics), with the same paging', async () => {
    const s = await replay(generateDataset({ issues: 1500, epicEvery: 10 }));
    const epics = Array.from({ length: 150 }, (_, n) => `NET-${n * 10 + 1}`);
    const source = jiraSource(config(s.url, { select: { epics } }), TOKEN, recordingDeps());
    const r = await source.fetch(undefined, () => {});
    expect(r.ok).toBe(true);
    const posts = searches(s).filter((q) => q.method === 'POST');
    expect(posts.length).toBe(searches(s).length);
    expect(posts.length).toBe(15);
    expect(posts[1]?.body).toMatchObject({ maxResults: 100, expand: 'changelog', nextPageToken: expect.any(String) });
    expect(r.ok && r.value.workstreams).toHaveLength(150);
  });
});
